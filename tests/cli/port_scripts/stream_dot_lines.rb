require 'net/smtp'

report = [
  'Summary of the nightly run',
  '.hidden line starting with a dot',
  '..two dots',
  '',
  'end.'
]

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'stream.example.com') do |smtp|
  smtp.open_message_stream('night@example.com', ['ops@example.com', 'dev@example.com']) do |f|
    f.puts 'Subject: nightly (stream)'
    f.puts
    report.each { |line| f.puts line }
    f.print "sent by stream\n"
  end
end
puts "#{report.size} lines streamed, #{report.count { |l| l.start_with?('.') }} dotted"
