require 'net/smtp'

puts 'sending'
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: x\n\nx\n", 'a@example.com', 'blocked@example.com'
end
puts 'never printed'
