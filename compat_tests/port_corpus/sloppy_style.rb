require 'net/smtp'
host=ENV['SMTP_HOST'];port=ENV['SMTP_PORT'].to_i
quiet = ENV['QUIET'] == '1'
dry = ARGV.include? '--dry-run'
to = ARGV.reject { |a| a.start_with? '-' }.first || 'ops@example.com'

unless dry
  smtp = Net::SMTP.start host, port
  smtp.send_message "Subject: sloppy\n\nit works\n", 'me@example.com', to
  smtp.finish
  puts "sent to #{to}" unless quiet
else
  puts "would send to #{to}"
end
puts 'verbose mode' if not quiet and not dry
exit 0 if dry or quiet
puts dry ? 'dry' : 'live'
