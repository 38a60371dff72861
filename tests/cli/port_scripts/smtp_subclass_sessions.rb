# A subclass of Net::SMTP: its own initialize calling super, methods that
# call the library's start/send_message without a receiver, the library's
# methods on its objects, and p of one (Net::SMTP's inspect).
require 'net/smtp'

class BatchSMTP < Net::SMTP
  PER_SESSION = 2

  attr_reader :sessions, :refused

  def initialize(address, port = nil)
    super
    @queue = []
    @sessions = 0
    @refused = []
  end

  def enqueue(to, text)
    @queue << [to, "From: club@example.jp\nTo: #{to}\nSubject: notice\n\n#{text}\n"]
    self
  end

  def deliver_all
    @queue.each_slice(PER_SESSION) do |batch|
      start('club.example.jp') do
        @sessions += 1
        batch.each do |to, msg|
          send_message(msg, 'club@example.jp', to)
        rescue Net::SMTPFatalError => e
          @refused << "#{to}: #{e.message.strip}"
        end
      end
    end
    @queue.size
  end
end

mailer = BatchSMTP.new('127.0.0.1', ENV['SMTP_PORT'].to_i)
%w[a@example.com b@example.com gone@example.com c@example.com].each do |to|
  mailer.enqueue(to, "Hello #{to}")
end
p mailer
puts "#{mailer.deliver_all} queued, #{mailer.sessions} sessions"
puts mailer.refused
p mailer.started?
p mailer.port == ENV['SMTP_PORT'].to_i
