require 'net/smtp'

def classify(code)
  case code
  when 200..299 then 'ok'
  when 400...500 then 'temporary'
  when 500..599 then 'permanent'
  else 'unknown'
  end
end

def route(address)
  case address
  when /@example\.com\z/ then :internal
  when 'postmaster@example.org', 'abuse@example.org' then :role
  else :external
  end
end

addresses = ['dev@example.com', 'abuse@example.org', 'someone@example.net']
addresses.each { |a| puts "#{a}: #{route(a)}" }

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  addresses.each do |a|
    begin
      res = smtp.send_message("Subject: t\n\nt\n", 'router@example.com', a)
      puts "#{a} -> #{classify(res.status.to_i)}"
    rescue Net::SMTPServerBusy, Net::SMTPFatalError => e
      puts "#{a} -> #{classify(e.response.status.to_i)}"
      smtp.rset
    end
  end
end
