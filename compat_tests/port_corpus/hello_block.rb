#!/usr/bin/env ruby
# Sends a one-off test message through the relay configured in the environment.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'localhost')
port = ENV.fetch('SMTP_PORT', '25').to_i

from = 'alerts@example.com'
to   = 'ops@example.net'

message = <<END_OF_MESSAGE
From: Alert Bot <#{from}>
To: Operations <#{to}>
Subject: SMTP e-mail test

This is a test e-mail message.
END_OF_MESSAGE

Net::SMTP.start(host, port) do |smtp|
  smtp.send_message message, from, to
end
puts "Message sent to #{to}"
