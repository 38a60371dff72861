require 'net/smtp'
require 'optparse'

params = { port: 25 }
parser = OptionParser.new do |o|
  o.banner = 'Usage: notify --to ADDR [--port N]'
  o.on('--to ADDR', 'recipient') { |a| params[:to] = a }
  o.on('--port N', Integer, 'SMTP port') { |n| params[:port] = n }
end

begin
  parser.parse!(ARGV)
rescue OptionParser::ParseError => e
  warn e.message
  warn parser.banner
  exit 64
end

Net::SMTP.start(ENV['SMTP_HOST'], params[:port]) do |smtp|
  smtp.send_message "Subject: notify\n\n-\n", 'notify@example.com', params[:to]
end
puts 'notified'
