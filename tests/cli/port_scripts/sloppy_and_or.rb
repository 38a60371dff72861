require 'net/smtp'
host = ENV['SMTP_HOST'] or raise 'no host'
port = (ENV['SMTP_PORT'] or '25').to_i
debug = ARGV.include?('-d')
to = ARGV.find { |a| a.include?('@') } || 'root@example.com'
puts "host=#{host} port=#{port > 0} debug=#{debug}"
smtp = Net::SMTP.new(host, port)
smtp.set_debug_output($stdout) if debug
smtp.start and puts('connected')
smtp.send_message("Subject: s\n\nx\n", 'me@example.com', to) unless to.nil?
smtp.finish
not debug and puts 'quiet mode'
