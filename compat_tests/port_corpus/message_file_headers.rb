require 'net/smtp'

path = ARGV[0] || 'message.eml'
raw = File.read(path)
from = raw[/^From:.*<(.+?)>/, 1]
to = raw.scan(/^(?:To|Cc):\s*(.+)$/).flatten.flat_map { |v| v.split(/,\s*/) }
abort "no From: header in #{path}" unless from

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message raw, from, to
end

File.open('sent.log', 'a') { |log| log.puts "#{path}: #{to.length} recipients" }
puts File.read('sent.log')
