require 'net/smtp'

slots = Array.new(4) { |i| format('%02d:00', 9 + i * 2) }
taken = Array.new(slots.size, false)
taken[1] = true
free = slots.each_index.reject { |i| taken[i] }.map { |i| slots[i] }

body = slots.zip(taken).map { |s, t| "#{s} #{t ? 'busy' : 'free'}" }.join("\n")
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: #{free.size} free slots\n\n#{body}\n", 'cal@example.com', 'team@example.com'
end
puts body
puts "first free: #{free.first}"
