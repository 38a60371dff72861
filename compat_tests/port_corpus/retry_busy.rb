require 'net/smtp'

MAX_ATTEMPTS = 3
attempts = 0

begin
  attempts += 1
  puts "attempt #{attempts}"
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message "Subject: retry\n\nbody\n", 'queue@example.com', 'user@example.com'
  end
  puts "sent after #{attempts} attempt(s)"
rescue Net::SMTPServerBusy => e
  puts "busy: #{e.message}"
  if attempts < MAX_ATTEMPTS
    sleep 0.1
    retry
  end
  raise
end
