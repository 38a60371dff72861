require 'fileutils'
FileUtils.mkdir_p('out/sub')
File.write('out/a.txt', "one\ntwo\r\n\nthree")
File.write('out/b.log', "x\n")
p Dir.glob('out/*.txt'), Dir['out/*'].size, Dir.children('out').sort, Dir.exist?('out/sub')
p File.readlines('out/a.txt'), File.readlines('out/a.txt', chomp: true)
p File.basename('out/a.txt'), File.basename('out/a.txt', '.txt'), File.basename('x/y/'), File.dirname('a.txt'), File.dirname('out/sub/')
p File.join('out', 'sub', 'c.txt'), File.join('out/', '/d'), File.extname('out/b.log'), File.exist?('out/b.log')
FileUtils.mv('out/b.log', 'out/sub')
FileUtils.cp('out/a.txt', 'out/sub/a2.txt')
File.delete('out/a.txt')
p Dir.children('out/sub').sort, File.file?('out/a.txt')
File.foreach('out/sub/a2.txt') { |l| print l.chomp, '|' }
p File.foreach('out/sub/a2.txt').map(&:chomp).reject(&:empty?)
puts
puts File.expand_path('x/../y.txt', '/tmp'), File.expand_path('/a/b/../c')
puts File.expand_path('conf.json', '/etc/app/'), File.expand_path('out/sub') == File.join(Dir.pwd, 'out/sub')

# File.open's value is its block's: assigned, and returned from a method
File.write('value.txt', "first\nsecond\n")
content = File.open('value.txt') { |f| f.read }
puts content.lines.size
def last_line_of(path)
  File.open(path) do |f|
    f.read.lines.last.chomp
  end
end
puts last_line_of('value.txt')
