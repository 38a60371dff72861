require 'net/smtp'
require 'openssl'

ctx = OpenSSL::SSL::SSLContext.new
ctx.set_params(ca_file: ENV['MAIL_CA'])
smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.enable_tls(ctx)
smtp.start do |s|
  s.ready('alerts@example.com', 'root@example.com') do |f|
    f.puts 'Subject: verified'
    f.puts
    f.print "certificate checked\n"
  end
end
puts 'ok'
