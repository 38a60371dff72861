# rescue / else / ensure / retry written directly in a do ... end block
# (Ruby 2.6+): each pass of the block is protected on its own.
[4, 0, 2].each do |d|
  puts 12 / d
rescue ZeroDivisionError => e
  puts "skipped: #{e.message}"
else
  puts 'ok'
ensure
  puts "done #{d}"
end

tries = Hash.new(0)
%w[alpha beta].each_with_index do |name, i|
  tries[name] += 1
  raise IOError, "busy #{name}" if i.zero? && tries[name] < 3
  puts "#{name} after #{tries[name]}"
rescue IOError => e
  puts e.message
  retry
end

def deliver_all(names)
  names.each do |n|
    raise ArgumentError, 'empty' if n.empty?
    puts "sent #{n}"
  rescue ArgumentError
    puts 'bad name'
  end
  names.size
end
puts deliver_all(['a', '', 'b'])

# A method-level rescue that retries, its counter set with ||= (kept, not
# reset, when the body runs again).
def flaky_send(limit)
  tries ||= 0
  tries += 1
  raise IOError, "busy #{tries}" if tries < 3
  "sent on try #{tries}"
rescue IOError => e
  puts "try #{tries}: #{e.message}"
  retry if tries < limit
  raise
end
puts flaky_send(5)
begin
  flaky_send(2)
rescue IOError => e
  puts "gave up: #{e.message}"
end
