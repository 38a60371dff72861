# String#lines(chomp: true); Hash[pairs] and Hash[hash] (a new Hash).
p "a\r\nb\n\nc\r".lines(chomp: true)
p "x\n".lines(chomp: true)
p "".lines(chomp: true)
p "a\rb".lines(chomp: false)
hdrs = Hash[[['From', 'a@x'], ['To', 'b@x']]]
out = ''
hdrs.each { |k, v| out << k << ': ' << v << "\n" }
print out
copy = Hash[hdrs]
copy['X'] = 'y'
p hdrs.size, copy.size
begin
  Hash[[["a", 1, 2]]]
rescue ArgumentError => e
  puts e.message
end
