# CSV.foreach without a block, asked for its rows (to_a, map, select...):
# an Array of rows, with headers and numeric converters.
require 'csv'

File.write('metrics.csv', "week,signups,mrr\n2024-18,40,1200.5\n2024-19,52,1310\n2024-20,47,1302.25\n")
rows = CSV.foreach('metrics.csv', headers: true, converters: :numeric).to_a
last, prev = rows.last(2).reverse
puts "signups #{prev['signups']} -> #{last['signups']}, mrr #{last['mrr'] - prev['mrr']}"
weeks = CSV.foreach('metrics.csv', headers: true).map { |r| r['week'] }
p weeks
big = CSV.foreach('metrics.csv', headers: true, converters: :numeric).select { |r| r['signups'] > 45 }
puts big.size, big.map { |r| r['week'] }.join(' ')
p CSV.foreach('metrics.csv').first(2)
