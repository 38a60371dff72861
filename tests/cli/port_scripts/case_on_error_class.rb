require 'net/smtp'

def attempt(to)
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message("Subject: hi\n\nhello\n", 'app@example.com', to)
  end
  :sent
rescue Net::SMTPServerBusy, Net::SMTPFatalError, Net::SMTPSyntaxError => e
  case e
  when Net::SMTPServerBusy then :retry_later
  when Net::SMTPFatalError
    warn "permanent failure for #{to}: #{e.message.strip}"
    :bounced
  else
    :unknown
  end
end

%w[ok@example.com gone@example.com].each do |to|
  result = attempt(to)
  puts "#{to.ljust(20)} #{result}"
end
