require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.esmtp = false
smtp.start('old.example.com')
res = smtp.get_response('NOOP')
puts "NOOP: #{res.status} #{res.string.chomp}"
smtp.mailfrom('a@example.com')
smtp.rcptto_list(['b@example.com', 'c@example.com']) do
  smtp.data("Subject: low\n\nlevel\n")
end
puts smtp.inspect
smtp.quit
smtp.finish rescue puts('finish failed')
