# Give MAIL FROM parameters with Net::SMTP::Address.
#
# An Address is a mailbox plus ESMTP parameters: strings are used as they
# are, keyword arguments become KEY=value. Here the sender declares an 8-bit
# body and the message size, so the server can refuse early.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '25'))

message = <<~MESSAGE
  From: Jürgen <juergen@example.com>
  To: Bob <bob@example.net>
  Subject: Grüße aus München
  Date: Sat, 28 Nov 2026 16:40:00 +0100
  Message-ID: <gruesse-1@example.com>
  MIME-Version: 1.0
  Content-Type: text/plain; charset=UTF-8
  Content-Transfer-Encoding: 8bit

  Schöne Grüße, bis bald!
MESSAGE

sender = Net::SMTP::Address.new('juergen@example.com', 'BODY=8BITMIME', SIZE: message.bytesize)
puts "MAIL FROM parameters: #{sender.parameters.join(' ')}"

Net::SMTP.start(host, port) do |smtp|
  smtp.send_message message, sender, 'bob@example.net'
end
