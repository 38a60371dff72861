require 'json'
results = { 'a@x' => :valid, 'b@x' => 'no such user', 'c@x' => :try_later }
vals = JSON.parse('[1, 2.5, "s", true, null, [1], {"k": 1}]')
vals.each do |v|
  kind = case v
         when Integer then 'int'
         when Float then 'float'
         when String then 'str'
         when TrueClass, FalseClass then 'bool'
         when NilClass then 'nil'
         when Array then 'array'
         when Hash then 'hash'
         end
  puts "#{v.inspect} #{kind} #{v.is_a?(Integer)} #{v.is_a?(Numeric)} #{v.is_a?(String)}"
end
e = RuntimeError.new('x')
puts e.is_a?(StandardError), e.instance_of?(StandardError), e.instance_of?(RuntimeError)
puts 3.instance_of?(Integer), true.is_a?(Integer)
