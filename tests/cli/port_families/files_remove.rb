require 'fileutils'
FileUtils.mkdir_p('out/sub')
File.write('out/a.txt', "line1\nline2\n\nline4")
File.open('out/b.log', 'w') { |f| f.puts 'x'; f.print 'y', 'z'; f.write("\n"); f << "tail\n" }
File.open('out/b.log', 'a') { |f| f.puts 'appended' }
puts File.exist?('out/a.txt'), File.exist?('nope'), File.file?('out'), File.directory?('out')
puts File.basename('/x/y/report.tar.gz'), File.extname('r.tar.gz'), File.basename('a/b.rb', '.rb'), File.dirname('/x/y/z.txt'), File.join('a', 'b', 'c.txt')
puts File.readlines('out/a.txt').size, File.readlines('out/a.txt', chomp: true).inspect
puts File.read('out/b.log')
File.foreach('out/a.txt').with_index(1) { |l, i| puts "#{i}: #{l.chomp}" }
puts Dir.glob('out/*').sort.inspect, Dir['out/*.txt'].map { |f| File.basename(f) }.inspect
puts File.size('out/a.txt'), File.zero?('out/a.txt')
puts IO.readlines('out/a.txt').last
lines = File.read('out/a.txt').split("\n").reject(&:empty?)
puts lines.inspect
File.delete('out/b.log')
puts File.exist?('out/b.log')
puts Dir.children('out').sort.inspect
FileUtils.rm_rf('out')
puts Dir.exist?('out')
FileUtils.rm_f('missing.txt')
File.write('t.txt', 'x')
FileUtils.rm_f('t.txt')
puts File.exist?('t.txt')
begin
  FileUtils.rm_r('missing_dir')
rescue Errno::ENOENT => e
  puts "rm_r: #{e.class}"
end
