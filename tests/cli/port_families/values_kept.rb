# An instance variable read before any assignment (nil) in class and
# instance methods; DEFAULTS.merge(overrides) where the overrides may hold
# any key; concat/push as a branch's or a method's value (the Array).
module Notifier
  class << self
    def next_id
      @sequence = (@sequence || 0) + 1
    end
  end
end
puts Notifier.next_id, Notifier.next_id

class Counter
  def bump
    @hits = (@hits || 0) + 1
  end

  def add(x)
    items = [0]
    items.push(x)
  end
end
c = Counter.new
c.bump
puts c.bump
p c.add(2)

DEFAULTS = { host: 'localhost', ca_file: nil }.freeze
def settings(**overrides)
  DEFAULTS.merge(overrides)
end
s = settings(ca_file: '/etc/ca.pem')
puts s[:ca_file] ? "ca #{s[:ca_file]}" : 'no ca'
puts settings[:ca_file] ? 'ca' : 'no ca'

rcpts = []
kept = ["X-To: a@x, b@x\n", "Subject: hi\n"].reject do |line|
  case line
  when /\AX-To:\s*(.+)/ then rcpts.concat($1.split(',').map(&:strip))
  end
end
p kept, rcpts
