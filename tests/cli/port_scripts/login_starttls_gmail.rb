require 'net/smtp'
require 'time'

SMTP_SERVER = ENV['SMTP_HOST']
SMTP_PORT = ENV['SMTP_PORT']
USERNAME = ENV['SMTP_USER']
PASSWORD = ENV['SMTP_PASSWORD']

def send_email(to, subject, body)
  msg = "From: #{USERNAME}\nTo: #{to}\nSubject: #{subject}\nDate: #{Time.utc(2024, 1, 2, 3, 4, 5).rfc2822}\n\n#{body}"
  smtp = Net::SMTP.new(SMTP_SERVER, SMTP_PORT)
  smtp.enable_starttls
  smtp.start(Socket.gethostname, USERNAME, PASSWORD, :login) do |server|
    server.send_message(msg, USERNAME, to)
  end
  puts "Email sent to #{to}"
rescue Net::SMTPAuthenticationError => e
  puts "Authentication failed: #{e.message}"
  false
end

send_email('friend@example.org', 'Hello', "Hi there!\n")
