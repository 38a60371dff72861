require 'net/smtp'

to = []
to << ENV['EXTRA_TO'] if ENV['EXTRA_TO']
to.concat(%w[b@example.com a@example.com b@example.com])
to = to.uniq.sort
cc = ENV.fetch('CC', '').split(',').map(&:strip).reject(&:empty?)
all = to + cc
puts "to: #{to.join(', ')}"
puts "cc: #{cc.empty? ? '(none)' : cc.join(', ')}"
puts "total #{all.size}, first #{all.first}, last #{all.last}"
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "To: #{to.join(', ')}\nCc: #{cc.join(', ')}\nSubject: list\n\nx\n", 'list@example.com', *all
end
