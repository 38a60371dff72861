# Start a session without a block, and finish it yourself.
#
# Without a block, Net::SMTP.start returns the started session; calling
# finish is then your job. ensure makes sure it happens even when sending
# raises.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '25'))

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Carol <carol@example.org>
  Subject: Slides for Monday
  Date: Fri, 27 Nov 2026 16:05:00 +0000
  Message-ID: <slides.20261127@example.com>

  Carol, the slides are in the shared folder.
MESSAGE

smtp = Net::SMTP.start(host, port)
begin
  smtp.send_message message, 'alice@example.com', 'carol@example.org'
ensure
  smtp.finish
end
puts smtp.started? ? 'session still open' : 'session finished'
