require 'net/smtp'

# The message template lives after __END__, as old admin scripts often do.
template = DATA.read
hosts = { 'web1' => 'up', 'web2' => 'down', 'db1' => 'up' }
down = hosts.select { |_, state| state == 'down' }.keys

body = template.sub('%HOSTS%', down.join(', ')).gsub('%COUNT%', down.size.to_s)
Net::SMTP.start ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i do |smtp|
  smtp.send_message body, 'nagios@example.com', 'pager@example.com'
end
puts body.lines.first.chomp
__END__
Subject: %COUNT% host(s) down

Down: %HOSTS%
Count: %COUNT%
