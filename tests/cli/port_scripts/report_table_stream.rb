require 'net/smtp'

SERVERS = { 'web-1' => 0.42, 'web-2' => 1.97, 'db-1' => 0.07 }.freeze
THRESHOLD = 1.0

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.open_message_stream('load@example.com', %w[ops@example.com]) do |f|
    f.puts 'Subject: load report'
    f.puts ''
    SERVERS.each do |name, load|
      flag = load > THRESHOLD ? ' <-- high' : ''
      f.printf("%-8s %5.2f%s\n", name, load, flag)
    end
    f.puts "#{SERVERS.count { |_, l| l > THRESHOLD }} server(s) over #{THRESHOLD}"
  end
end
high = SERVERS.select { |_, l| l > THRESHOLD }.keys
puts "high: #{high.join(', ')}"
