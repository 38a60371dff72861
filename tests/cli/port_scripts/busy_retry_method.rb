require 'net/smtp'

MAX_ATTEMPTS = 3

def deliver(message, from, to)
  attempts = 0
  begin
    attempts += 1
    Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
      smtp.send_message(message, from, to)
    end
    puts "delivered after #{attempts} attempt(s)"
    true
  rescue Net::SMTPServerBusy => e
    puts "attempt #{attempts} failed: #{e.message.chomp}"
    if attempts < MAX_ATTEMPTS
      sleep 0.1 * attempts
      retry
    end
    false
  end
end

ok = deliver("Subject: ping\n\nping\n", 'cron@example.com', 'admin@example.com')
exit(ok ? 0 : 1)
