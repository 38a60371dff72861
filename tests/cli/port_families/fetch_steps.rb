# Hash#fetch and ENV.fetch with a block (its parameter is the key), steps,
# and __method__.
settings = { 'host' => 'mail.example.com', 'port' => 25 }
puts settings.fetch('host') { |k| "no #{k}" }
puts settings.fetch('user') { |k| "no #{k}" }
limits = { 'tries' => 2 }
puts limits.fetch('max') { 3 } + limits.fetch('tries') { 0 }
relay = ENV.fetch('PORT_FAMILY_UNSET_RELAY') { |name| "#{name.downcase} unset" }
puts relay
level = ENV.fetch('PORT_FAMILY_UNSET_LEVEL') { 'info' }
puts level.upcase
timeout = ENV.fetch('PORT_FAMILY_UNSET_TIMEOUT') do |name|
  warn "#{name} not set, using 30"
  '30'
end
puts timeout.to_i * 2

1.step(10, 3) { |k| print k, ' ' }
puts
10.step(1, -4) { |k| print k, ',' }
puts
(1..10).step(4) { |k| print k, ';' }
puts
p((0...9).step(2).map { |k| k * k })
batch = 5
0.step(batch, 2) { |i| puts "row #{i}" }

def deliver_all
  puts "#{__method__} started"
  [1, 2].each { |n| puts "#{__method__} #{n}" }
  __method__
end
p deliver_all
puts deliver_all.to_s.length

class Notifier
  def notify
    "#{self.class}##{__method__}"
  end
end
puts Notifier.new.notify

loads = [3, 5, 4, 9, 2]
p loads.each_cons(2).map { |a, b| b - a }
loads.each_cons(3) { |run| puts run.sum }
p loads.each_cons(4).to_a
p [1].each_cons(2).to_a
