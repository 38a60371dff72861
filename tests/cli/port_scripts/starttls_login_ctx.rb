require 'net/smtp'
require 'openssl'

host = ENV['SMTP_HOST']
port = (ENV['SMTP_PORT'] || 587).to_i
user = ENV.fetch('SMTP_USER')
pass = ENV.fetch('SMTP_PASS')

ctx = OpenSSL::SSL::SSLContext.new
ctx.ca_file = ENV['SMTP_CA_FILE']
ctx.verify_mode = OpenSSL::SSL::VERIFY_PEER

smtp = Net::SMTP.new(host, port)
smtp.enable_starttls(ctx)
smtp.open_timeout = 10
smtp.read_timeout = 20

message = [
  "From: #{user}",
  "To: reports@example.com",
  "Subject: nightly",
  "",
  "nightly job ok"
].join("\r\n")

smtp.start('client.example.com', user, pass, :login) do |s|
  resp = s.send_message(message, user, 'reports@example.com')
  puts "server said: #{resp.status} #{resp.message.strip}"
  puts "tls? #{s.tls?} started? #{s.started?}"
end
puts "done: #{smtp.started? ? 'still open' : 'closed'}"
