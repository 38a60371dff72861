require 'net/smtp'

msg = <<-END.split("\n").map(&:strip).join("\n")
  From: Private Person <me@fromdomain.com>
  To: A Test User <test@todomain.com>
  Subject: SMTP e-mail test

  This is a test e-mail message.
END

begin
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'localhost') do |smtp|
    puts "connection open"
    smtp.send_message msg, 'me@fromdomain.com', 'test@todomain.com'
    puts "message sent"
  end
rescue => exception
  puts "ERROR: #{exception}"
  puts exception.class
  puts exception.message
end
puts "done"
