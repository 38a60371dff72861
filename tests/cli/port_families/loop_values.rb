# The value of loop do ... end: what break value gives (nil for a bare
# break), assigned or returned by a method.
attempt = 0
result = loop do
  attempt += 1
  begin
    raise ArgumentError, 'busy' if attempt < 3
    break :delivered
  rescue ArgumentError => e
    puts "attempt #{attempt}: #{e.message}"
    break :gave_up if attempt >= 5
  end
end
p result
def first_even(list)
  i = 0
  loop do
    break list[i] if list[i].even?
    i += 1
    break if i >= list.size
  end
end
p first_even([1, 3, 4, 5]), first_even([1])
