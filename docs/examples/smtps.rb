# Implicit TLS (SMTPS, port 465): TLS from the first byte.
#
# tls: true wraps the connection before the server's greeting is read. The
# certificate and host name are verified as for STARTTLS.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', Net::SMTP.default_tls_port.to_s))
user = ENV.fetch('SMTP_USER', 'alice')
secret = ENV.fetch('SMTP_SECRET')

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Bob <bob@example.net>
  Subject: Contract draft
  Date: Sat, 28 Nov 2026 14:10:00 +0000
  Message-ID: <contract-draft-3@example.com>

  Draft 3 of the contract is ready for your comments.
MESSAGE

Net::SMTP.start(host, port, user: user, secret: secret, tls: true) do |smtp|
  smtp.send_message message, 'alice@example.com', 'bob@example.net'
  puts(smtp.tls? ? 'sent over implicit TLS' : 'sent in clear text')
end
