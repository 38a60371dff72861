require 'json'
require 'uri'
require 'net/smtp'

Row = Struct.new(:team, :opened, :closed) do
  def delta = opened - closed
end

def twice(x) = x * 2

def label(name:, count:)
  "#{name}=#{count}"
end

rows = [Row.new('web', 9, 4), Row.new('db', 2, 6)]
puts rows.map(&:delta).inspect, twice(21)
name = 'jobs'
count = 3
puts label(name:, count:)

s = 'ops@example.com'
puts s =~ /@/
p(s =~ /z/)
puts 'has at' if s =~ /@/
puts(!(s =~ /q/))
puts %w[a1 b c2].select { |w| w =~ /\d/ }.join(',')
pos = (s =~ /example/)
puts pos

ADDRESS = /\A[^@\s]+@[^@\s]+\z/
puts s.match?(ADDRESS), 'nope'.match?(ADDRESS)
puts s.match?(URI::MailTo::EMAIL_REGEXP), 'a b@c'.match?(URI::MailTo::EMAIL_REGEXP)
m = s.match(ADDRESS)
puts m[0]

order = JSON.parse('{"lines":[{"qty":2,"cents":1250},{"qty":1,"cents":999}],"mail":{"to":"x"},"n":7}')
total = order['lines'].sum { |l| l['qty'] * l['cents'] }
puts format('%.2f', total / 100.0)
puts order['n'] / 2, order['n'] % 4, order['n'] - 10
puts(order['mail']['to'] * 3)
order['mail']['subject'] = "#{order['lines'].size} lines"
order['n'] += 5
order['n'] -= 1
puts order['mail']['subject'], order['n']
begin
  puts order['n'] / 0
rescue ZeroDivisionError => e
  puts "error: #{e.message}"
end

puts '"quoted"'.delete_prefix('"').delete_suffix('"')
ENV['FAM_B'] = '2'
ENV['FAM_A'] = '1'
puts ENV.keys.grep(/\AFAM_/).sort.join(', ')
ENV.select { |k, _| k.start_with?('FAM_') }.sort.each { |k, v| puts "#{k}=#{v}" }

checks = {
  'one' => -> { twice(1) == 2 },
  'two' => -> {
    begin
      Integer('x')
    rescue ArgumentError
      false
    end
  }
}
failed = checks.reject do |label_name, check|
  result = check.call
  puts "#{result ? 'OK  ' : 'FAIL'} #{label_name}"
  result
end
puts failed.keys.inspect

text = <<-END.split("\n").map!(&:strip).join("|")
    first
      second
END
puts text

def smtp_for(port)
  Net::SMTP.new('127.0.0.1', port).tap do |smtp|
    smtp.read_timeout = 5
  end
end
smtp = smtp_for(2525)
puts smtp.address, smtp.port, smtp.started?

# A block whose one statement is case/in: its value is the block's.
meds = [{ who: 'Ann', name: 'A', pills: 10, per_day: 2, refills: 0 },
        { who: 'Bo', name: 'B', pills: 60, per_day: 1, pharmacy: 'Main St' },
        { who: 'Cy', name: 'C' }]
reminders = meds.filter_map do |med|
  case med
  in { who:, pills:, per_day:, refills: 0 }
    "#{who}: #{(pills / per_day.to_f).floor} days, call the doctor"
  in { who:, pharmacy: }
    "#{who}: refill at #{pharmacy}"
  in { who:, name: }
    warn "skipping #{who}/#{name}"
    nil
  end
end
puts reminders
