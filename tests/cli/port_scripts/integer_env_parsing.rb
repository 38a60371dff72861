require 'net/smtp'

port = Integer(ENV['SMTP_PORT'] || '25')
timeout = (ENV['SMTP_TIMEOUT'] || '5').to_i
retries = ENV.fetch('RETRIES', 3).to_i
verbose = ENV['VERBOSE'] == 'true'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], port)
smtp.open_timeout = timeout
smtp.read_timeout = timeout * 2
puts "timeouts: #{smtp.open_timeout} #{smtp.read_timeout}, retries: #{retries}" if verbose
smtp.start
begin
  smtp.send_message("Subject: env\n\nx\n", 'env@example.com', 'dst@example.com')
ensure
  smtp.finish
end
puts "average per retry: #{10 / retries}"
