require 'net/smtp'
require 'time'

html = <<~HTML
  <html><body>
  <h1>Release 2.4</h1>
  <p>The <b>release</b> is out.</p>
  <p>See the <a href="https://example.com/notes">notes</a>.</p>
  </body></html>
HTML

text = html.gsub(/<[^>]+>/, '').squeeze("\n").strip
boundary = '----=_Part_20240105'
date = Time.utc(2024, 1, 5, 8, 30, 0)

message = <<~EOM
  From: Releases <releases@example.com>
  To: dev@example.com
  Subject: Release 2.4
  Date: #{date.rfc2822}
  MIME-Version: 1.0
  Content-Type: multipart/alternative; boundary="#{boundary}"

  --#{boundary}
  Content-Type: text/plain; charset=UTF-8

  #{text}

  --#{boundary}
  Content-Type: text/html; charset=UTF-8

  #{html}
  --#{boundary}--
EOM

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message message, 'releases@example.com', 'dev@example.com'
end
puts text
puts "#{message.lines.size} lines"
