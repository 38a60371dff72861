require 'net/smtp'

ctx = OpenSSL::SSL::SSLContext.new
ctx.verify_mode = OpenSSL::SSL::VERIFY_NONE
smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.enable_starttls_auto(ctx)
smtp.start('localhost', ENV['SMTP_USER'], ENV['SMTP_PASSWORD'], :login) do
  puts "auto: #{smtp.starttls_auto?} always: #{smtp.starttls_always?}"
  puts "capable: #{smtp.capable_login_auth?}"
  smtp.send_message("Subject: tls\n\nx\n", 'a@example.com', 'b@example.com')
end
