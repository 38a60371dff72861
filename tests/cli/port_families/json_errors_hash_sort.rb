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
count2 = Hash.new(0)
%w[a b a c b a].each { |w| count2[w] += 1 }
for w, n in count2.sort { |a, b| b[1] <=> a[1] }
  puts "#{w} #{n}"
end
p count2.sort { |a, b| a[0] <=> b[0] }
