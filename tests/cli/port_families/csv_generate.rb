# CSV.generate with rows added by <<: the text of their CSV lines.
require 'csv'
sales = [['north', 12, 3.5], ['south, east', 0, nil], ['"west"', 7, 1.25]]
csv = CSV.generate do |out|
  out << %w[region units price]
  sales.each { |r| out << r }
  out << ['total', sales.sum { |r| r[1] }, '']
end
print csv
puts csv.lines.size
def report(rows)
  CSV.generate { |c| rows.each { |r| c << [r[0].upcase, r[1]] } }
end
print report(sales)
