rows = [['acme', 'a@x', 5], ['beta', 'b@x', 7], ['acme', 'a@x', 9]]
by = rows.group_by { |r| [r[0], r[1]] }
by.each { |(name, mail), list| puts "#{name} #{mail} #{list.sum { |r| r[2] }}" }
p by.keys
p rows.map { |r| r[0, 2] }.uniq, rows.map { |r| [r[0]] }.tally
p rows.uniq { |r| [r[0], r[1]] }.size
p [1, 1, 2].tally, %w[a b a].uniq
