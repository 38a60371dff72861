require 'net/smtp'
require 'timeout'

def send_with_deadline(seconds, msg)
  Timeout.timeout(seconds) do
    Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
      smtp.read_timeout = 1
      smtp.send_message msg, 'deadline@example.com', 'ops@example.com'
    end
  end
  :ok
rescue Timeout::Error, Net::ReadTimeout => e
  puts "gave up: #{e.class}"
  :timeout
end

result = send_with_deadline(5, "Subject: quick\n\nfast one\n")
puts "first: #{result}"
