require 'net/smtp'

class Notifier
  FROM = 'noreply@example.com'
  @deliveries = []

  class << self
    attr_reader :deliveries

    def notify(to, text)
      body = "From: #{FROM}\nTo: #{to}\nSubject: note\n\n#{text}\n"
      Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) { |s| s.send_message(body, FROM, to) }
      @deliveries << to
    end
  end
end

Notifier.notify('a@example.com', 'one')
Notifier.notify('b@example.com', 'two')
puts Notifier.deliveries.length
puts Notifier.deliveries.last
