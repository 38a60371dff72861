require 'net/smtp'

host = ENV['SMTP_HOST'] || 'localhost'
port = (ENV['SMTP_PORT'] || 587).to_i

Net::SMTP.start(host, port, starttls: :auto) do |smtp|
  puts "starttls mode: #{smtp.starttls?}"
  puts "STARTTLS still offered after the upgrade: #{smtp.capable_starttls?}"
  smtp.send_message "Subject: ping\n\nping\n", 'monitor@example.com', 'noc@example.com'
end
