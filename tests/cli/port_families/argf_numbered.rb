# ARGF over the files named in ARGV, numbered block parameters, take/drop_while
File.write('a.txt', "-- head\n-- more\nA1 first\r\nsecond\n")
File.write('b.txt', "third\n")
ARGV << 'a.txt' << 'b.txt'
lines = []
ARGF.each_line { |line| lines << line }
p lines, ARGV
body = lines.map(&:strip).drop_while { |l| l.start_with?('-') }
p body, lines.map(&:strip).take_while { |l| l.start_with?('-') }
head, *rest = body
p head, rest
none, *others = body.drop(10)
p none, others
rows = [{ late: 5, n: 'a' }, { late: 9, n: 'b' }]
p rows.sort_by { -_1[:late] }.map { _1[:n] }
p({ 'x' => 1, 'y' => 2 }.map { "#{_1}=#{_2}" })
File.delete('a.txt')
File.delete('b.txt')
# a Hash's pair picked by max_by/min_by keeps its Symbol
h = { b: 2, a: 1 }
p h.max_by { |_, v| v }, h.min_by(&:last), h.sort.first
