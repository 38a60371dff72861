require 'net/smtp'

class MessageBuilder
  def initialize
    @headers = []
    @body = []
  end

  def header(name, value)
    @headers << "#{name}: #{value}"
    self
  end

  def line(text = '')
    @body << text
    self
  end

  def to_s
    (@headers + [''] + @body).join("\r\n") + "\r\n"
  end
end

msg = MessageBuilder.new
  .header('From', 'builder@example.com')
  .header('To', 'you@example.com')
  .header('Subject', 'built')
  .line('Hello,')
  .line
  .line('-- builder')

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message msg.to_s, 'builder@example.com', 'you@example.com'
end
puts msg.to_s.lines.size
