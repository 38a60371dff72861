require 'net/smtp'

class Mailer
  attr_accessor :host, :port, :from
  attr_reader :sent

  def initialize(host, port, from: 'mailer@example.com')
    @host = host
    @port = port
    @from = from
    @sent = 0
  end

  def message(to, subject, body)
    @message = <<~MAIL
      From: #{from}
      To: #{to}
      Subject: #{subject}

      #{body}
    MAIL
  end

  def deliver(to, subject, body)
    message(to, subject, body)
    Net::SMTP.start(host, port) do |smtp|
      smtp.send_message @message, from, to
    end
    @sent += 1
    self
  end

  def to_s
    "#<Mailer #{host}:#{port} sent=#{@sent}>"
  end
end

mailer = Mailer.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
mailer.from = 'support@example.com'
mailer.deliver('alice@example.org', 'Ticket #12', 'Your ticket was updated.')
      .deliver('bob@example.org', 'Ticket #13', 'Your ticket was closed.')
puts mailer
puts "sent #{mailer.sent} messages"
