require 'net/smtp'
require 'time'
require 'securerandom'

now = Time.now
message_id = "<#{now.to_i}.#{SecureRandom.hex(6)}@mailer.example.com>"
msg = <<~EOM
  Date: #{now.rfc2822}
  Message-ID: #{message_id}
  From: cron@example.com
  To: admin@example.com
  Subject: Cron job finished

  Finished at #{now.strftime('%Y-%m-%d %H:%M:%S')}.
EOM

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message msg, 'cron@example.com', 'admin@example.com'
end
puts "[#{now.strftime('%Y-%m-%d %H:%M:%S')}] mail sent"
puts "Date: #{now.rfc2822}"
