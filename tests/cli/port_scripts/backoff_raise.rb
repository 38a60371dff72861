require 'net/smtp'

def deliver(msg)
  attempts = 0
  begin
    attempts += 1
    Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
      smtp.send_message msg, 'backoff@example.com', 'target@example.com'
    end
  rescue Net::SMTPServerBusy, Net::ReadTimeout => e
    warn "attempt #{attempts}: #{e.class}"
    if attempts < 2
      sleep(2**attempts * 0.01)
      retry
    end
    raise
  end
  attempts
end

begin
  n = deliver("Subject: backoff\n\nretry me\n")
  puts "ok after #{n}"
rescue => e
  puts "gave up: #{e.message.strip}"
  exit 4
end
