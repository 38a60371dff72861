require 'net/smtp'

events = [
  { level: 'error', text: 'db timeout' },
  { level: 'info', text: 'deploy started' },
  { level: 'error', text: 'cache miss storm' },
  { level: 'warn', text: 'slow request' },
]

errors = events.select { |e| e[:level] == 'error' }
summary = events.map { |e| "#{e[:level].upcase}: #{e[:text]}" }
subscribers = %w[sre@example.com dev@example.com qa@example.com].reject { |a| a.start_with?('qa') }

body = +"Subject: Digest (#{errors.size} errors)\n\n"
summary.each_with_index do |line, i|
  body << "#{i + 1}. #{line}\n"
end
3.times { |n| body << "#{'=' * (n + 1)}\n" }

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  subscribers.each do |address|
    smtp.send_message body, 'digest@example.com', address
    puts "sent digest to #{address}"
  end
end
notable = events.count { |e| e[:level] != 'info' }
puts "#{notable} notable events"
