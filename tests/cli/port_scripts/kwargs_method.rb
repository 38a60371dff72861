require 'net/smtp'

DEFAULT_TO = 'ops@example.com'.freeze
FROM = 'robot@example.com'

def build_message(subject:, body:, to: DEFAULT_TO, priority: nil)
  headers = ["From: #{FROM}", "To: #{to}", "Subject: #{subject}"]
  headers << "X-Priority: #{priority}" if priority
  headers.join("\r\n") + "\r\n\r\n" + body
end

def send_alert(subject:, body:, to: DEFAULT_TO, priority: nil)
  message = build_message(subject: subject, body: body, to: to, priority: priority)
  Net::SMTP.start(ENV.fetch('SMTP_HOST'), ENV.fetch('SMTP_PORT').to_i) do |smtp|
    smtp.send_message message, FROM, to
  end
  puts "alert '#{subject}' sent to #{to}"
end

send_alert(subject: 'Disk full', body: "sda1 is at 99%\n", priority: 1)
send_alert(subject: 'Backup done', body: "ok\n", to: 'backup@example.com')
