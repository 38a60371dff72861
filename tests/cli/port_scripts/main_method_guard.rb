require 'net/smtp'

def usage
  warn "usage: #{File.basename($0)} TO..."
  exit 2
end

def main
  usage if ARGV.empty?
  count = 0
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    ARGV.each do |to|
      next if to.empty? || !to.include?('@')
      smtp.send_message "Subject: ping\n\nping\n", 'ping@example.com', to
      count += 1
    end
  end
  puts "sent #{count} of #{ARGV.size}"
end

main if __FILE__ == $PROGRAM_NAME
