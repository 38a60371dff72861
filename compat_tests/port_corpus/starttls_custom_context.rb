require 'net/smtp'
require 'openssl'

ctx = OpenSSL::SSL::SSLContext.new
ctx.verify_mode = OpenSSL::SSL::VERIFY_PEER
ctx.ca_file = ENV['SMTP_CA_FILE']

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.enable_starttls(ctx)
smtp.start('client.example.com', ENV['SMTP_USER'], ENV['SMTP_PASSWORD'], :plain) do |conn|
  conn.send_message("Subject: secure\n\nover STARTTLS\n", 'app@example.com', 'admin@example.com')
end
puts 'sent over STARTTLS'
