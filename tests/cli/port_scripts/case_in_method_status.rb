require 'net/smtp'

def describe(response)
  case response.status.to_i
  when 250 then 'accepted'
  when 251, 252 then 'forwarded'
  when 400...500 then 'try later'
  else "error #{response.status}"
  end
end

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  r = smtp.send_message("Subject: st\n\nx\n", 'st@example.com', 'to@example.com')
  puts describe(r)
  puts describe(smtp.rset)
  begin
    smtp.mailfrom('st@example.com')
    smtp.rcptto('nobody@example.com')
  rescue Net::SMTPServerBusy => e
    puts describe(e.response)
  end
end
