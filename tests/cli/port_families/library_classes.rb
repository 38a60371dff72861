require 'set'
require 'ostruct'
require 'logger'
require 'csv'
s = Set.new([3, 1, 3])
s << 2
p s, s.size, s.include?(2), s.add?(1), s.to_a.sort
os = OpenStruct.new(host: 'h', port: 25)
os.user = 'u'
p os.host, os.user, os.respond_to?(:user)
puts os.missing.nil?
puts os.to_h.keys.join(",")
log = Logger.new($stdout)
log.level = Logger::WARN
log.formatter = proc { |sev, _t, _p, msg| "#{sev}: #{msg}\n" }
log.info 'hidden'
log.warn 'shown'
log.error 42
rows = CSV.parse("name,mail\nann,a@x\n\nbob,\"b@x\"\n", headers: true)
rows.each { |r| p r['name'], r['mail'] }
p CSV.parse("a,,\"\"\n"), CSV.parse_line('x,"y,z"'), ['a', nil, 'b,c'].to_csv
