require 'net/smtp'

class BaseMailer
  FROM = 'app@example.com'

  def initialize(host, port)
    @host = host
    @port = port
  end

  def deliver(to)
    Net::SMTP.start(@host, @port) do |smtp|
      smtp.send_message(headers(to) + "\n" + body, FROM, to)
    end
    puts "#{self.class.name} -> #{to}"
  end

  def headers(to)
    "From: #{FROM}\nTo: #{to}\nSubject: #{subject}\n"
  end

  def subject
    'Notification'
  end

  def body
    "Hello!\n"
  end
end

class WelcomeMailer < BaseMailer
  def subject
    'Welcome aboard'
  end

  def body
    super + "We are glad you joined.\n"
  end
end

class ResetMailer < BaseMailer
  def initialize(host, port, token)
    super(host, port)
    @token = token
  end

  def body
    "Your reset code: #{@token}\n"
  end
end

host, port = ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i
[WelcomeMailer.new(host, port), ResetMailer.new(host, port, 'X7Q2')].each { |m| m.deliver('user@example.com') }
BaseMailer.new(host, port).deliver('admin@example.com')
