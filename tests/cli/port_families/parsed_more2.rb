# Parsed values used as Arrays and Strings by their methods, several targets
# from a method's value of any kind, Dir.entries, and Fixnum.
require 'json'
require 'optparse'

probes = JSON.parse('[{"status": 503, "ms": 20}, {"status": 200, "ms": 3000}, {"status": 204, "ms": 10}]')
failing = probes.reject { |p| p['status'].between?(200, 399) && p['ms'] < 2000 }
puts failing.map { |p| p['status'] }.join(',')
probes.sort_by! { |p| [-p['ms'], p['status']] }
p probes.map { |p| p['ms'] }

conf = JSON.parse('{"template": "Hi {{name}}, see {{what}}.", "r": {"name": "Ana"}}')
puts conf['template'].gsub(/\{\{(\w+)\}\}/) { conf['r'].fetch($1, "<#{$1}>") }

def deliver(n)
  return [:sent, nil] if n.even?
  n > 2 ? 'odd' : nil
end
(1..4).each do |n|
  status, reason = deliver(n)
  puts "#{n}: #{status} #{reason.nil?}"
end

Dir.mkdir('spool') unless Dir.exist?('spool')
File.write('spool/a.eml', 'x')
puts Dir.entries('spool').reject { |f| f =~ /^\./ }.sort.join(' '), Dir.entries('spool').size
port = ENV['NO_SUCH_PORT'] || 25
port = port.to_i unless port.kind_of?(Fixnum)
p port
File.write('pending.txt', "PO-1\n")
File.write('pending.txt', "PO-2\n", mode: 'a')
print File.read('pending.txt')

opts_n = { limit: nil, pause: nil }
OptionParser.new do |o|
  o.on('--limit N', Integer) { |v| opts_n[:limit] = v }
end.parse!(%w[--limit 2])
subs = %w[a b c d]
subs = subs.first(opts_n[:limit]) if opts_n[:limit]
p subs
if opts_n[:limit]
  puts opts_n[:limit] * 10
end
abort 'no pause' unless opts_n[:pause] || true
opts_n[:limit] = nil
p opts_n[:limit]
