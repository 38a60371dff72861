# Mail the nightly report to the operations team and log the outcome.
#
# The worked example of docs/porting.md: a start block, a heredoc message,
# SMTP AUTH, one rescue for each Net::SMTP error class, and ensure.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '587'))
user = ENV.fetch('SMTP_USER', 'reports')
secret = ENV.fetch('SMTP_SECRET')

jobs_run = 48
jobs_failed = 2

report = <<~REPORT
  From: Nightly Reports <reports@example.com>
  To: Operations <ops@example.net>
  Subject: Nightly run: #{jobs_failed} of #{jobs_run} jobs failed
  Date: Sat, 28 Nov 2026 06:00:00 +0000
  Message-ID: <nightly-2026-11-28@example.com>

  #{jobs_run - jobs_failed} jobs succeeded, #{jobs_failed} failed.
  .failed-jobs lists them; the logs are on the usual share.
REPORT

status = 'not sent'
begin
  Net::SMTP.start(host, port, helo: 'reports.example.com',
                  user: user, secret: secret, authtype: :plain) do |smtp|
    smtp.send_message report, 'reports@example.com', 'ops@example.net'
  end
  status = 'sent'
rescue Net::SMTPAuthenticationError => e
  status = "login refused (#{e.response.status})"
rescue Net::SMTPServerBusy => e
  status = "server busy, retry later: #{e.message.chomp}"
rescue Net::SMTPSyntaxError => e
  status = "the server did not understand: #{e.message.chomp}"
rescue Net::SMTPFatalError => e
  status = "refused: #{e.message.chomp}"
rescue Net::SMTPUnknownError => e
  status = "unexpected reply: #{e.message.chomp}"
rescue Net::SMTPUnsupportedCommand => e
  status = "missing server feature: #{e.message}"
rescue Net::OpenTimeout, Net::ReadTimeout
  status = 'timed out'
rescue SystemCallError, SocketError, IOError, OpenSSL::SSL::SSLError => e
  status = "connection failed: #{e.message}"
ensure
  puts "nightly report: #{status}"
end
exit(status == 'sent' ? 0 : 1)
