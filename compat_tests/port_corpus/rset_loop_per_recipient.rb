require 'net/smtp'

subscribers = {
  'ann@example.org' => 'Ann',
  'ghost@example.org' => 'Ghost',
  'cy@example.org' => 'Cy',
}
failed = []
sent = 0

smtp = Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'newsletter.example.com')
subscribers.each do |address, name|
  begin
    smtp.send_message("To: #{name} <#{address}>\nSubject: Hello #{name}\n\nHi #{name}!\n",
                      'news@example.com', address)
    sent += 1
  rescue Net::SMTPFatalError => e
    failed << address
    warn "#{address}: #{e.message.chomp}"
    smtp.rset
  end
end
smtp.finish
puts "sent=#{sent} failed=#{failed.join(',')}"
exit(failed.empty? ? 0 : 3)
