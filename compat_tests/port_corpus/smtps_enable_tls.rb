require 'net/smtp'

smtp = Net::SMTP.new(ENV.fetch('SMTP_HOST'), ENV.fetch('SMTP_PORT').to_i)
smtp.enable_tls
smtp.open_timeout = 10
smtp.read_timeout = 20
puts "tls? #{smtp.tls?} ssl? #{smtp.ssl?} timeouts #{smtp.open_timeout}/#{smtp.read_timeout}"
smtp.start('client.example.com', ENV['SMTP_USER'], ENV['SMTP_PASSWORD'], :plain)
begin
  smtp.send_message("Subject: SMTPS\n\nimplicit TLS on 465\n", 'a@example.com', 'b@example.com')
ensure
  smtp.finish
end
puts "done"
