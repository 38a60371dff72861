require 'net/smtp'

stats = { sent: 0, failed: 0 }
results = {}
addresses = %w[one@example.com two@example.com three@example.com]
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  addresses.each do |addr|
    begin
      smtp.send_message "Subject: s\n\nbody\n", 'stats@example.com', addr
      stats[:sent] += 1
      results[addr] = 'ok'
    rescue Net::SMTPFatalError
      stats[:failed] += 1
      results[addr] = 'rejected'
      smtp.rset
    end
  end
end
stats.each { |key, value| puts "#{key}: #{value}" }
puts stats.map { |k, v| "#{k}=#{v}" }.join('&')
puts "total #{stats.values.sum}"
results.each_pair do |addr, outcome|
  puts format('%-20s %s', addr, outcome)
end
puts results.keys.size
