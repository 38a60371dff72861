require 'json'

PLANS = {
  'free' => { quota: 5, seats: 1 },
  'team' => { quota: 100, seats: 10 }
}.freeze
User = Struct.new(:login, :plan, keyword_init: true)
Member = Struct.new(:id, :login, keyword_init: true)

def plan_of(user) = user.plan

users = JSON.parse('[{"login": "ann", "plan": "team"}, {"login": "bob", "plan": "gold"}]')
          .map { |h| User.new(**h.transform_keys(&:to_sym)) }
users.each do |user|
  limits = PLANS.fetch(plan_of(user)) { PLANS['free'] }
  puts format('%<login>-5s %<quota>4d GB %<seats>d seat(s)', login: user.login, **limits)
end
keys = JSON.parse('{"a": 1, "b": 2}').transform_keys(&:to_sym)
p keys
puts Member.new(id: 3, login: 'cy').id
fields = { id: 9, login: 'di' }
m = Member.new(**fields)
puts "#{m.id} #{m.login}"
require 'net/smtp'
conf = JSON.parse('{"smtp": {"host": "127.0.0.1", "port": 2525}}')
opts = conf['smtp'].merge('subject' => 'down', 'port' => 2526)
puts opts['port'], opts['subject'], conf['smtp']['port']
smtp = Net::SMTP.new(opts['host'], opts['port'])
puts "#{smtp.class} #{smtp.class.name} #{Net::SMTP::Response.parse('250 ok').class}"
