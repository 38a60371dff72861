require 'json'

Ticket = Struct.new(:id, :title, :priority) do
  def self.from_h(h)
    new(*members.map { |m| h[m.to_s] })
  end

  def urgent? = priority <= 1
end

class DeliveryError < StandardError
  attr_reader :recipient

  def initialize(msg, recipient)
    super(msg)
    @recipient = recipient
  end
end

def money(cents)
  units, rest = cents.divmod(100)
  "#{units}.#{rest.to_s.rjust(2, '0')}"
end

def deliver(to)
  Integer(to)
rescue ArgumentError => e
  raise DeliveryError.new("cannot deliver to #{to}", to)
end

data = JSON.parse('[{"id": 7, "title": "Disk", "priority": 1, "cents": 123456, "due": "2024-07-01"},
                    {"id": 8, "title": "Fan", "priority": 3, "cents": 99, "due": "2024-06-15"}]')
tickets = data.map { |h| Ticket.from_h(h) }
puts Ticket.members.inspect
tickets.each { |t| puts "#{t.id} #{t.title} urgent=#{t.urgent?}" }
data.each do |h|
  due = Time.utc(*h['due'].split('-').map(&:to_i))
  puts "#{money(h['cents'])} due #{due.strftime('%Y-%m-%d %H:%M')} soon=#{(h['priority'] - 2).between?(-1, 0)}"
  puts (h['cents'] * 1.5).round(1)
end
puts Time.utc(*[2024]).year

begin
  deliver('nobody')
rescue DeliveryError => e
  puts "failed for #{e.recipient}: #{e.message}"
  puts "cause: #{e.cause.class}: #{e.cause.message}"
end
begin
  raise 'plain'
rescue RuntimeError => e
  p e.cause
end

LIST = [1, 2]
ALIAS = LIST
puts LIST.equal?(ALIAS), LIST.equal?([1, 2])
