#!/usr/bin/env ruby
# usage: mailit TO SUBJECT... < body.txt
require 'net/smtp'

to = ARGV.shift or abort "usage: #{File.basename($0)} TO SUBJECT..."
subject = ARGV.empty? ? '(no subject)' : ARGV.join(' ')
body = $stdin.read

from = ENV['MAIL_FROM'] || "#{ENV['USER'] || 'someone'}@localhost"
msg = "From: #{from}\r\nTo: #{to}\r\nSubject: #{subject}\r\n\r\n#{body}"

res = Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT']) do |smtp|
  smtp.send_message(msg, from, to)
end
puts res.string
puts "#{body.lines.count} line(s) sent to #{to}"
