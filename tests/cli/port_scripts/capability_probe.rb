require 'net/smtp'

host = ENV.fetch('SMTP_HOST', '127.0.0.1')
port = ENV.fetch('SMTP_PORT', '25').to_i

smtp = Net::SMTP.new(host, port)
smtp.open_timeout = 5
begin
  smtp.start('probe.example.com')
  puts "connected to #{host}:#{port}"
  puts "STARTTLS:  #{smtp.capable_starttls? ? 'yes' : 'no'}"
  puts "AUTH:      #{smtp.capable_auth_types.empty? ? 'none' : smtp.capable_auth_types.join(' ')}"
  puts "8BITMIME:  #{smtp.capable?('8BITMIME') ? 'yes' : 'no'}"
  size = smtp.capabilities['SIZE']
  puts "SIZE:      #{size ? size.first : 'unlimited'}"
rescue Errno::ECONNREFUSED, Net::OpenTimeout => e
  puts "cannot connect: #{e.class}"
  exit 2
ensure
  smtp.finish if smtp.started?
end
