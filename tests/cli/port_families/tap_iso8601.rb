# tap(&:name) on a Net::SMTP (the object itself is the value); Time.iso8601.
require 'net/smtp'
require 'time'
smtp = Net::SMTP.new('127.0.0.1', 465).tap(&:enable_tls)
puts smtp.tls?, smtp.started?
t = Time.iso8601('2024-06-03T09:15:00Z')
puts t, t.strftime('%A %-d %b'), Time.iso8601('2024-06-03T09:15:00+02:00')
begin
  Time.iso8601('2024-06-03')
rescue ArgumentError => e
  puts e.message
end
