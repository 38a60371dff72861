def attempt
  yield
rescue SystemCallError => e
  puts e.message, e.inspect
end
attempt { File.read("nope.txt") }
attempt { File.readlines("nope.txt") }
attempt { File.open("nope.txt") { |f| puts f.read } }
attempt { File.delete("nope.txt") }
attempt { Dir.mkdir("/tmp") }
attempt { File.rename("nope1", "nope2") }
attempt { File.foreach("nope.txt") { |l| puts l } }
attempt { puts File.size("nope") }
attempt { puts Dir.children("nope").size }
attempt { File.write("/nope/x", "a") }
