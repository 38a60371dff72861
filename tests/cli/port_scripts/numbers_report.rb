require 'net/smtp'

latencies = [120, 95, 300, 87, 150, 99, 410]
avg = latencies.sum.to_f / latencies.size
sorted = latencies.sort
median = sorted[sorted.size / 2]
p95 = sorted[(sorted.size * 0.95).ceil - 1]
slow = latencies.count { |l| l > 200 }
pct = (slow * 100.0 / latencies.size).round(1)

report = <<~R
  Latency report
  samples: #{latencies.size}
  avg:     #{avg.round(2)} ms
  median:  #{median} ms
  p95:     #{p95} ms
  max:     #{latencies.max} ms
  slow:    #{slow} (#{pct}%)
R

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: latency\n\n#{report}", 'stats@example.com', 'perf@example.com'
end
puts report
