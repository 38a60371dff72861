# push, <<, unshift and concat used as values give the Array itself (Python's
# append gives None); ZeroDivisionError's message as Ruby words it.
queue = %w[first].push('second')
puts queue.join(',')
all = %w[a b].push('c', 'd')
puts all.size
log = []
entry = (log << 'started')
p entry
p log.push('sent').last
p [3].unshift(1, 2)
p [1].concat([2, 3]).size
p [9].append(8).prepend(7)
log << 'done' << 'closed'
p log
%w[x y].push('z').each { |w| print w }
puts
begin
  puts 10 / (log.size - 4)
rescue ZeroDivisionError => e
  puts "#{e.class}: #{e.message}"
end
defaults = { 'port' => 25 }
settings = defaults.merge!({ 'host' => 'relay' })
puts settings.size
puts defaults.update({ 'tls' => 'no' }).keys.join(',')
