require 'net/smtp'

to = ARGV.shift or abort "usage: notify.rb RECIPIENT [SUBJECT]"
subject = ARGV.shift || 'Notification'

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: #{subject}\n\nSomething happened.\n", 'notify@example.com', to
end
puts "notified #{to}"
