require 'net/smtp'

msg = <<-END_OF_MESSAGE
From: Your Name <your@mail.address>
To: Destination Address <someone@example.com>
Subject: test message
Date: Sat, 23 Jun 2001 16:26:43 +0900
Message-Id: <unique.message.id.string@example.com>

This is a test message.
END_OF_MESSAGE

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.esmtp = true
smtp.start('mail.from.domain', 'Your Account', 'Your Password', :cram_md5)
begin
  res = smtp.send_mail(msg, 'your@mail.address', 'his_address@example.com')
  puts res.success? ? "ok #{res.status}" : "failed"
ensure
  smtp.finish
end
