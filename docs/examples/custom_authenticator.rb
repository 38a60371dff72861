# Add your own AUTH mechanism by subclassing Net::SMTP::Authenticator.
#
# This one is AUTH LOGIN with an initial response (RFC 4954): the user name
# travels on the AUTH line itself, which saves a round trip. auth_type
# registers the class; from then on authtype: :login_ir selects it.
require 'net/smtp'

class LoginWithInitialResponse < Net::SMTP::Authenticator
  auth_type :login_ir

  def auth(user, secret)
    continue("AUTH LOGIN #{base64_encode(user)}")
    finish(base64_encode(secret))
  end
end

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '587'))
user = ENV.fetch('SMTP_USER', 'alice')
secret = ENV.fetch('SMTP_SECRET')

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Bob <bob@example.net>
  Subject: Server maintenance window
  Date: Sat, 28 Nov 2026 17:00:00 +0000
  Message-ID: <maintenance-2026-12@example.com>

  The mail server will be down on Sunday from 02:00 to 03:00 UTC.
MESSAGE

Net::SMTP.start(host, port, user: user, secret: secret, authtype: :login_ir) do |smtp|
  smtp.send_message message, 'alice@example.com', 'bob@example.net'
end
puts "registered as #{Net::SMTP::Authenticator.auth_class('LOGIN-IR')}"
