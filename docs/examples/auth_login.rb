# Log in with AUTH LOGIN, passing everything by position.
#
# Older scripts call start with positional arguments: host, port, HELO
# domain, user, secret, auth type. They keep working, in the same order.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '587'))
user = ENV.fetch('SMTP_USER', 'alice')
secret = ENV.fetch('SMTP_SECRET')

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Bob <bob@example.net>
  Subject: Minutes of the board meeting
  Date: Sat, 28 Nov 2026 11:20:00 +0000
  Message-ID: <minutes-2026-11@example.com>

  The minutes are ready for review.
MESSAGE

Net::SMTP.start(host, port, 'client.example.com', user, secret, :login) do |smtp|
  smtp.send_message message, 'alice@example.com', 'bob@example.net'
end
puts 'sent after AUTH LOGIN'
