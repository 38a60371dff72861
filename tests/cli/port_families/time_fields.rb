# Time: yday, weekday predicates, httpdate, %-d and %p in strftime, seconds
# between two times.
require 'time'
t = Time.utc(2024, 3, 5, 14, 7, 9)
later = t + 3600 * 26
puts later.strftime('%Y-%m-%d %H:%M %a %j %U')
puts later - t
puts (later - t).to_i / 3600
puts t.to_i, t.hour, t.wday, t.yday, t.month, t.min, t.sec
puts t.monday?, t.tuesday?
puts Time.at(0).utc
puts t
puts t.iso8601, t.xmlschema, t.httpdate, t.rfc2822
puts t.strftime('%-d/%-m/%y %I:%M %p %Z')
d = Time.utc(2024, 12, 31)
puts d.strftime('%B %-d, %Y')
