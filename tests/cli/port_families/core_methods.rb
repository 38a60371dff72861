s = "Hello, World"
a = [3, 1, 2, 3]
h = { 'a' => 1, 'b' => 2 }
puts s.rindex('o'), s.rindex('z').inspect, s.slice(7, 5), s.slice(-5, 2), s.bytes.size, s.bytes.first(2).inspect
puts s.partition(', ').inspect, s.rpartition('o').inspect, s.partition('#').inspect, s.casecmp?('HELLO, world')
p a.minmax, a.rindex(3), a.rindex(9)
b = a.dup
p b.delete_at(1), b, b.delete_at(10), b.delete_at(-1), b
p h.value?(2), h.has_value?(5)
h.store('c', 3)
p h, (1..4).sum, 17.divmod(5), -17.divmod(5), 255.to_s(2), 255.to_s(16), -10.to_s(16), 7.fdiv(2), 1.fdiv(0)
s = "Hello, World"
puts s[-5, 3], s[0, 5], s[7, 100], s[2, 2]
p s[20, 2], s[-20, 2], s[12, 1]
a = [1, 2, 3, 4]
p a[-2, 2], a[1, 2], a[9, 1]
