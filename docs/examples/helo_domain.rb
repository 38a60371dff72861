# Say who is calling: the HELO domain.
#
# The client introduces itself with EHLO (or HELO); the default name is
# "localhost". Servers may judge a session by it, so give the name of the
# host the mail comes from.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '25'))

message = <<~MESSAGE
  From: Build Robot <robot@client.example.com>
  To: Bob <bob@example.net>
  Subject: Build 1842 passed
  Date: Sat, 28 Nov 2026 02:14:00 +0000
  Message-ID: <build-1842@client.example.com>

  All 2311 tests passed.
MESSAGE

Net::SMTP.start(host, port, helo: 'client.example.com') do |smtp|
  smtp.send_message message, 'robot@client.example.com', 'bob@example.net'
  puts "server extensions: #{smtp.capabilities.keys.join(', ')}"
end
