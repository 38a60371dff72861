require 'net/smtp'

def deliver(to)
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message "Subject: status\n\nall good\n", 'status@example.com', to
  end
  true
rescue Net::SMTPError => e
  warn "delivery to #{to} failed: #{e.message}"
  false
end

results = %w[ok@example.com blocked@example.com].map { |to| [to, deliver(to)] }.to_h
results.each { |to, ok| puts "#{to}: #{ok ? 'delivered' : 'FAILED'}" }
exit(results.values.all? ? 0 : 1)
