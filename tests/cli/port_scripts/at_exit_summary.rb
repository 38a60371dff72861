require 'net/smtp'

sent = 0
at_exit { puts "summary: #{sent} sent" }

%w[p@example.com q@example.com].each do |to|
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message "Subject: x\n\ny\n", 'exit@example.com', to
  end
  sent += 1
end
puts 'loop done'
