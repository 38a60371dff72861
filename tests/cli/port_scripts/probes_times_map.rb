require 'net/smtp'

count = (ENV['PROBES'] || '3').to_i
probes = count.times.map { |i| "probe-#{i + 1}@example.com" }
results = {}

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  probes.each do |addr|
    begin
      smtp.mailfrom('probe@example.com')
      smtp.rcptto(addr)
      results[addr] = :ok
    rescue Net::SMTPFatalError
      results[addr] = :rejected
    ensure
      smtp.rset
    end
  end
end

lines = results.each_with_index.map { |(addr, status), i| "#{i + 1}. #{addr} #{status}" }
puts lines
ok = results.count { |_, s| s == :ok }
puts "#{ok}/#{probes.size} accepted"
