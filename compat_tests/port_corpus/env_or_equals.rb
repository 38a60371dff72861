require 'net/smtp'

ENV['SMTP_HOST'] ||= 'localhost'
ENV['SMTP_PORT'] ||= '25'
ENV['MAIL_FROM'] ||= 'noreply@example.com'
ENV['MAIL_SUBJECT'] ||= 'Deployment finished'

to = ENV.fetch('MAIL_TO', 'devs@example.com')
subject = ENV['MAIL_SUBJECT']
msg = "From: #{ENV['MAIL_FROM']}\nTo: #{to}\nSubject: #{subject}\n\n" \
      "Revision #{ENV.fetch('REVISION', 'unknown')} is live.\n"

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message(msg, ENV['MAIL_FROM'], to)
end
puts "#{subject} -> #{to}"
