require 'net/smtp'
require 'base64'

filename = 'report.csv'
content = File.read(filename)
encoded = Base64.encode64(content)
marker = 'AUNIQUEMARKER'

parts = []
parts << "From: reports@example.com\nTo: boss@example.com\nSubject: report\nMIME-Version: 1.0\n"
parts << "Content-Type: multipart/mixed; boundary=#{marker}\n\n--#{marker}\n"
parts << "Content-Type: text/plain\n\nSee attached.\n\n--#{marker}\n"
parts << "Content-Type: text/csv; name=\"#{filename}\"\nContent-Transfer-Encoding: base64\n"
parts << "Content-Disposition: attachment; filename=\"#{filename}\"\n\n#{encoded}\n--#{marker}--\n"
message = parts.join

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message message, 'reports@example.com', 'boss@example.com'
end
puts "attached #{File.basename(filename)} (#{content.bytesize} bytes, #{encoded.lines.size} base64 lines)"
