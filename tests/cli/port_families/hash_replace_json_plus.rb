# gsub/sub with a Hash (a literal or a constant), and + on values of parsed
# JSON (their classes decide at run time, Ruby's errors included).
require 'json'

ESCAPES = { '<' => '&lt;', '>' => '&gt;', '&' => '&amp;' }.freeze
puts '<b>Tom & Jerry</b>'.gsub(/[<>&]/, ESCAPES)
puts 'Hello, World'.gsub(/[lo]/, 'l' => '1', 'o' => '0')
puts 'Hello, World'.sub(/[A-Z]/, 'H' => 'J')
puts 'abc'.gsub(/[abc]/, 'a' => 1, 'b' => nil)

config = JSON.parse('{"retries": 2, "delay": 1.5, "name": "relay", "hosts": ["a"]}')
puts config['retries'] + 1
puts config['delay'] + 1
puts config['name'] + '-backup'
p config['hosts'] + ['b']
[['name', 1], ['retries', 'x'], ['missing', 1], ['hosts', 'c']].each do |key, extra|
  begin
    config[key] + extra
  rescue TypeError => e
    puts "TypeError: #{e.message}"
  rescue NoMethodError
    puts "NoMethodError for #{key}"
  end
end
