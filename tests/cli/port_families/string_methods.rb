s = "  Hello,  World ,foo,,bar,,  "
p s.split, s.split(','), s.split(',', -1), s.split(/,\s*/), "a b  c".split(' '), "abc".split('')
p "hELLO wORLD".capitalize, "Hello".swapcase, "hello world".split.map(&:capitalize).join(' ')
p "abc".center(9, '*-'), "abc".ljust(7, '12'), "abc".rjust(2), "%-10.3s|" % "abcdef", "%5.1f%%" % 12.345
p "hello".tr('el', 'ip'), "hello".tr('a-y', 'b-z'), "aaabbb".squeeze, "aaabbb".squeeze('a'), "hello".delete('l')
p "a1b22c333".scan(/[a-z]\d+/), "k=v; a=b".scan(/(\w)=(\w)/), "hello".index('l'), "hello".rindex('l')
p "hello"[1..-2], "hello"[-3..], "hello"[10], "hello"[1, 3], "hello".slice(0, 2), "hé".bytes.size, "hé".chars
p 121.chr, "abc".each_char.to_a
p "Hello World".start_with?("Hell", "X"), "report.csv".end_with?(".csv", ".txt"), "abc" * 0
t = "hello"
r = nil
p r
p "%s and %s" % %w[a b], "%05d" % 42, "%x" % 255, "%08.3f" % 3.14159, "%+.2e" % 12345.678
p "line1\nline2\r\nline3".lines, "line1\nline2".each_line.map(&:chomp)
p "CamelCaseString".gsub(/([A-Z])/) { "_" + $1.downcase }.sub(/^_/, '')
p "snake_case_here".split('_').map.with_index { |w, i| i.zero? ? w : w.capitalize }.join
p "The quick brown fox".split.map(&:length).max, "mississippi".count('s'), "mississippi".count('is')
a = [5, 3, 8, 1]
p a.max(2), a.min(3), a.rotate, a.rotate(-1), a.rotate(6), [].rotate, %w[b c a].max(2)
body = "Hello\n"
body.prepend("Subject: hi\n\n")
body.prepend("From: a@b\n", "To: c@d\n")
puts body
