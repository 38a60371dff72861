require 'net/smtp'

email = ENV.fetch('MAIL_TO', 'dana@example.org')
user, domain = email.split('@')
first, second = 'primary', 'backup'
first, second = second, first
host, port = ENV['SMTP_HOST'], Integer(ENV['SMTP_PORT'])

Net::SMTP.start(host, port, domain) do |smtp|
  smtp.send_message "To: #{user} <#{email}>\nSubject: #{first}/#{second}\n\nhi #{user.capitalize}\n", "noreply@#{domain}", email
end
puts "#{user} at #{domain} via #{first}"
