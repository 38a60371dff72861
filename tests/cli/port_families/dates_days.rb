require 'date'
d = Date.new(2024, 3, 5)
puts d, d.to_s, "on #{d}"
puts d.strftime('%Y-%m-%d (%a) %b %-d'), d.wday, d.yday, d.cwday, d.cweek, d.mon, d.mday
nxt = d + 7
puts nxt, nxt - 1, d.next_day, d.prev_day(3), d.saturday?, d.tuesday?
e = Date.new(2024, 12, 25)
puts "#{(e - d).to_i} days to go"
puts d < e, [e, d].min, [e, d].sort.map(&:to_s).join(' ')
t = Time.utc(2024, 3, 5, 10, 0, 0)
puts t.to_date
puts Date.new(2024, 2) + 28
