# Parsed JSON (JSON.load_file, object_class: Hash) asked select/reject with
# a block of several statements and `next value`, sort and fdiv of values
# known only at run time, and Hashes sorted (or sort_by) whose keys come from
# Struct members or split fields (by Ruby's <=>).
# to_a of parsed JSON (an Array, the pairs of a Hash, [] for nil), and each_line
# of a String that may be nil.
# flat_map of parsed JSON (an Array spread, anything else kept whole).
require 'json'

File.write('keys.json', '[{"n":"a","age":3,"disabled":false},{"n":"b","age":9,"disabled":true},' \
                        '{"n":"c","age":12}]')
keys = JSON.load_file('keys.json', object_class: Hash)
stale = keys.select do |k|
  next false if k['disabled']
  age = k['age'] * 2
  k['age_days'] = age
  age > 5
end
p stale.map { |k| k['n'] }
stats = JSON.parse('{"2024-05-02": 7, "2024-05-01": 12}')
stats.sort.each { |day, n| puts "#{day} #{'#' * n} #{n.fdiv(4)}" }
[%w[x y], %w[p q]].each do |pair|
  kept = JSON.parse('{"x": 1, "y": 0, "z": 2}').reject do |key|
    next true if pair.include?(key)
    key == 'z'
  end
  p kept
end

Bin = Struct.new(:zone, :value)
per_zone = Hash.new { |h, k| h[k] = [0, 0] }
[Bin.new('B', 5), Bin.new('A', 2), Bin.new('B', 1)].each do |bin|
  per_zone[bin.zone][0] += 1
  per_zone[bin.zone][1] += bin.value
end
per_zone.sort.each { |zone, (count, value)| puts "zone #{zone}: #{count} bins, #{value}" }
totals = Hash.new { |h, k| h[k] = { t: 0.0, farms: [] } }
["Hill,wheat,2.5", "Brook,barley,1.0", "Hill,barley,0.5"].each do |line|
  farm, crop, tonnes = line.split(',').map(&:strip)
  totals[crop][:t] += tonnes.to_f
  totals[crop][:farms] << farm
end
totals.sort_by { |crop, _| crop }.each { |crop, t| puts "#{crop}: #{t[:t]} from #{t[:farms].uniq.size}" }
puts totals.min_by { |crop, _| crop }.first
news = JSON.parse('{"upcoming": {"b": "2024-06-02", "a": "2024-06-01"}, "list": [3, 1]}')
p news.fetch('upcoming').to_a.sort, news['list'].to_a, news['none'].to_a
head = "Subject: hi\nFrom: me\n\nbody".split(/\n\n/, 2).first
p head.each_line.each_with_object({}) { |line, h| k, v = line.chomp.split(/:\s*/, 2); h[k.downcase] = v }
classes = JSON.parse('[{"s": ["b", "a"]}, {"s": "c"}, {"t": 1}]')
p classes.flat_map { |e| e['s'] }, classes.flat_map { |e| e['s'] }.compact.uniq.sort
