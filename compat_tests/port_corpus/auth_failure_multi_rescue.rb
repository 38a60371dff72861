require 'net/smtp'

user = ENV['SMTP_USER']
pass = ENV['SMTP_PASSWORD']

begin
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'localhost', user, pass, :login) { |smtp|
    smtp.send_message "Subject: x\n\ny\n", user, 'team@example.com'
  }
rescue Net::SMTPAuthenticationError, Net::SMTPServerBusy => e
  $stderr.puts "could not send as #{user}: #{e.message}"
  puts "#{e.class} (#{e.response.status})"
  exit 2
end
