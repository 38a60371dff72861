require 'net/smtp'

RECIPIENTS = %w[a@example.com b@example.com c@example.com d@example.com]
failures = {}
sent = []

RECIPIENTS.each do |rcpt|
  begin
    Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
      smtp.send_message("Subject: notice\n\nPlease read.\n", 'notice@example.com', rcpt)
    end
    sent << rcpt
  rescue Net::SMTPFatalError, Net::SMTPServerBusy => e
    failures[rcpt] = "#{e.class.name.split('::').last}: #{e.message.chomp}"
  end
end

puts "sent: #{sent.size}"
unless failures.empty?
  puts 'failures:'
  failures.each { |rcpt, why| puts "  #{rcpt} -> #{why}" }
end
exit(failures.empty? ? 0 : 2)
