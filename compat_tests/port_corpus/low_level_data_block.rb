require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.start
smtp.mailfrom('bounce@example.com')
%w[x@example.org y@example.org].each { |rcpt| smtp.rcptto(rcpt) }
res = smtp.data do |body|
  body.write "Subject: low level\r\n"
  body.write "\r\n"
  body.puts 'written inside a data block'
end
puts res.message
smtp.finish
