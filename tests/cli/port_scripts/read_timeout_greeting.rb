require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.read_timeout = 0.5
begin
  smtp.start('slow.example.com')
  puts 'started'
rescue Net::OpenTimeout, Net::ReadTimeout => e
  puts "timed out: #{e.class}"
  puts e.message
rescue Timeout::Error
  puts 'other timeout'
ensure
  smtp.finish if smtp&.started?
end
puts "started? #{smtp.started?}"
