require 'net/smtp'
require 'optparse'

options = {}
OptionParser.new do |opts|
  opts.on('-t', '--to ADDRESS', 'recipient') { |v| options[:to] = v }
end.parse!
if options[:to] == nil
  puts 'No recipient given'
  exit 2
end
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: x\n\nx\n", 'a@example.com', options[:to]
end
