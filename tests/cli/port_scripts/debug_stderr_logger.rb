require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.set_debug_output $stderr
smtp.start('debug.example.com') do |s|
  s.send_message "Subject: dbg\n\n.leading dot\n", 'a@example.com', 'b@example.com'
end
STDERR.puts 'finished'
$stderr.print "bye\n"
