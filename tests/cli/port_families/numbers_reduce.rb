sizes = [3, 9, 4]
p sizes.inject(:+), sizes.reduce(:*), sizes.inject(10, :-)
p sizes.inject { |acc, n| acc * 2 + n }
p %w[a bb ccc].inject { |acc, w| acc + '-' + w }
p 1 <=> 2, 'b' <=> 'a', [1, 2] <=> [1, 2], 3 <=> 'x', [1, 3] <=> [1, 2, 0]
ratio = 1.0 / 0
p ratio, -2.5 / 0.0, 7.0 / 2
total = 0.0
count = 0
avg = count.zero? ? 0.0 : total / count
p avg
printf("%e %g %.3e\n", 12345.678, 0.0001, 2.5)
puts format('%g|%10.4e', 1e20, 3.14159)
groups = [['a@example.com', ['b@example.com']], 'c@example.com']
puts groups.flatten.join(", ")
