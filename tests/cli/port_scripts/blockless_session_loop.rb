require 'net/smtp'

recipients = %w[one@example.com two@example.com three@example.com]
smtp = nil
begin
  smtp = Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'loop.example.com')
  recipients.each_with_index do |rcpt, i|
    res = smtp.send_message("Subject: #{i + 1}/#{recipients.size}\n\nitem #{i + 1}\n", 'loop@example.com', rcpt)
    puts "#{rcpt}: #{res.status}"
    smtp.rset if i.even?
  end
rescue Net::SMTPFatalError => e
  warn "fatal: #{e.message}"
  exit 3
ensure
  smtp.finish if smtp && smtp.started?
end
puts 'all delivered'
