# DateTime (require 'date'): new (UTC), iso8601 and parse (no zone is UTC),
# its to_s, rfc2822 (no leading zero on the day), iso8601 and strftime,
# + and - counting days, the difference of two a Rational of days,
# prev_day / next_day, to_date, comparisons, and a DateTime kept in a Struct.
require 'date'

embargo = DateTime.new(2024, 3, 7, 9, 0, 0)
puts embargo, embargo.rfc2822, embargo.iso8601, embargo.strftime('%d %b %Y %H:%M %z')
puts embargo + 1, embargo - DateTime.new(2024, 3, 6, 21, 0, 0), (embargo - 0.5).hour
puts embargo.prev_day, embargo.next_day(3).strftime('%F'), embargo.to_date
Deploy = Struct.new(:at, :service)
deploys = ['2024-05-01T10:00:00+02:00', '2024-04-30T23:30:00Z'].map.with_index do |stamp, i|
  Deploy.new(DateTime.iso8601(stamp), "svc#{i}")
end
deploys.sort_by(&:at).each { |d| puts "#{d.service} at #{d.at} (#{d.at.hour}h)" }
puts DateTime.parse('2024-05-01 10:00'), deploys.first.at > embargo
puts "Date: #{DateTime.new(2024, 3, 25, 9, 0, 0).rfc2822}"
