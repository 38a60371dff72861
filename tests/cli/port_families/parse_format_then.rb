require 'time'
require 'json'

# Time.parse / Date.parse of the forms scripts write
['2024-09-11T01:00:00Z', '2024-09-11 01:00:00', '2024-09-11 01:00:00 +0200', '2024-09-11',
 '2024/09/11 10:30', 'Thu, 12 Sep 2024 08:00:00 +0000', '12 Sep 2024 08:00 GMT',
 '2024-09-11 01:00:00 UTC', 'Sep 12, 2024 10:00', '2024-09-11T01:00:00+00:00',
 '2024-09-11T01:00:00.250-05:00', '2024-02-30', '2024-09-11 24:00'].each do |text|
  t = Time.parse(text)
  puts "#{text.ljust(32)} #{t.rfc2822} #{t.iso8601} #{t.utc?}"
end
puts Time.iso8601('2024-09-11T01:00:00+00:00').rfc2822
begin
  Time.parse('2024-09-11 23:60')
rescue ArgumentError => e
  puts "#{e.class}: #{e.message}"
end
date = Date.parse('Thu, 29 Feb 2024 08:00:00 +0000')
puts date, date.leap?, date.next_year, date.prev_month, date.next_month(12), date.prev_year(4)
puts Date.new(2024, 1, 31).next_month, Date.new(2023, 12, 15).next_month
begin
  Date.parse('2023-02-29')
rescue Date::Error => e
  puts "invalid: #{e.message}"
end
row = "7\t2024-09-01"
id, day = row.split("\t")
puts (Date.parse(day) - Date.new(2024, 8, 1)).to_i + id.to_i

# format with directives only Ruby has, and counts that do not match
puts format('[%-8p|%8p|%.2p|%b|%#b|%08b|%+b]', :always, 'a', 'abc', 5, 5, 5, -5)
puts format('%*d|%-*d|', 4, 7, 3, 8)
puts format('%d %s', 1, 2, 3)
printf("starttls=%p verify=%p\n", :always, nil)
puts '%<name>p is %<age>d' % { name: 'Ada', age: 36 }

# gsub/sub with values known only at run time
doc = JSON.parse('{"name": "Ada", "tag": "\\\\0!", "n": 3}')
puts 'Hi NAME, NAME'.gsub('NAME', doc['name'])
puts 'x-y'.sub('-', doc['tag'])
puts 'a.b.c'.gsub('.', '\\\\')
begin
  'a'.gsub('a', doc['n'])
rescue TypeError => e
  puts "TypeError: #{e.message}"
end

# String + a value of unknown class
def banner(text, **extra)
  '== ' + extra[:title] + ' ==' + "\n" + text
end
puts banner('body', title: 'Report')
begin
  puts 'n=' + doc['n']
rescue TypeError => e
  puts "TypeError: #{e.message}"
end

# then with a block of several statements
[3, 1, 2].sort.then do |sorted|
  total = sorted.sum
  puts "sorted #{sorted.inspect}, total #{total}"
end

# respond_to? of rescued exceptions
def probe(kind)
  case kind
  when :refused then raise Errno::ECONNREFUSED
  when :io then raise IOError, 'closed'
  when :key then {}.fetch(:x)
  else raise 'plain'
  end
rescue StandardError => e
  puts "#{e.class}: errno=#{e.respond_to?(:errno)} key=#{e.respond_to?(:key)} " \
       "response=#{e.respond_to?(:response)} message=#{e.respond_to?(:message)}"
end
%i[refused io key plain].each { |kind| probe(kind) }

status = [0, 'ok']
code, = status
exit code
