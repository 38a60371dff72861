#!/usr/bin/env ruby
require 'net/smtp'
require 'optparse'

options = { to: [], port: 25, tls: false, subject: 'No subject' }
parser = OptionParser.new do |opts|
  opts.banner = "Usage: #{File.basename($0)} [options] < message"
  opts.on('-s', '--server HOST', 'SMTP server') { |v| options[:server] = v }
  opts.on('-p', '--port PORT', Integer, 'SMTP port') { |v| options[:port] = v }
  opts.on('-t', '--to ADDR', 'recipient (repeatable)') { |v| options[:to] << v }
  opts.on('-f', '--from ADDR', 'sender') { |v| options[:from] = v }
  opts.on('--subject TEXT', 'subject line') { |v| options[:subject] = v }
  opts.on('-v', '--verbose', 'print progress') { options[:verbose] = true }
  opts.on('-h', '--help', 'show this help') do
    puts opts
    exit
  end
end
parser.parse!

abort(parser.to_s) if options[:to].empty? || options[:server].nil?
from = options[:from] || 'cli@example.com'
body = $stdin.read

puts "connecting to #{options[:server]}:#{options[:port]}" if options[:verbose]
Net::SMTP.start(options[:server], options[:port]) do |smtp|
  smtp.send_message("From: #{from}\nTo: #{options[:to].join(', ')}\nSubject: #{options[:subject]}\n\n#{body}", from, *options[:to])
end
puts "sent to #{options[:to].size} recipient(s)" if options[:verbose]
