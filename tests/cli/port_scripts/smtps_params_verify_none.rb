require 'net/smtp'
require 'openssl'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, tls: true,
                     ssl_context_params: { verify_mode: OpenSSL::SSL::VERIFY_NONE })
smtp.start(helo: 'client.example.com', user: ENV['SMTP_USER'], secret: ENV['SMTP_PASSWORD'], authtype: :login) do |s|
  s.sendmail "Subject: smtps\n\nhi\n", 'a@example.com', ['b@example.com', 'c@example.com']
end
puts "tls=#{smtp.tls?} started=#{smtp.started?}"
