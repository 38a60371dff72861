require 'net/smtp'

begin
  Net::SMTP.start('127.0.0.1', ENV['DEAD_PORT'].to_i) { |smtp| smtp.send_message 'x', 'a@example.com', 'b@example.com' }
rescue Errno::ECONNREFUSED, SocketError => e
  puts "cannot connect: #{e.message} (#{e.class})"
  $stderr.puts "Error: #{e}"
  exit 3
end
