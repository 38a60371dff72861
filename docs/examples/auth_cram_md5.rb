# Log in with AUTH CRAM-MD5, on a session object made with new.
#
# CRAM-MD5 never sends the secret itself, only a keyed hash of the server's
# challenge; the server must store the secret in clear to check it, and the
# hash is weak, so prefer PLAIN inside TLS where you can.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '587'))
user = ENV.fetch('SMTP_USER', 'alice')
secret = ENV.fetch('SMTP_SECRET')

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Bob <bob@example.net>
  Subject: Key rotation done
  Date: Sat, 28 Nov 2026 12:45:00 +0000
  Message-ID: <keys-2026-11-28@example.com>

  The signing keys were rotated at 12:40 UTC.
MESSAGE

smtp = Net::SMTP.new(host, port)
smtp.start(user: user, secret: secret, authtype: :cram_md5) do
  puts "the server offers: #{smtp.capable_auth_types.join(' ')}"
  smtp.send_message message, 'alice@example.com', 'bob@example.net'
end
puts 'sent after AUTH CRAM-MD5'
