# Time.strptime with the templates scripts write, and Time arithmetic
# against a global Time.
require 'time'

$today = Time.utc(2024, 3, 5, 8, 0, 0)
lines = [
  'www.example.com|notAfter=Apr  2 12:00:00 2024 GMT',
  'mail.example.com|notAfter=Mar 20 00:00:00 2024 GMT',
  'old.example.com|notAfter=Feb 28 23:59:59 2024 GMT',
]
lines.each do |line|
  name, enddate = line.split('|')
  t = Time.strptime(enddate.sub('notAfter=', ''), '%b %d %H:%M:%S %Y %Z')
  days = ((t - $today) / 86400).floor
  puts format('%-18s %4d days  %s', name, days, t.strftime('%Y-%m-%d %H:%M %z'))
end

slots = ['2024-05-02 15:30', '2024-05-02 09:05 UTC', '2024-05-03 16:45 +0200',
         '2024-05-04 08:00 -0000', '2024-05-04 08:00 EST']
slots.each do |s|
  at = s =~ /[A-Z+-]\d*\z|[A-Z]{3}\z/ ? Time.strptime(s, '%Y-%m-%d %H:%M %Z') : Time.strptime(s, '%Y-%m-%d %H:%M')
  puts "#{at.strftime('%a %d %b %I:%M %p')} #{at.utc? ? 'UTC' : at.strftime('%z')} #{at.to_i}"
end
p Time.strptime('2024-12-31 note', '%Y-%m-%d')
begin
  Time.strptime('soon', '%Y-%m-%d')
rescue ArgumentError => e
  puts "error: #{e.message}"
end
# a ctime with a zone after the year: Ruby reads no zone there (local time)
queued = Time.parse('Tue Mar 5 13:58:12 2024 UTC')
p queued, ((Time.utc(2024, 3, 5, 14, 30) - queued) / 60).round
# first and last of a list of times, and Date differences of such items
stamps = [Time.utc(2024, 1, 1, 0, 0), Time.utc(2024, 1, 1, 0, 30)]
p((stamps.last - stamps.first) / 60)
span = [Date.new(2024, 3, 1), Date.new(2024, 3, 11)]
p((span.last - span.first).to_i)
p %w[Hospital\ outpatients c\\d e\nf g\]h]
# Float#div: the floored quotient, an Integer
lease_end = Time.utc(2025, 2, 28)
p((lease_end - Time.utc(2024, 9, 1)).div(86_400), 7.5.div(2), -7.5.div(2))
