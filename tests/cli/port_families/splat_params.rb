# Splat block parameters over rows of any length (|id, *rest|, |*, last|,
# |a, *mid, z|) taken apart as Ruby does; n /= 1024.0 on a number that is an
# Integer or a Float only at run time.
jobs = [['1', 'ann', '3', 'stuck'], ['2', 'bob', '1', 'done'], ['9']]
jobs.each { |*, status| puts status.inspect }
jobs.each do |id, *rest|
  puts "#{id}: #{rest.inspect}"
end
jobs.each { |a, *mid, z| p [a, mid, z] }
def human(n)
  units = %w[B KB MB GB]
  i = 0
  while n >= 1024 && i < units.size - 1
    n /= 1024.0
    i += 1
  end
  i.zero? ? "#{n} B" : format('%.1f %s', n, units[i])
end
puts human(512), human(3_000_000), human([1, 2.5].sum * 1000)
