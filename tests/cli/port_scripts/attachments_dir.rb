require 'net/smtp'
require 'base64'

BOUNDARY = 'NEXTPART-4f2a9c'
files = Dir.glob('reports/*.csv').sort

parts = files.map do |path|
  <<~PART
    --#{BOUNDARY}
    Content-Type: text/csv; name="#{File.basename(path)}"
    Content-Transfer-Encoding: base64
    Content-Disposition: attachment; filename="#{File.basename(path)}"

    #{Base64.encode64(File.read(path))}
  PART
end

message = <<~MSG
  From: reports@example.com
  To: finance@example.com
  Subject: #{files.size} reports
  MIME-Version: 1.0
  Content-Type: multipart/mixed; boundary="#{BOUNDARY}"

  --#{BOUNDARY}
  Content-Type: text/plain

  Attached: #{files.map { |f| File.basename(f, '.csv') }.join(', ')}
  #{parts.join}--#{BOUNDARY}--
MSG

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message message, 'reports@example.com', 'finance@example.com'
end
puts "sent #{files.size} attachments (#{message.bytesize} bytes)"
