# Float Ranges asked cover?/include?/member? (Python has no Range of Floats),
# between? and clamp of Floats, sleep of a keyword that may be a Float, and
# several block parameters for items of parsed JSON (a pair of a Hash, an
# Array spread, anything else the first parameter alone).
# transform_values(&:to_f) and last(n) of parsed JSON.
require 'json'

def check(reading, wait: 0)
  sleep wait
  warnings = []
  warnings << 'temperature' unless (24.0..27.5).cover?(reading[:temp])
  warnings << 'pH' unless (6.5...7.5).include?(reading[:ph])
  warnings << 'level' unless (10..90).member?(reading[:level])
  ok = reading[:volts].between?(11.8, 14.4)
  puts "#{reading[:name]}: #{warnings.empty? ? 'ok' : warnings.join(', ')}; battery #{ok ? 'ok' : 'LOW'} " \
       "(#{reading[:volts].clamp(11.0, 14.0)})"
end

check({ name: 'tank', temp: 25.1, ph: 7.5, level: 55.5, volts: 12.6 })
check({ name: 'pond', temp: 27.5, ph: 6.5, level: 9, volts: 14.6 }, wait: 0.01)

stats = JSON.parse('{"top": {"ads.example": 5, "track.example": 9, "cdn.example": 1},
                     "rows": [["x", 1], "y", ["z", 2, 3]]}')
stats['top'].sort_by { |domain, hits| -hits }.first(2).each do |domain, hits|
  printf("%6d  %s\n", hits, domain)
end
stats['rows'].each { |a, b| p [a, b] }
p stats['rows'].map { |a, b| "#{a}-#{b}" }
p stats['top'].max_by { |_, hits| hits }
result = JSON.parse('{"result": {"lines": "81.5", "branches": "70"}, "tail": ["a", "b", "c"]}')
p result.fetch('result').transform_values(&:to_f), result['tail'].last(2), result['tail'].last(5)
