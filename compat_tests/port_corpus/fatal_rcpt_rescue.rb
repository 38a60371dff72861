require 'net/smtp'

begin
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message "Subject: hello\n\nhi\n", 'me@example.com', 'nobody@example.com'
  end
  puts 'sent'
rescue Net::SMTPFatalError => e
  puts "failed: #{e}"
  puts "server said: #{e.message}"
  puts "status: #{e.response.status}"
  exit 1
end
