require 'net/smtp'
smtp = Net::SMTP.new ENV['SMTP_HOST'], ENV['SMTP_PORT'], ssl_context_params: { verify_mode: OpenSSL::SSL::VERIFY_NONE }
smtp.enable_starttls_auto
smtp.start 'localhost', ENV['SMTP_USER'], ENV['SMTP_PASSWORD'], :login
smtp.send_message File.read('note.txt'), 'dev@example.com', 'dev@example.com'
smtp.finish
puts 'ok'
