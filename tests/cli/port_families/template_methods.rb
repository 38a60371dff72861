class BaseMailer
  DEFAULT_FROM = 'no-reply@shop.example'

  def self.deliveries
    @@deliveries ||= []
  end

  def from = DEFAULT_FROM

  def headers
    { 'From' => from, 'To' => to, 'Subject' => subject }
  end

  def to_mail
    headers.map { |k, v| "#{k}: #{v}\n" }.join + "\n" + body
  end

  def deliver
    BaseMailer.deliveries << [self.class.name, to]
    to_mail
  end
end

class Shipped < BaseMailer
  def initialize(order, email)
    @order, @email = order, email
  end
  def to = @email
  def subject = "Order #{@order} shipped"
  def body = "Tracking soon.\n"
end

class Review < BaseMailer
  def initialize(email)
    @email = email
  end
  def to = @email
  def from = 'reviews@shop.example'
  def subject = 'How was it?'
  def headers = super.merge('X-Kind' => 'review')
  def body = "Tell us.\n"
end

[Shipped.new('A-1', 'kai@example.com'), Review.new('lea@example.com')].each do |m|
  puts m.deliver
end
BaseMailer.deliveries.each { |klass, rcpt| puts "#{klass.ljust(8)} #{rcpt}" }
p BaseMailer.deliveries.map(&:first).tally
