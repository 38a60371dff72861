# Kernel#open of a path computed at run time (a file, or for "|cmd" the
# command's output to read or its input to write, $? its status), and
# File.open in 'wb' / 'ab' (a String's bytes written as they are).
File.open('note.txt', 'wb') { |f| f.write "caf\u00e9\n" }
File.open('note.txt', 'ab') { |f| f << "bar\n" }
size = 0
open(ENV['NOTE_FILE'] || 'note.txt') { |file| size = file.read.size }
puts size
lister = ENV.fetch('LISTER', '|cat note.txt')
open(lister) { |f| puts f.readlines.map(&:upcase).join }
puts $?.success?
open(ENV['FILTER'] || '|tr a-z A-Z', 'w') { |f| f.puts 'to the pipe' }
puts "after: #{$?.exitstatus}"
open('|exit 3') { |f| f.read }
puts "status #{$?.exitstatus}"
