# Searches by block, numbers of parsed JSON, and small core methods.
require 'json'
require 'date'

shifts = [['2024-03-01', 'ana'], ['2024-03-08', 'bo'], ['2024-03-15', 'cy']]
today = '2024-03-10'
i = shifts.rindex { |day, _| day <= today }
j = shifts.index { |day, _| day > today }
p i, j, shifts.index { |day, _| day > '2030' }
puts "on call: #{shifts[i][1]}, next: #{shifts[j][1]}" if i && j

data = JSON.parse('{"daily": {"mon": 12, "tue": 27}, "cents": -123456, "from": "Ops <ops@example.com>"}')
data['daily'].each do |day, count|
  bar = '#' * (count / 5)
  puts format('%s %3d %s', day, count, bar)
end

def money(cents)
  whole, frac = cents.abs.divmod(100)
  format('%s%d.%02d', cents.negative? ? '-' : '', whole, frac)
end
puts money(data['cents']), money(4200)
puts data['from'][/<(.+)>/, 1]

lines = %w[a b c d e]
[nil, 2].each do |cut|
  chunk = cut ? lines.last(cut) : lines
  puts "#{chunk.join} #{cut.nil? ? 'all' : lines.first(cut).join}"
end

size = '0'.to_i
limit = 10
puts(size.nonzero? ? 'limited' : 'unlimited', 7.nonzero?.inspect, limit.nonzero? && limit < 20)

week = Date.new(2024, 12, 30)
puts "#{week.cweek}/#{week.cwyear}"
puts File.readable?('/'), File.writable?('/nonexistent/file')

Player = Struct.new(:name, :rating)
players = [Player.new('ana', 1500), Player.new('bo', 1400), Player.new('cy', 1300)]
top, bottom = players.each_slice(2).to_a
top.zip(bottom).each { |w, b| puts "#{w.name} - #{b ? b.name : 'bye'}" }

at = shifts.index { |day, _| day == '2024-03-08' }
abort 'nobody on call' if at.nil? || at.zero?
puts "handoff: #{shifts[at - 1][1]} -> #{shifts[at][1]}"

month = Date.new(2024, 3, 1)
puts "#{Date::MONTHNAMES[month.month]} #{Date::ABBR_MONTHNAMES[12]} #{Date::DAYNAMES[month.wday]} #{Date::ABBR_DAYNAMES.join(',')}"
payload = JSON.parse('{"ref": "refs/heads/main", "file": "report.csv"}')
puts payload['ref'].delete_prefix('refs/heads/'), payload['file'].delete_suffix('.csv')
marks = [71, 88, 93]
printf "%-6s %4d %4d %4d %6.2f %s\n", 'ana', *marks, marks.sum / 3.0, 'B'
list = %w[a b c d]
fixed = list.shift
2.times { list.rotate!(-1) }
list.unshift(fixed)
p list
days = %w[Mon Tue Wed]
minutes = [20, 45, 30]
puts days[minutes.index(minutes.max)]
begin
  days[[].index(1)]
rescue TypeError
  puts 'no day'
end
