require 'net/smtp'

begin
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, starttls: :always) do |smtp|
    smtp.send_message "Subject: x\n\nx\n", 'a@example.com', 'b@example.com'
  end
rescue Net::SMTPUnsupportedCommand => e
  puts "refusing to send in clear text: #{e.message}"
  exit 3
end
