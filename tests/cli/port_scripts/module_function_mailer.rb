require 'net/smtp'

module Alerts
  module_function

  def server
    [ENV.fetch('SMTP_HOST'), ENV.fetch('SMTP_PORT').to_i]
  end

  def format_alert(level, text)
    "[#{level.to_s.upcase}] #{text}"
  end

  def send_alert(level, text, to: 'ops@example.com')
    host, port = server
    subject = format_alert(level, text)
    Net::SMTP.start(host, port) do |smtp|
      smtp.send_message("Subject: #{subject}\n\n#{text}\n", 'alerts@example.com', to)
    end
    subject
  end
end

sent = [Alerts.send_alert(:warn, 'queue growing'), Alerts.send_alert(:crit, 'queue full', to: 'pager@example.com')]
puts sent
