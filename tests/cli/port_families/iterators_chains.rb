words = %w[pear fig apple kiwi banana]
puts words.each_with_index.map { |w, i| "#{i}:#{w}" }.join(' ')
words.each.with_index(1) { |w, n| print n, w[0], ' ' }
puts
puts words.map.with_index { |w, i| i.even? ? w.upcase : w }.inspect
puts 3.times.map { |i| i * i }.inspect
p words.each_slice(2).to_a
p words.each_slice(2).map(&:first)
p words.group_by(&:size)
small, big = words.partition { |w| w.size < 5 }
p small, big
p words.sort_by { |w| [w.size, w] }
p words.min_by(&:size), words.max_by { |w| w.size }
p words.each_with_object(Hash.new(0)) { |w, h| h[w.size] += 1 }
p words.sum { |w| w.size }, [0.1] * 3 == [0.1, 0.1, 0.1], ([0.1] * 10).sum
p words.filter_map { |w| w.upcase if w.include?('a') }
lengths = words.map do |w|
  n = w.size
  n * 2
end
p lengths
p (1..4).each_slice(3).to_a, words.each_index.to_a
p words.zip(lengths).first(2), words.tally.size
p words.find_index('kiwi'), words.count('fig'), words.inject(0) { |sum, w| sum + w.size }
