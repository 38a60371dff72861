require 'date'
require 'time'
require 'json'
require 'optparse'

@verbose = ARGV.delete('-v')
@count = 0

def config
  @config ||= { relay: 'localhost', port: 25 }
end

def log(msg)
  @count += 1
  puts "[#{@count}] #{msg}" if @verbose || @count > 1
end

log 'start'
p config[:port], @verbose
[1, 2].each { |i| @count += i }
log 'done'
@n = @n.to_i + 1
p @n

# sort with a comparison block
q = [{ time: 1.5, n: 'a' }, { time: 3.0, n: 'b' }, { time: 2.0, n: 'c' }]
p q.sort { |a, b| b[:time] <=> a[:time] }[0, 2].map { |x| x[:n] }
p %w[bb a ccc].sort { |x, y| y.length <=> x.length }
certs = [['a', 3.5, 10], ['b', 1.5, -2]]
p certs.sort_by(&:last).map(&:first), certs.first.last

# Date.strptime, ctime dates
d = Date.strptime('2024-03-04', '%Y-%m-%d')
puts d, (Date.new(2024, 3, 18) - d).to_i
t = Time.parse('Apr  2 12:00:00 2024 GMT')
puts t.rfc2822, t.utc?

# OptionParser's accepted words
level = nil
OptionParser.new { |o| o.on('--level L', %w[low normal high]) { |v| level = v } }.parse!(%w[--level hi])
p level

# Array#delete for its value, tap inside an expression
args = %w[-q file -q]
p args.delete('-q'), args, args.delete('-x')
list = [3, 1].tap { |l| l << 2 }.sort
p list

# a part of parsed JSON
doc = JSON.parse('{"name": "Grace Hopper", "tags": ["a", "b", "c"]}')
p doc['name'][0, 5], doc['tags'][1, 5]

# file gets
File.write('lines.txt', "header\nfirst\nsecond\n")
File.open('lines.txt') do |f|
  f.gets
  while (line = f.gets)
    puts line.chomp.upcase
  end
end
File.delete('lines.txt')
