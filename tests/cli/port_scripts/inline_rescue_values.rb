require 'net/smtp'

port = Integer(ENV['SMTP_PORT']) rescue 25
limit = Integer(ENV.fetch('LIMIT', 'ten')) rescue 3
names = (ENV['NAMES'] || 'ann,bob,cid,dee,eve').split(',').first(limit)

Net::SMTP.start(ENV['SMTP_HOST'], port) do |smtp|
  names.each_with_index do |n, i|
    smtp.send_message "Subject: #{i + 1}. #{n.capitalize}\n\nhi\n", 'inline@example.com', "#{n}@example.com"
  end
end
puts "limit=#{limit} sent=#{names.size} port_ok=#{port != 25}"
