require 'net/smtp'

class Session
  attr_reader :smtp

  def initialize(host, port)
    @host, @port = host, port
    @smtp = nil
  end

  def open
    @smtp = Net::SMTP.start(@host, @port, 'session.example.com')
    self
  end

  def deliver(to, subject)
    raise 'not open' unless @smtp
    @smtp.send_message("Subject: #{subject}\n\n#{subject}\n", 'session@example.com', to)
  end

  def close
    @smtp.finish if @smtp&.started?
    @smtp = nil
  end
end

session = Session.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i).open
res = session.deliver('x@example.com', 'first')
puts "#{res.status} #{res.success?}"
session.close
begin
  session.deliver('y@example.com', 'second')
rescue RuntimeError => e
  puts "error: #{e.message}"
end
