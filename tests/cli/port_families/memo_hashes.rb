words = %w[a b a c b a]
counts = words.each_with_object(Hash.new(0)) { |w, h| h[w] += 1 }
puts counts.inspect
index = words.each_with_index.each_with_object({}) { |(w, i), acc| (acc[w] ||= []) << i }
puts index.inspect
def summary(list)
  list.each_with_object([]) do |w, out|
    out << w.upcase unless out.include?(w.upcase)
  end
end
puts summary(words).join(',')
totals = Hash.new { |h, k| h[k] = [] }
words.each { |w| totals[w] << w }
puts totals.keys.join, totals.values.map(&:size).inspect
sorted = counts.sort_by { |w, n| [-n, w] }
puts sorted.map { |w, n| "#{w}:#{n}" }.join(' ')
puts counts.max_by { |_, n| n }.first, counts.sum { |_, n| n }, counts.to_a.flatten.size
nested = { 'a' => { 'x' => 1 }, 'b' => { 'x' => 2 } }
puts nested.map { |k, v| v['x'] }.sum, nested.dig('a', 'x'), nested.fetch('b').fetch('x')
puts nested.sort_by { |_, v| -v['x'] }.first.first
