# $. (the number of the last line read, in its stream): File.foreach, a
# file's gets, STDIN.gets and ARGF.each_line (the files of ARGV, else
# standard input), and its value before any read.
p $.
File.write('n.txt', "a\nb\n\nc\n")
File.foreach('n.txt') { |l| puts "#{$.}: empty" if l.strip.empty? }
File.open('n.txt') do |f|
  while (line = f.gets)
    puts "line #{$.} #{line.chomp}"
  end
end
ARGV << 'n.txt'
ARGF.each_line do |line|
  next if $. == 1 # a header
  warn "skipped #{$.}" if line.strip.empty?
  puts "#{$.} #{line}"
end
p $.
