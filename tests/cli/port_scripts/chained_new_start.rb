require 'net/smtp'

result = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i).start('chain.example.com') do |smtp|
  smtp.send_message("Subject: chained\n\nbody\n", 'a@example.com', 'b@example.com')
end
puts "Sent!" if result.success?
puts result.string
