require "csv"
$mailhost = '127.0.0.1'
$count = 0
$verbose = ARGV.include?('-v')
def bump(n)
  $count += n
  puts "bumped to #{$count}" if $verbose
end
class Reporter
  def report
    $log ||= []
    $log << "report #{$count}"
    "host #{$mailhost}"
  end
end
puts $unset.nil?
bump(2)
[1, 2].each { |i| $count += i }
puts Reporter.new.report, $count, $log.inspect
File.write('inv.csv', "id,client,amount,days\n1,Acme,1200.50,31\n2,Beta,99,0\n3,\"Gamma, Inc\",1_000,45\n")
rows = CSV.read('inv.csv', headers: true, converters: :numeric)
overdue = rows.select { |r| r['days'] > 30 }
overdue.each { |r| puts format('%-12s %10.2f %3d', r['client'], r['amount'], r['days']) }
puts rows.sum { |r| r['amount'] }
plain = CSV.parse("1,2.5,x,,0x1A\n", converters: :numeric)
p plain
puts CSV.parse("7,8\n", converters: :integer).first.sum
File.delete('inv.csv')
File.write('lines.txt', "one\ntwo\n")
IO.foreach('lines.txt') { |l| puts l.upcase }
puts IO.readlines('lines.txt').size
version = ARGV.fetch(0) { 'no-version' }
puts version
File.delete('lines.txt')
