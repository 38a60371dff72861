require 'net/smtp'
require 'optparse'

default_subject = 'Build report'
options = {}
OptionParser.new do |opts|
  opts.banner = 'Usage: report.rb [options]'
  opts.on('-f SENDER', '--mail-from=SENDER', 'sender address') { |v| options[:from] = v }
  opts.on('-t', '--to ADDRESS', 'recipient') { |v| options[:to] = v }
  opts.on('-s', '--subject TEXT', 'subject') { |v| options[:subject] = v }
end.parse!

options[:subject] ? (subject = options[:subject]) : (subject = default_subject)
if options[:to] == nil
  puts 'No recipient given'
  exit 2
else
  to = options[:to]
end
from = options[:from] || 'ci@example.com'
body = "Subject: " + subject + "\n\n" + "All " + ARGV.size.to_s + " steps passed.\n"
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message body, from, to
end
puts "#{subject} -> #{to} (from #{from})"
