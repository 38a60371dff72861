require 'net/smtp'

subscribers = (1..5).map { |i| "user#{i}@example.com" }
batches = 0
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  subscribers.each_slice(2) do |batch|
    smtp.send_message "Subject: newsletter\n\nhello\n", 'news@example.com', batch
    batches += 1
    puts "batch #{batches}: #{batch.join(' ')}"
  end
end
puts "#{subscribers.size} subscribers in #{batches} batches"
