require 'net/smtp'
require 'json'

config = JSON.parse(File.read('mailer.json'))
smtp_cfg = config.fetch('smtp')
host = ENV['SMTP_HOST'] || smtp_cfg['host']
port = ENV.fetch('SMTP_PORT', smtp_cfg['port']).to_i
recipients = config['recipients'] || []

subject = config.dig('message', 'subject')
text = config.dig('message', 'lines').join("\n")

Net::SMTP.start(host, port, smtp_cfg['helo'], smtp_cfg['user'], smtp_cfg['password'], :plain) do |smtp|
  smtp.send_message "Subject: #{subject}\n\n#{text}\n", smtp_cfg['user'], recipients
end

summary = { 'host' => host, 'recipients' => recipients.size, 'subject' => subject, 'tags' => [] }
puts JSON.pretty_generate(summary)
