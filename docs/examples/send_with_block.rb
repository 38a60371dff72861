# Send one message with Net::SMTP.start and a block.
#
# The block receives the started session. When the block ends, normally or
# by an exception, the session is finished: QUIT is sent and the connection
# closed. start returns whatever the block returns.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '25'))

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Bob <bob@example.net>
  Subject: Lunch on Friday
  Date: Fri, 27 Nov 2026 09:30:00 +0000
  Message-ID: <lunch.20261127@example.com>

  Hi Bob,

  shall we try the new noodle bar on Friday at noon?

  Alice
MESSAGE

status = Net::SMTP.start(host, port) do |smtp|
  smtp.send_message(message, 'alice@example.com', 'bob@example.net').status
end
puts "queued, the server answered #{status}"
