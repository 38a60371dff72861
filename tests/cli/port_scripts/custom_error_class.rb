require 'net/smtp'

class DeliveryError < StandardError; end

class Mailer
  def initialize(host, port)
    @host = host
    @port = port
  end

  def valid?(address)
    address.include?('@') && !address.start_with?('@')
  end

  def deliver(to)
    raise DeliveryError, "invalid address: #{to}" unless valid?(to)
    Net::SMTP.start(@host, @port) { |smtp| smtp.send_message("Subject: x\n\nx\n", 'm@example.com', to) }
    "delivered to #{to}"
  end
end

mailer = Mailer.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
['good@example.com', 'broken'].each do |to|
  begin
    puts mailer.deliver(to)
  rescue DeliveryError => e
    puts "skipped: #{e.message}"
  end
end
