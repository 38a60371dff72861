require "base64"
puts "caf\xc3\xa9", "\101\x42", "ok \u00e9"
puts "caf\303\251".bytesize
File.write('scan.bin', 'PDF-1.4 ' + 'x' * 70)
scan = File.binread('scan.bin')
puts "size #{scan.bytesize} #{scan.size} #{scan.empty?}"
puts [scan].pack('m')
puts [scan].pack('m0')
puts Base64.encode64(scan), Base64.strict_encode64(scan)
File.delete('scan.bin')
html = "<p>Hello <b>wörld</b> a=b</p>\n" * 3
puts [html].pack('M')
