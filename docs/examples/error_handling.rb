# Handle refusals one recipient at a time.
#
# send_message raises at the first recipient the server refuses; the others
# are not even tried. To know the fate of each recipient, send to each in
# turn, rescue the refusal, and reset the transaction with rset before the
# next one. A 5xx reply (Net::SMTPFatalError) is final; a 4xx reply
# (Net::SMTPServerBusy) means: try again later.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '25'))

message = <<~MESSAGE
  From: Alice <alice@example.com>
  To: Undisclosed recipients:;
  Subject: Office closed on Monday
  Date: Sat, 28 Nov 2026 18:00:00 +0000
  Message-ID: <office-closed-2026-11-30@example.com>

  The office is closed on Monday for the building inspection.
MESSAGE

recipients = ['bob@example.net', 'nobody@example.net', 'later@example.net', 'carol@example.org']
retry_later = []

Net::SMTP.start(host, port) do |smtp|
  recipients.each do |rcpt|
    begin
      smtp.send_message message, 'alice@example.com', rcpt
      puts "sent to #{rcpt}"
    rescue Net::SMTPFatalError => e
      puts "refused for good: #{e.message.chomp}"
      smtp.rset
    rescue Net::SMTPServerBusy => e
      puts "#{rcpt}: temporary failure #{e.response.status}"
      retry_later << rcpt
      smtp.rset
    end
  end
end
puts "to retry later: #{retry_later.join(', ')}"
