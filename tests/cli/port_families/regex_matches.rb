lines = ["2024-01-02 ERROR disk full", "2024-01-02 INFO ok", "2024-01-03 ERROR net down"]
lines.each do |line|
  next unless line =~ /\A(\S+) ERROR (.+)\z/
  puts "#{$1}: #{$2}"
end
m = "user=ann id=7".match(/user=(\w+) id=(\d+)/)
puts m[1], m[2].to_i + 1, m.captures.inspect, m.pre_match.inspect
puts "Hello {{name}}, {{x}}".gsub(/\{\{(\w+)\}\}/) { |w| w == '{{name}}' ? 'Ann' : '?' }
puts "a-b_c".tr('-_', '  '), "hello".delete('l'), "bookkeeper".squeeze, "hello world".count('lo')
def chunks(text, width)
  text.scan(/.{1,#{width}}/)
end
def pairs(text)
  text.scan(/(\w+)=(\w+)/)
end
puts chunks("abcdefghij", 5).inspect, pairs("k1=v1;k2=v2").inspect
case "release-2.4"
when /(\d+)\.(\d+)/ then puts "major #{$1} minor #{$2}"
end
