require 'net/smtp'

LOG = ARGV[0] || 'app.log'
errors = Hash.new { |h, k| h[k] = [] }
total = 0

File.foreach(LOG) do |line|
  total += 1
  next unless line =~ /\A(\S+) ERROR \[(\w+)\] (.*)$/
  errors[$2] << "#{$1} #{$3}"
end

if errors.empty?
  puts "no errors in #{total} lines"
  exit 0
end

body = errors.sort.map do |component, entries|
  "#{component} (#{entries.size}):\n" + entries.map { |e| "  #{e}" }.join("\n")
end.join("\n\n")

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message("Subject: #{errors.values.flatten.size} errors\n\n#{body}\n", 'logwatch@example.com', 'ops@example.com')
end
puts body
