require 'net/smtp'

def deliver(smtp, to)
  smtp.send_message("Subject: check\n\ncheck\n", 'check@example.com', to)
  true
rescue Net::SMTPFatalError, Net::SMTPSyntaxError => e
  $stderr.puts "#{to}: #{e.message.strip}"
  false
end

ok = 0
failed = []
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  ARGV.each_with_index do |to, index|
    if deliver(smtp, to)
      ok += 1
    else
      failed << to
      smtp.rset
    end
    puts "#{index + 1}/#{ARGV.length} done"
  end
end
puts "ok=#{ok} failed=#{failed.empty? ? 'none' : failed.join(' ')}"
exit(failed.empty? ? 0 : 1)
