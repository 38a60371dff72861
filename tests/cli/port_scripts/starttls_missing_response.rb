# STARTTLS required but not offered: SMTPUnsupportedCommand carries a text,
# no reply, so its response is nil; rescued as Net::SMTPError.
require 'net/smtp'

begin
  Net::SMTP.start('127.0.0.1', ENV['SMTP_PORT'].to_i, helo: 'probe.example', starttls: :always) do |smtp|
    puts 'never'
  end
rescue Net::SMTPError => e
  puts "#{e.class}: #{e.message}"
  puts "response: #{e.response.inspect}"
  puts "status: #{e.response ? e.response.status : 'none'}"
end
