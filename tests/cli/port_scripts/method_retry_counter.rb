require 'net/smtp'

class Sender
  MAX = 3

  def initialize
    @tries = 0
  end

  def send_once
    @tries += 1
    Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
      smtp.send_message "Subject: try\n\n#{@tries}\n", 'a@example.com', 'b@example.com'
    end
    "ok after #{@tries}"
  rescue Net::SMTPServerBusy => e
    $stderr.printf("try %d: %s", @tries, e.message)
    retry if @tries < MAX
    "gave up"
  end
end

puts Sender.new.send_once
