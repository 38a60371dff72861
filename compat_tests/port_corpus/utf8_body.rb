# encoding: utf-8
require 'net/smtp'

greeting = 'Grüße aus Köln'
lines = ['.', '..leading dots', 'Prix: 12 €']
body = "Subject: #{greeting}\nContent-Type: text/plain; charset=UTF-8\n\n" + lines.join("\n")
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) { |s| s.send_message body, 'koeln@example.de', 'freunde@example.de' }
puts "#{greeting} (#{body.length} chars, #{body.bytesize} bytes)"
