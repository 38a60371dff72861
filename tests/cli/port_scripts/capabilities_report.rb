require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
smtp.read_timeout = 10
smtp.start('probe.example.com')
puts "ESMTP: #{smtp.esmtp?}"
puts "SIZE offered: #{smtp.capable?('SIZE')}"
puts "AUTH types: #{smtp.capable_auth_types.join(',')}"
puts "PLAIN? #{smtp.capable_plain_auth?} LOGIN? #{smtp.capable_login_auth?}"
smtp.capabilities.each do |keyword, params|
  puts "#{keyword}: #{params.join(' ')}"
end
res = smtp.rset
puts "RSET -> #{res.status} #{res.success?}"
smtp.finish
