require 'net/smtp'

def mail_to(address, opts = {})
  opts[:host]    ||= ENV.fetch('SMTP_HOST', 'localhost')
  opts[:port]    ||= ENV.fetch('SMTP_PORT', '25').to_i
  opts[:from]    ||= 'robot@example.com'
  opts[:subject] ||= 'Automatic notice'
  opts[:body]    ||= 'Nothing to report.'

  text = <<MAIL
From: Robot <#{opts[:from]}>
To: <#{address}>
Subject: #{opts[:subject]}

#{opts[:body]}
MAIL
  Net::SMTP.start(opts[:host], opts[:port]) { |smtp| smtp.send_message text, opts[:from], address }
  opts[:subject]
end

puts mail_to('first@example.org')
puts mail_to('second@example.org', :subject => 'Custom', :body => 'Hello there.')
