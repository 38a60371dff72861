require 'json'
lines = ['{"error": "Timeout", "n": 1}', 'not json', '', '{"error": "Refused", "n": 2}']
events = lines.filter_map do |line|
  next if line.strip.empty?
  JSON.parse(line)
rescue JSON::ParserError => e
  warn "skipping bad line: #{line.strip[0, 30]}"
  nil
end
puts events.size, events.map { |e| e['error'] }.join(',')
counts = Hash.new(0)
%w[b a c a].each { |w| counts[w] += 1 }
counts.sort.each { |w, n| puts "#{w}=#{n}" }
p counts.sort.first
