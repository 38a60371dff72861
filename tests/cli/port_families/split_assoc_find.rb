require 'date'

# split with a regexp and a limit
header = "Subject: Re: build: failed"
name, value = header.split(/:\s*/, 2)
puts name, value
fields = ["To: a@x, b@x", "From: Ops <ops@x>", "Bcc"].map { |l| l.split(/:\s*/, 2) }
p fields
p fields.select { |k, _| %w[to bcc].include?(k.downcase) }
p fields.reject { |_, v| v.nil? }.map { |k, v| "#{k}=#{v}" }

# Array#assoc
p fields.assoc('From'), fields.assoc('Cc')
sender = fields.assoc('From')&.last.to_s[/<([^>]+)>/, 1]
puts sender

# a local named like a Python module
date = Date.new(2024, 2, 29)
time = 'noon'
puts "#{date} at #{time}", date.next_year

# one target from a list
first, = %w[alpha beta]
puts first
code, = [3, 'x']
puts code + 1

# find with a block of several statements
relays = [['a.example', 1], ['b.example', 2], ['c.example', 3]]
used = relays.find do |host, port|
  ok = port.even?
  puts "trying #{host}:#{port} #{ok ? 'ok' : 'down'}"
  ok
end
p used, relays.index(used)
none = relays.detect do |host, _|
  puts "checking #{host}"
  host.start_with?('z')
end
p none

# Struct#to_a / to_h of a computed Struct, maybe nil
Row = Struct.new(:name, :qty)
rows = [Row.new('bolt', 4), Row.new('nut')]
p rows.first.to_a, rows.last.to_h, rows.first.to_a.compact.size
p rows.find { |r| r.qty.nil? }.to_a
p rows.find { |r| r.name == 'gear' }.to_a

# raise Errno::X, with and without a message
[nil, 'relay.example port 2525'].each do |detail|
  begin
    detail ? raise(Errno::ECONNREFUSED, detail) : raise(Errno::ECONNREFUSED)
  rescue SystemCallError => e
    puts "#{e.class}: #{e.message} (errno #{e.errno})"
  end
end
begin
  raise Errno::ENOENT, 'settings.yml'
rescue Errno::ENOENT => e
  puts e.message
end
