require 'net/smtp'

token = ARGV[0] or abort 'usage: send.rb TOKEN'
user = ENV.fetch('MAIL_USER')
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i,
                helo: 'oauth.example.com', user: user, secret: token,
                authtype: :xoauth2, starttls: :always, tls_verify: false) do |smtp|
  puts "tls? #{smtp.tls?} starttls? #{smtp.starttls?}"
  smtp.send_message "From: #{user}\nSubject: token\n\nhi\n", user, user
end
puts 'done'
