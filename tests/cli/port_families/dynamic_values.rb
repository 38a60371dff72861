require 'json'
data = JSON.parse('{"name": "box", "tags": ["a", "b"], "size": {"w": 2, "h": 3}, "n": null, "f": 1.5}')
puts data['name'].upcase, data['tags'].join('+'), data['tags'].size
puts data.dig('size', 'w'), data['size']['h'], data['missing'].inspect
puts data['tags'].first, data['tags'].include?('b'), data['n'].nil?
data['tags'].each_with_index { |t, i| puts "#{i}=#{t}" }
data['size'].each { |k, v| puts "#{k}:#{v}" }
puts JSON.generate(data), JSON.pretty_generate('list' => [], 'obj' => {}, 'x' => [1, 2.0])
puts data.to_json
p Array(nil), Array([1, 2]), Array('x'), Array({ 'k' => 1 })
