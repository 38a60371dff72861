# An enumerator asked for an Array method (each_line.grep, each_line.drop,
# each_char.first); a |= b and a -= b of Arrays; ENV.values_at;
# Regexp.escape inside a regexp and on its own; next with a value in a map block.
output = "ok 1\nERROR two\nfine\nFATAL x\n"
p output.each_line.grep(/\b(ERROR|FATAL)\b/)
p output.each_line.drop(1).size
p output.each_line.first(2)
p output.each_line.map(&:strip).reject(&:empty?).uniq.size
p output.each_char.first(3)
rcpts = %w[a@x b@x a@x]
cc = ENV['PORT_TEST_MAILCC']&.split(',') || []
rcpts |= cc
rcpts |= ['c@x', 'b@x']
rcpts -= ['a@x']
p rcpts
ENV['PORT_TEST_SET'] = 'set'
set, missing = ENV.values_at('PORT_TEST_SET', 'PORT_TEST_UNSET')
p missing
p set
version = '1.2.0'
log = "## 1.2.0 (x)\nfixed a.b\n## 1.1.0\nold\n"
p log[/^## #{Regexp.escape(version)}\b.*?(?=^## |\z)/m]
p Regexp.escape("a.b c*\n")
results = ['a@x', 'bad', 'c@x', ''].map do |address|
  next if address.empty?
  unless address.include?('@')
    next { address: address, status: 'invalid' }
  end
  code = address.start_with?('a') ? 250 : 550
  { address: address, status: code == 250 ? 'ok' : 'refused' }
end
p results.compact.map { |r| "#{r[:address]} #{r[:status]}" }, results.size

# combination(n): its Arrays in Ruby's order, asked with a block or a chain.
Exam = Struct.new(:code, :date, :slot)
exams = [Exam.new('A', 1, 'am'), Exam.new('B', 1, 'am'), Exam.new('C', 2, 'pm'), Exam.new('D', 1, 'am')]
clashes = exams.combination(2).select { |a, b| a.date == b.date && a.slot == b.slot }
clashes.each { |a, b| puts "#{a.code}/#{b.code}" }
p [1, 2, 3].combination(2).to_a, [1, 2, 3].combination(2).map { |x, y| x * y }
[1, 2, 3].combination(2) { |x, y| print x + y, ' ' }
puts
p [1, 2].combination(3).to_a
