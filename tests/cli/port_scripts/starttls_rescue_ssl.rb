require 'net/smtp'
require 'openssl'

def send_mail(verify)
  smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
  if verify
    smtp.enable_starttls
  else
    ctx = OpenSSL::SSL::SSLContext.new
    ctx.verify_mode = OpenSSL::SSL::VERIFY_NONE
    smtp.enable_starttls(ctx)
  end
  smtp.start('verify.example.com') do |s|
    s.send_message "Subject: tls #{verify ? 'verified' : 'unverified'}\n\nx\n", 'tls@example.com', 'to@example.com'
  end
  puts "sent (verify=#{verify})"
  true
rescue OpenSSL::SSL::SSLError => e
  puts "TLS failed: #{e.class}"
  false
end

exit(1) unless send_mail(true) || send_mail(false)
