require 'net/smtp'

if ARGV.length < 4
  warn "usage: #{$0} HOST PORT FROM TO..."
  exit 1
end

host, port, from, *rcpts = ARGV
msg = "From: #{from}\nTo: #{rcpts.join(', ')}\nSubject: build passed\n\nBuild 1234 passed.\n"

Net::SMTP.start(host, port.to_i) { |smtp| smtp.send_message(msg, from, rcpts) }

printf("%-25s %s\n", 'recipient', 'status')
rcpts.each { |r| printf("%-25s %s\n", r, 'queued') }
