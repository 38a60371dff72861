require 'net/smtp'
require 'set'

seen = Set.new
list = %w[b@x.test a@y.test b@x.test c@x.test a@y.test]
unique = list.select { |a| seen.add?(a) }
domains = Set.new(unique.map { |a| a.split('@')[1] })

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: dedup\n\n#{unique.size} unique\n", 'set@example.com', unique
end
puts "unique: #{unique.join(' ')}"
puts "domains: #{domains.to_a.sort.join(' ')} (#{domains.size})"
puts domains.include?('x.test')
