require 'net/smtp'

to = []
subject = 'manual'
dry = false
while (arg = ARGV.shift)
  case arg
  when '-t', '--to' then to << ARGV.shift
  when '-s' then subject = ARGV.shift
  when '-n' then dry = true
  when /\A-/ then abort "unknown option #{arg}"
  else to << arg
  end
end

abort 'no recipients' if to.empty?
if dry
  puts "would send '#{subject}' to #{to.join(', ')}"
else
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message "Subject: #{subject}\n\nmanual\n", 'argv@example.com', to
  end
  puts "sent '#{subject}' to #{to.size}"
end
