require 'net/smtp'

lines = []
while (line = $stdin.gets)
  lines << line.chomp
end
subject = lines.shift || '(empty)'
body = lines.join("\n")
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: #{subject}\n\n#{body}\n", 'pipe@example.com', 'dst@example.com'
end
puts "subject: #{subject}", "#{lines.size} body line(s)"
