require 'net/smtp'

ITEMS = [
  ['Coffee beans 1kg', 2, 18.5],
  ['Paper filters', 3, 2.95],
  ['Milk frother', 1, 34.0]
]
TAX = 0.2

lines = ITEMS.map do |name, qty, price|
  format('%-20s %3d x %7.2f = %8.2f', name, qty, price, qty * price)
end
subtotal = ITEMS.sum { |_, qty, price| qty * price }
tax = (subtotal * TAX).round(2)
width = lines.map(&:length).max

receipt = []
receipt << 'RECEIPT'.center(width)
receipt << '-' * width
receipt.concat(lines)
receipt << '-' * width
receipt << format('%s %10.2f', 'Subtotal:'.rjust(width - 11), subtotal)
receipt << format('%s %10.2f', 'Tax:'.rjust(width - 11), tax)
receipt << format('%s %10.2f', 'Total:'.rjust(width - 11), subtotal + tax)

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: Your receipt\n\n#{receipt.join("\n")}\n", 'shop@example.com', 'buyer@example.com'
end
puts receipt
