members = ["Alice@Example.com", "bob@x", "alice@example.com", "  ", "BOB@X"]
puts members.map(&:strip).reject(&:empty?).uniq(&:downcase).inspect
puts members.uniq { |m| m.strip.downcase }.size
puts [[1, 'a'], [2, 'a'], [3, 'b']].uniq(&:last).inspect
lines = ["# comment\n", "alias  bob\n", "\n", "   \n", "last"]
puts lines.reject { |l| l =~ /^\s*(#|$)/ }.inspect
puts lines.count { |l| l =~ /^$/ }, lines.grep(/^\s*$/).size
puts "abc\n".scan(/^/).size, ("a\n" =~ /\n^/).inspect, ("" =~ /^/).inspect
puts "x\ny\n".gsub(/^/, '> ')
