# File.foreach(path, chomp: true) with a block and as an enumerator;
# inject adding numbers of parsed JSON to an Integer.
require 'json'
File.write('fe.log', "a 1\nb 2\n\nc 3\n")
File.foreach('fe.log', chomp: true) do |line|
  next if line.empty?
  puts "[#{line}]"
end
p File.foreach('fe.log', chomp: true).to_a.size
data = JSON.parse('{"services":[{"requests":5},{"requests":7}]}')
total = data['services'].inject(0) { |sum, s| sum + s['requests'] }
p total
File.delete('fe.log')
