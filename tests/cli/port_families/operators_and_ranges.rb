# a class's own def << (chained, as a statement), Range#cover? and include?
# of a range literal (dates, numbers), `a || b` inside a block whose
# result feeds a comprehension (no walrus there), format's %.2f as Ruby
# rounds it
require 'date'

class Outbox
  def initialize = @items = []

  def <<(item)
    @items << item.upcase
    self
  end

  def size = @items.size
  def to_s = @items.join(',')
end

box = Outbox.new
box << 'a' << 'b'
box << 'c'
puts box, box.size

week = Date.new(2024, 2, 26)
days = %w[2024-02-26 2024-03-03 2024-03-04].map { |d| Date.parse(d) }
p days.map { |d| (week...week + 7).cover?(d) }, days.map { |d| (week..week + 7).include?(d) }
p (1..3).include?(2.5), (1...3).cover?(3), [0, 1, 5].select { |n| (1..4).cover?(n) }

rows = [{ country: 'de' }, { country: nil }, { country: 'de' }, {}]
by_country = rows.group_by { |r| r[:country] || 'unknown' }.transform_values(&:size)
p by_country
totals = [1234.565, 2.675, 88001.005, 0.125]
puts totals.map { |t| format('%.2f', t) }.join(' '), format('%8.1f|%-6.0f|', 0.25, 2.5)

# p of a Struct that may be nil, taken from a queue filled with <<
Job = Struct.new(:name, :tries, keyword_init: true)
class JobQueue
  def initialize = @jobs = []

  def <<(job)
    @jobs << job
    self
  end

  def peek = @jobs.first
end
queue = JobQueue.new
p queue.peek
queue << Job.new(name: 'backup', tries: 2)
p queue.peek

# values that may be a Symbol or a String, shown: the script's Symbols are
# ruby.Symbol (p, inspect, is_a?)
def probe(t)
  raise IOError, 'slow' if t > 1
  t.zero? ? 'down' : :ok
rescue IOError
  :timeout
end
results = [0, 0.5, 3].map { |t| [t, probe(t)] }
results.each { |t, r| puts "#{t}: #{r.inspect} #{r.is_a?(Symbol)} #{r.is_a?(String)}" }
p results, results.count { |_, r| r == :timeout }

# partition, sum and count with blocks of several statements
jobs = [{ 'name' => 'a', 'ms' => [1, 2] }, { 'name' => 'b', 'ms' => [] }, { 'name' => 'c', 'ms' => [5] }]
stale, fresh = jobs.partition do |j|
  n = j['ms'].size
  n.zero? || n > 1
end
p stale.map { |j| j['name'] }, fresh.map { |j| j['name'] }
total = jobs.sum do |j|
  ms = j['ms']
  ms.size * 2
end
failing = jobs.count do |j|
  ms = j['ms']
  ms.empty?
end
secs = [1.5, 2.25].sum do |x|
  y = x * 2
  y / 4
end
p total, failing, secs
