# Log in with AUTH PLAIN before sending (the usual way on a submission port).
#
# PLAIN sends the user name and secret in one base64 line, which is no
# protection at all: on a real network let TLS carry it (see starttls.rb).
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '587'))
user = ENV.fetch('SMTP_USER', 'alice')
secret = ENV.fetch('SMTP_SECRET')

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Bob <bob@example.net>
  Subject: Invoice 2026-117
  Date: Sat, 28 Nov 2026 10:00:00 +0000
  Message-ID: <invoice-2026-117@example.com>

  Bob, the invoice for November is attached to our portal.
MESSAGE

Net::SMTP.start(host, port, user: user, secret: secret, authtype: :plain) do |smtp|
  smtp.send_message message, 'alice@example.com', 'bob@example.net'
end
puts 'sent after AUTH PLAIN'
