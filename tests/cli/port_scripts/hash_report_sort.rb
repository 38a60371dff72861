require 'net/smtp'

sizes = { 'inbox' => 1200, 'archive' => 54_000, 'spam' => 310, 'drafts' => 12 }
total = sizes.values.sum
top = sizes.sort_by { |_, v| -v }.first(2).to_h
small = sizes.select { |_, v| v < 1000 }.keys

lines = sizes.map { |name, kb| format('%-8s %7d KB %5.1f%%', name, kb, kb * 100.0 / total) }
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: mailbox sizes\n\n#{lines.join("\n")}\n", 'quota@example.com', 'user@example.com'
end
puts lines
puts "top: #{top.keys.join(', ')}; small: #{small.join(', ')}"
puts "largest is #{sizes.max_by { |_, v| v }[0]}"
