require 'net/smtp'

smtp = Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'])
body = "Subject: nightly backup\n\nBackup finished without errors.\n"
res = smtp.send_message(body, 'backup@db1.example.com', 'dba@example.com')
puts res.status
puts res.string
puts "success? #{res.success?}"
smtp.finish
puts "started after finish: #{smtp.started?}"
