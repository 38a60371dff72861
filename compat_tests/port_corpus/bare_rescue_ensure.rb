require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
begin
  smtp.start('localhost')
  smtp.send_message("Subject: big\n\n" + ('x' * 60 + "\n") * 5, 'a@example.com', 'b@example.com')
  puts 'sent'
rescue => e
  puts "error: #{e.class}: #{e.message}"
ensure
  smtp.finish if smtp.started?
  puts 'connection closed'
end
