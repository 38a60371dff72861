# A Hash splatted into a method's keywords is checked as Ruby checks it:
# a missing or unknown keyword is an ArgumentError with Ruby's text.
class Mailer
  def self.deliver(to:, subject:, body: '', **headers)
    "#{to}|#{subject}|#{body}|#{headers.keys.join(',')}"
  end

  def initialize(host:, port: 25)
    @host, @port = host, port
  end

  def to_s
    "#{@host}:#{@port}"
  end
end

def notify(channel:, text:)
  "#{channel}: #{text}"
end

orders = [
  { to: 'a@x', subject: 'one', body: 'b', x_id: 1 },
  { to: 'b@x', body: 'no subject' },
  { body: 'nothing' }
]
orders.each do |o|
  puts Mailer.deliver(**o)
rescue ArgumentError => e
  puts "skipped: #{e.message}"
end
[{ host: 'h' }, { host: 'h', port: 26, tls: true }, { port: 1, tls: true, x: 1 }].each do |c|
  puts Mailer.new(**c)
rescue ArgumentError => e
  puts "bad config: #{e.message}"
end
puts notify(**{ channel: 'ops', text: 'up' })
begin
  notify(text: 'down', **{ level: 2 })
rescue ArgumentError => e
  puts e.message
end
