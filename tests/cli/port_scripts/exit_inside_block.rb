require 'net/smtp'

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  res = smtp.send_message "Subject: only one\n\nx\n", 'a@example.com', 'b@example.com'
  if res.status == '250'
    puts 'accepted, stopping here'
    exit 4
  end
  puts 'not reached'
end
