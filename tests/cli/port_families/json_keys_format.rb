require 'json'

# JSON with String keys, then with Symbol keys
doc = '{"smtp": {"host": "127.0.0.1", "port": 2525, "auth": "login"}, ' \
      '"template": "%{team}: %<count>03d of %{total} (%<pct>5.1f%%)", ' \
      '"people": [{"email": "a@example.com", "on": true}, {"email": "b@example.com", "on": false}, ' \
      '{"email": "c@example.com", "on": true}], "tags": {"ops": 1, "dev": 0}}'
plain = JSON.parse(doc)
puts plain["smtp"]["host"]
p sym_preview = JSON.parse(doc, symbolize_names: true)[:smtp]
p JSON.parse(doc)["tags"]
p plain['smtp']['port']
p plain['people'].size
sym = JSON.parse(doc, symbolize_names: true)
smtp = { helo: 'localhost', auth: 'plain' }.merge(sym.fetch(:smtp))
puts "#{smtp[:host]}:#{smtp[:port]} helo=#{smtp[:helo]} auth=#{smtp[:auth]}"
kind = smtp[:auth].to_sym
p kind
active = sym[:people].select { |r| r[:on] }.map { |r| r[:email] }
puts active.join(', ')
idle = sym[:people].reject { |r| r[:on] }.map { |r| r[:email] }
puts idle.inspect
tags = plain['tags'].select { |k| k.start_with?('o') }
puts tags.keys.join(',')
text = sym[:template] % { team: 'Ops', count: active.size, total: sym[:people].size, pct: 66.666 }
puts text
line = plain['template'].sub(/%\{team\}: /, '') % { count: 1, total: 2, pct: 50 }
puts line
row = '%-6s|%5.1f'
puts row % ['disk', 93.25]
puts format(row, 'cpu', 7.0)

# a Regexp held in a constant, on both sides of =~
EMAIL = /\A[^@\s]+@[^@\s]+\z/
%w[ann@example.com bad-address x@y].each do |a|
  puts "#{a}: #{a =~ EMAIL ? 'ok' : 'rejected'}"
  puts 'constant first' if EMAIL =~ a
end

# KeyError#key of a missing setting
settings = { 'SMTP_HOST' => 'localhost' }
begin
  settings.fetch('SMTP_USER')
rescue KeyError => e
  puts "missing: #{e.key}"
end

# inject with a block that takes each item apart
rows = [['north', 1200.5, 3], ['south', 310.0, 1], ['east', 2210.25, 2]]
total = rows.inject(0.0) { |acc, (_, amount, _)| acc + amount }
puts format('%.2f', total)
count = rows.inject(0) { |n, (_region, _amount, units)| n + units }
p count
short = [['a', 1], ['b']]
p short.inject([]) { |acc, (name, value)| acc + [value.inspect] }

# a JSON Array at the top; fetch and min_by on parsed values
tickets = JSON.parse('[{"id": 7, "status": "open", "opened": "2024-05-02"}, {"id": 9, "status": "closed", "opened": "2024-04-30"}]')
p tickets.map { |t| t['status'] }.tally
oldest = tickets.min_by { |t| t['opened'] }
puts "##{oldest['id']} #{oldest.fetch('status').inspect} #{oldest.fetch('owner', 'nobody')}"
begin
  tickets.first.fetch('owner')
rescue KeyError => e
  puts "KeyError: #{e.message}"
end
puts tickets.fetch(1)['id'], tickets.size
