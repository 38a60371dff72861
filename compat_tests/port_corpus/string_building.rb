require 'net/smtp'

recipients = %w[ann@example.com bob@example.com cy@example.com]
items = [['widgets', 3, 2.5], ['gadgets', 10, 0.75], ['gizmos', 1, 12.0]]

msg = String.new
msg << "From: shop@example.com\r\n"
msg << "To: " << recipients.join(', ') << "\r\n"
msg << format("Subject: Order %05d\r\n", 42)
msg << "\r\n"
total = 0
items.each do |name, qty, price|
  line_total = qty * price
  total += line_total
  msg << format("%-10s %3d x %6.2f = %7.2f\r\n", name, qty, price, line_total)
end
msg << "Total: %.2f\r\n" % total
msg << 'Paid: ' + (total > 20 ? 'yes' : 'no') + "\r\n"

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message(msg, 'shop@example.com', recipients)
end
puts msg.bytesize
puts "total %.2f" % total
