#!/usr/bin/env ruby
# Send the weekly newsletter to everyone listed in subscribers.txt
require 'net/smtp'

SMTP_HOST = ENV.fetch('SMTP_HOST', 'localhost')
SMTP_PORT = Integer(ENV.fetch('SMTP_PORT', '25'))
FROM = 'newsletter@example.org'

lines = File.readlines('subscribers.txt', chomp: true)
subscribers = lines.reject { |l| l.strip.empty? || l.start_with?('#') }
                   .map { |l| l.split(',').map(&:strip) }

stats = Hash.new(0)
Net::SMTP.start(SMTP_HOST, SMTP_PORT, 'newsletter.example.org') do |smtp|
  subscribers.each_with_index do |(name, email), i|
    body = <<~MAIL
      From: Newsletter <#{FROM}>
      To: #{name} <#{email}>
      Subject: Weekly news ##{i + 1}

      Hi #{name},

      here is what happened this week.
    MAIL
    begin
      smtp.send_message body, FROM, email
      stats[:sent] += 1
    rescue Net::SMTPFatalError => e
      warn "#{email}: #{e.message.strip}"
      stats[:failed] += 1
    end
  end
end

stats.each { |k, v| puts "#{k}: #{v}" }
