require 'net/smtp'

queue = ['first@example.com', 'second@example.com', 'third@example.com']
sent = []
smtp = Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
until queue.empty?
  address = queue.shift
  smtp.send_message("Subject: queued\n\nfor #{address}\n", 'queue@example.com', address)
  sent.push(address)
end
smtp.finish
i = 0
loop do
  break if i >= sent.length
  puts "#{i + 1}: #{sent[i]}"
  i += 1
end
