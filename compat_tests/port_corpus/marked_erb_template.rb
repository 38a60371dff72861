require 'net/smtp'
require 'erb'

user = { name: 'Erin', plan: 'Basic', days_left: 3 }
template = ERB.new(File.read('trial_ending.erb'), trim_mode: '-')
body = template.result(binding)

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message body, 'trials@example.com', 'erin@example.org'
end
puts body.lines.first
