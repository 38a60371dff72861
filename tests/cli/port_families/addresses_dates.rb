require 'time'
t = Time.utc(2024, 3, 5, 9, 7, 3)
puts t.to_date, t.to_date.saturday?
require 'net/smtp'
recipients = ['a@example.com', nil, '', 'b@example.com', 'a@example.com']
to = recipients.compact.reject(&:empty?).uniq
puts to.join(', ')
puts to.map(&:downcase).sort.inspect
domains = to.map { |r| r.split('@').last }.uniq
p domains
groups = to.group_by { |r| r[/@(.+)\z/, 1] }
groups.each { |dom, list| puts "#{dom}: #{list.size}" }
valid, invalid = %w[x@y.z bad a@b].partition { |a| a.match?(/\A[^@\s]+@[^@\s]+\.[^@\s]+\z/) }
p valid, invalid
addr = Net::SMTP::Address.new('user@example.com')
puts addr.address, addr.to_s
msgid = "<#{Time.utc(2024, 1, 2).to_i}.#{42}@example.com>"
puts msgid
a2 = Net::SMTP::Address.new('u@x', 'SIZE=1')
puts a2.parameters.inspect, "#{a2}", a2.to_s.length
