#!/usr/bin/env ruby
require 'net/smtp'
require 'optparse'

options = { server: 'localhost', port: 25, to: [], subject: '(no subject)', verbose: false }

OptionParser.new do |opts|
  opts.banner = 'Usage: sendmail.rb [options] < body.txt'
  opts.on('-s', '--server HOST', 'SMTP server') { |v| options[:server] = v }
  opts.on('-p', '--port PORT', Integer, 'SMTP port') { |v| options[:port] = v }
  opts.on('-f', '--from ADDRESS', 'sender') { |v| options[:from] = v }
  opts.on('-t', '--to ADDRESS', 'recipient (repeatable)') { |v| options[:to] << v }
  opts.on('--subject TEXT', 'subject line') { |v| options[:subject] = v }
  opts.on('-v', '--verbose', 'chatty output') { options[:verbose] = true }
end.parse!

abort 'no recipients given (use -t)' if options[:to].empty?

body = $stdin.read
message = "From: #{options[:from]}\nTo: #{options[:to].join(', ')}\nSubject: #{options[:subject]}\n\n#{body}"

puts "connecting to #{options[:server]}:#{options[:port]}" if options[:verbose]
Net::SMTP.start(options[:server], options[:port]) do |smtp|
  smtp.send_message message, options[:from], *options[:to]
end
puts "sent #{body.lines.count} line(s) to #{options[:to].size} recipient(s)" if options[:verbose]
