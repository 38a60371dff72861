require 'net/smtp'
require 'timeout'

TRANSIENT = [Net::SMTPServerBusy, Net::ReadTimeout, Timeout::Error, EOFError].freeze

tries = 0
begin
  tries += 1
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.read_timeout = 5
    smtp.send_message "Subject: queue\n\njob done\n", 'worker@example.com', 'owner@example.com'
  end
  puts "delivered on try #{tries}"
rescue *TRANSIENT => e
  puts "try #{tries}: #{e.class}"
  retry if tries < 3
  exit 75
end
