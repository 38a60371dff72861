require 'net/smtp'

class Notifier
  DEFAULTS = { host: 'localhost', port: 25, from: 'notifier@example.com', helo: 'localhost' }.freeze

  attr_reader :sent

  def initialize(opts = {})
    @opts = DEFAULTS.merge(opts)
    @sent = 0
  end

  def notify(to, subject, body)
    Net::SMTP.start(@opts[:host], @opts[:port], @opts[:helo]) do |smtp|
      smtp.send_message(compose(to, subject, body), @opts[:from], to)
    end
    @sent += 1
    log "notified #{to}"
  rescue Net::SMTPError => e
    log "failed #{to}: #{e.message.strip}"
    false
  end

  def to_s
    "Notifier(#{@opts[:host]}:#{@opts[:port]}, sent=#{@sent})"
  end

  private

  def compose(to, subject, body)
    "From: #{@opts[:from]}\r\nTo: #{to}\r\nSubject: #{subject}\r\n\r\n#{body}\r\n"
  end

  def log(msg)
    puts "[notifier] #{msg}"
  end
end

n = Notifier.new(host: ENV['SMTP_HOST'], port: ENV['SMTP_PORT'].to_i)
n.notify('a@example.com', 'Disk', 'Disk almost full')
n.notify('b@example.com', 'Disk', 'Disk almost full')
puts n
puts "total sent: #{n.sent}"
