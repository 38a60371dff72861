require 'net/smtp'

settings = File.read('mail.conf').each_line.map(&:strip)
                .reject { |l| l.empty? || l.start_with?('#') }
                .map { |l| l.split(':', 2).map(&:strip) }
                .to_h

host = settings.fetch('host', 'localhost')
port = settings.fetch('port', '25').to_i
recipients = settings['to'].to_s.split(/\s*,\s*/)

Net::SMTP.start(host, port, settings['helo'] || 'localhost') do |smtp|
  smtp.send_message("Subject: #{settings['subject']}\n\nconfigured\n", settings['from'], recipients)
end
puts "#{recipients.size} recipients via #{host}"
puts settings.keys.sort.join(' ')
