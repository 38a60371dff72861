# any?/all?/none? with a block of several statements (a retry loop that
# stops at the first success).
tries = []
ok = 1.upto(3).any? do |n|
  tries << n
  begin
    raise ArgumentError, 'busy' if n < 2
    true
  rescue ArgumentError => e
    puts "attempt #{n}: #{e.message}"
    false
  end
end
p ok, tries
all_small = [1, 2, 30].all? do |x|
  y = x * 2
  y < 10
end
none_neg = [1, 2].none? do |x|
  z = x - 5
  z > 0
end
p all_small, none_neg
