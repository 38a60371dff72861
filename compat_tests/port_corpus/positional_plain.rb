require 'net/smtp'

SERVER = ENV.fetch('SMTP_HOST', 'smtp.example.com')
PORT = Integer(ENV.fetch('SMTP_PORT', '587'))
USER = ENV.fetch('SMTP_USER')
PASSWORD = ENV.fetch('SMTP_PASSWORD')

recipients = ['anna@example.org', 'ben@example.org', 'chris@example.org']

msg = <<-MSG
From: Newsletter <news@example.com>
To: #{recipients.join(', ')}
Subject: March newsletter

Hello everyone,
the March issue is out.
    MSG

Net::SMTP.start(SERVER, PORT, 'client.example.com', USER, PASSWORD, :plain) do |smtp|
  smtp.send_message msg, 'news@example.com', *recipients
end
puts "delivered to #{recipients.size} recipients"
