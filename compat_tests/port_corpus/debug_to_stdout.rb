require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.set_debug_output $stdout
smtp.start('debug.example.com', ENV['SMTP_USER'], ENV['SMTP_PASSWORD'], :plain) do |s|
  s.send_message("Subject: debug\n\nwatch the wire\n", 'dev@example.com', 'dev@example.com')
end
