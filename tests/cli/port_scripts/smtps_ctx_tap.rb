require 'net/smtp'
require 'openssl'

ctx = OpenSSL::SSL::SSLContext.new.tap do |c|
  c.verify_mode = OpenSSL::SSL::VERIFY_PEER
  c.ca_file = ENV.fetch('SMTPS_CA')
end

smtp = Net::SMTP.new(ENV['SMTP_HOST'], Integer(ENV['SMTP_PORT']))
smtp.enable_tls(ctx)
smtp.start('tls.example.com', 'tls-user', 'tls-pass', :plain) do |s|
  s.send_message "Subject: over TLS\n\nsecret\n", 'tls-user@example.com', 'peer@example.com'
end
puts "sent over SMTPS (tls? #{smtp.tls?})"
