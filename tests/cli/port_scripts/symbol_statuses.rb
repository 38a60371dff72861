require 'net/smtp'

def classify(code)
  case code
  when 200..299 then :ok
  when 400..499 then :retry
  else :fail
  end
end

codes = { 'a@example.com' => 250, 'b@example.com' => 450, 'c@example.com' => 550, 'd@example.com' => 251 }
statuses = codes.transform_values { |c| classify(c) }
counts = statuses.values.tally

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  ok = statuses.select { |_, s| s == :ok }.keys
  smtp.send_message "Subject: ok list\n\n#{ok.join("\n")}\n", 'status@example.com', ok
end

puts counts.map { |status, n| "#{status}=#{n}" }.join(', ')
statuses.each { |addr, s| puts "#{addr.ljust(16)} #{s.to_s.upcase}" }
