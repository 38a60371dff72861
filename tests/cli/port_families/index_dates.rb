# An Array's item past its end is nil (Python would raise IndexError); a
# range of Dates, stepped; Date#strftime with %e.
require 'date'
sizes = [3, 5]
p sizes[5]
spare = sizes[2] || 0
puts spare + sizes[-1]
words = 'alpha beta'.split
puts words[1].upcase
p words[2]
start = Date.new(2024, 2, 26)
mondays = (start..start + 20).step(7).to_a
puts mondays.map { |d| d.strftime('%a %b %e') }.join(' | ')
puts (start...start + 3).map(&:day).inspect
puts "#{mondays.size} weeks from #{start}, last #{mondays.last.iso8601}"
