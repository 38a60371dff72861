require 'net/smtp'

raw_list = ' Alice@Example.com, bob@example.com ,carol@example.org '
recipients = raw_list.split(',').map(&:strip).map(&:downcase)
internal = recipients.select { |r| r.end_with?('@example.com') }
title = 'weekly report'
subject = title.split.map(&:capitalize).join(' ')
body = "Hello   team,\n\nnumbers   are   in.\n".gsub(/ +/, ' ')
banner = '=' * 20

puts banner
puts subject.center(20, '*')
puts "to: #{recipients.join(';')}"
puts "internal: #{internal.length}"
puts body.sub('Hello', 'Hi')
puts 'has carol' if recipients.include?('carol@example.org')
puts 'starts with alice' if recipients.first.start_with?('alice')
if body =~ /numbers/
  puts 'mentions numbers'
end

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: #{subject}\n\n#{body}", 'reports@example.com', *internal
end
