# StringIO as a buffer: written as a file, read back with string.
require 'stringio'
log = StringIO.new
log.puts 'one'
log.print 'two', "\n"
log << "three\n"
log.write("four\n")
log.printf("%03d\n", 5)
printf("%d lines\n", log.string.lines.size)
puts log.string
head = StringIO.new("start\n")
head.puts 'x'
p head.string
