require 'net/smtp'

class Notifier
  attr_reader :host, :port

  def initialize(opts = {})
    @host = opts[:host] || 'localhost'
    @port = opts.fetch(:port, 25)
    @from = opts[:from] || 'notifier@example.com'
    @log = []
  end

  def notify(to, text)
    Net::SMTP.start(@host, @port) do |smtp|
      smtp.send_message("From: #{@from}\nTo: #{to}\nSubject: notice\n\n#{text}\n", @from, to)
    end
    @log << to
    true
  end

  def summary
    "#{@log.size} sent: #{@log.join(', ')}"
  end
end

n = Notifier.new(host: ENV['SMTP_HOST'], port: ENV['SMTP_PORT'].to_i)
n.notify('x@example.com', 'first')
n.notify('y@example.com', 'second')
puts n.summary
puts "#{n.host}:#{n.port == ENV['SMTP_PORT'].to_i}"
