square = ->(x) { x * x }
greet = lambda do |name, punct|
  text = "hello #{name}"
  text + punct
end
check = proc { |v| raise ArgumentError, "bad #{v}" unless v > 0 }
puts square.(4), square[5], square.call(6)
puts greet.call('ann', '!')
begin
  check.call(-1)
rescue ArgumentError => e
  puts e.message
end
def twice
  yield 1
  yield 2
end
twice { |n| puts "got #{n}" }
def collect(items, &block)
  items.map { |i| block.call(i) }
end
p collect([1, 2]) { |i| i + 10 }
def configure
  settings = { level: 1 }
  yield settings
  settings
end
s = configure { |c| c[:level] = 3 }
puts s[:level]
r = catch(:found) do
  [5, 6, 7].each { |v| throw :found, v if v.even? }
  nil
end
puts r
