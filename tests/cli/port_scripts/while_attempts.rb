require 'net/smtp'

attempts = 0
delivered = false
while attempts < 3 && !delivered
  attempts += 1
  begin
    smtp = Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
    smtp.send_message "Subject: try #{attempts}\n\nbody\n", 'a@example.com', 'b@example.com'
    smtp.finish
    delivered = true
  rescue Net::SMTPServerBusy => e
    puts "attempt #{attempts} failed: #{e.message}"
    smtp.finish if smtp && smtp.started?
  end
end
puts delivered ? "delivered after #{attempts} attempts" : 'gave up'
exit 1 unless delivered
