require 'net/smtp'

token = ENV.fetch('OAUTH_TOKEN') { abort 'OAUTH_TOKEN is not set' }
user = ENV.fetch('GMAIL_USER')

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.enable_starttls
smtp.start('localhost', user, token, :xoauth2) do |s|
  s.send_message("From: #{user}\nSubject: oauth\n\nsent with XOAUTH2\n", user, user)
end
puts 'ok'
