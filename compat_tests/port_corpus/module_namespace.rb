require 'net/smtp'

module Notifier
  DEFAULT_FROM = 'notifier@example.com'.freeze

  module Templates
    def self.outage(service, minutes)
      "Subject: [OUTAGE] #{service}\n\n#{service} has been down for #{minutes} minutes.\n"
    end

    def self.recovery(service)
      "Subject: [OK] #{service}\n\n#{service} is back.\n"
    end
  end

  class << self
    attr_accessor :server, :port

    def deliver(body, *to)
      Net::SMTP.start(server, port) { |smtp| smtp.send_message(body, DEFAULT_FROM, *to) }
      to.length
    end
  end
end

Notifier.server = ENV['SMTP_HOST']
Notifier.port = ENV['SMTP_PORT'].to_i
n = Notifier.deliver(Notifier::Templates.outage('api', 7), 'oncall@example.com', 'lead@example.com')
n += Notifier.deliver(Notifier::Templates.recovery('api'), 'oncall@example.com')
puts "#{n} notifications from #{Notifier::DEFAULT_FROM}"
