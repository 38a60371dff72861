# break with a value out of each (else: the receiver), `x = a or next`
# inside nested bodies, ENV[k] ||= with a computed key and a maybe-nil value,
# x = Integer(s) rescue (statements that leave)
BACKOFF = [0.001, 0.002].freeze

def attempt_all(results)
  (1..results.size).each do |n|
    begin
      raise IOError, "busy #{n}" unless results[n - 1]
      puts "attempt #{n}: ok"
      break n
    rescue IOError => e
      pause = BACKOFF[n - 1] or next
      sleep pause
      puts "#{e.message}, waited #{pause}"
    end
  end
end

p attempt_all([false, true, true])
p attempt_all([false, false, false])
found = %w[a bb ccc].each { |w| break w.upcase if w.size == 2 }
p found
none = %w[a b].each { |w| break if w == 'z' }
p none
stopped = [1, 2, 3].each { |i| break if i == 2 }
p stopped

def load_env(lines)
  lines.filter_map do |line|
    next if line.strip.empty? || line.start_with?('#')
    key, value = line.split('=', 2)
    value = value.to_s.strip.delete_prefix('"').delete_suffix('"') if value
    ENV[key.strip] ||= value
    key.strip
  end
end

ENV['FAMILY_SET'] = 'kept'
p load_env([' FAMILY_SET = "new"', '# comment', 'FAMILY_NEW="fresh"', 'FAMILY_NIL', ''])
p ENV['FAMILY_SET'], ENV['FAMILY_NEW'], ENV.key?('FAMILY_NIL')

def port_of(text)
  Integer(text) rescue (puts "bad port #{text.inspect}"; return -1)
end
p port_of('25'), port_of('x')
limit = Integer('12') rescue (warn 'bad'; exit 3)
p limit

# options taken out of an argument list: delete_at with a computed index,
# slice!, and the local `if (i = ...)` tests, not nil inside its branch
args = %w[-s Weekly -f ops@example.com a@example.com b@example.com]
subject = 'cron output'
from = 'cron@example.com'
if (i = args.index('-s'))
  subject = args.delete_at(i + 1)
  args.delete_at(i)
end
if (i = args.index('-f'))
  from = args.slice!(i, 2).last
end
p subject, from, args, args.delete_at(7), args.slice!(5, 1), args.slice!(2, 1)
delay = [0.001 * 2**3, 0.004].min
sleep delay
p delay, [3, 1, 2].max

# ENV[k] = v for a v that may be nil (nil deletes k)
ENV['FAMILY_GONE'] = 'x'
[['FAMILY_GONE ', nil], ['FAMILY_SET2', 'y']].each do |key, value|
  ENV[key.strip] = value
end
p ENV.key?('FAMILY_GONE'), ENV['FAMILY_SET2']

# the right side of x && ..., x.nil? || ... and !x.nil? && ... sees x not nil;
# a && b is nil (not a's kind) when a is nil
require 'time'
NOW = Time.utc(2024, 5, 14, 7, 30)
[{ 'last' => '2024-05-13T07:00:00Z' }, { 'last' => nil }].each do |t|
  last = t['last'] && Time.iso8601(t['last'])
  stale = last.nil? || (NOW - last) / 3600 > 20
  fresh = !last.nil? && (NOW - last) < 3600 * 30
  p stale, fresh, last && last.hour
end
