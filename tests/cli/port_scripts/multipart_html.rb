require 'net/smtp'

boundary = "----=_Part_#{12345}"
rows = [['api', 'up', 120], ['db', 'degraded', 480], ['cache', 'up', 15]]

html = +"<table>\n"
rows.each_with_index do |(name, state, ms), i|
  color = state == 'up' ? 'green' : 'orange'
  html << "<tr class=\"r#{i}\"><td>#{name}</td><td style=\"color:#{color}\">#{state}</td><td>#{ms}ms</td></tr>\n"
end
html << "</table>\n"

text = rows.map { |name, state, ms| "#{name}: #{state} (#{ms}ms)" }.join("\n")

message = <<~MAIL
  From: Status <status@example.com>
  To: team@example.com
  Subject: Service status
  MIME-Version: 1.0
  Content-Type: multipart/alternative; boundary="#{boundary}"

  --#{boundary}
  Content-Type: text/plain; charset=UTF-8

  #{text}

  --#{boundary}
  Content-Type: text/html; charset=UTF-8

  #{html}
  --#{boundary}--
MAIL

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message message, 'status@example.com', 'team@example.com'
end
puts message.lines.count
