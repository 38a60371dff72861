require 'net/smtp'

module Mailer
  class << self
    attr_accessor :settings

    def configure
      self.settings ||= { host: 'localhost', port: 25, from: 'noreply@example.com' }
      yield settings
    end

    def deliver(to:, subject:, body:)
      msg = "From: #{settings[:from]}\nTo: #{to}\nSubject: #{subject}\n\n#{body}\n"
      Net::SMTP.start(settings[:host], settings[:port]) do |smtp|
        smtp.send_message msg, settings[:from], to
      end
      puts "sent '#{subject}' to #{to}"
    end
  end
end

Mailer.configure do |c|
  c[:host] = ENV['SMTP_HOST']
  c[:port] = ENV['SMTP_PORT'].to_i
  c[:from] = 'robot@example.com'
end

Mailer.deliver(to: 'dev@example.com', subject: 'Build passed', body: 'All 42 tests green.')
puts Mailer.settings[:from]
