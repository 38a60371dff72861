require 'net/smtp'

p "Enter your address: "
from = gets.chomp
print "Recipient: "
to = gets.chomp
subject = 'Message from SMTP'

message = <<END_OF_MESSAGE
From: <#{from}>
To: <#{to}>
Subject: #{subject}

Lorem ipsum.
END_OF_MESSAGE

smtp = Net::SMTP.new ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i
smtp.start('localhost') do
  smtp.send_message(message, from, to)
end
p "Your Message - <<'#{subject}'>> SENT"
