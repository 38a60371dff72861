# Date.commercial (an ISO week's day) and cweek, a Date local moved with
# += in a loop of a method whose parameter only its call tells (the first
# pass must not fix it as a number), Date.new of an option that may be nil
# after a guard, unicode_normalize, >> / << of Dates (months), Date.new of
# computed or negative values (from the end) and valid_date?, a Range of
# days held in a local asked cover?, floor and ceil of parsed numbers.
require 'date'

HOLIDAYS = [Date.new(2024, 5, 27), Date.new(2024, 6, 19)]

def add_working_days(start, n)
  d = start
  while n > 0
    d += 1
    next if d.saturday? || d.sunday? || HOLIDAYS.include?(d)
    n -= 1
  end
  d
end

options = { year: 2024 }
options[:week] = ARGV.first ? ARGV.first.to_i : 21
abort('no week') if options[:week].nil?
monday = Date.commercial(options[:year], options[:week], 1)
friday = monday + 4
puts "week #{monday.cweek}: #{monday.strftime('%d %b')} - #{friday.strftime('%d %b %Y')}"
puts "due #{add_working_days(monday, 20).iso8601}"
puts Date.commercial(2020, 53, 7), Date.commercial(2024)
later = Time.utc(2024, 5, 20, 9, 0, 0)
later -= 90
puts later.strftime('%H:%M:%S')

puts "Caf\u00e9 \u00c5ngstr\u00f6m \uff21".unicode_normalize(:nfkd).gsub(/[^\x00-\x7F]/, '')
puts "e\u0301".unicode_normalize.size, "\uff21".unicode_normalize(:nfkc)
month_start = Date.new(2024, 1, 31)
month_end = (month_start >> 1) - 1
n = 3
puts month_end, month_start << 2, (month_start >> 13).strftime('%b %Y'), month_start >> n
puts month_start << n - 1
today = Date.new(2024, 2, 10)
[5, 31].each do |day|
  due = Date.new(today.year, today.month, day) rescue Date.new(today.year, today.month, -1)
  due = due >> 1 if due < today
  puts "day #{day}: #{due}"
end
p Date.valid_date?(2023, 2, 29), Date.valid_date?(today.year, 2, 29)
puts Date.new(today.year, -1, -1)
week = monday...(monday + 7)
p [monday + 2, monday + 7, friday].map { |d| week.cover?(d) }
require 'json'
d = JSON.parse('{"pills": 45, "per_day": 2, "amt": 130.5}')
p (d['pills'] / d['per_day'].to_f).floor, (d['amt'] / 25).ceil, (d['pills'] / 2).floor
