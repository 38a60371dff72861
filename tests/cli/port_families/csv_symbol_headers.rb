# CSV with header_converters: :symbol (headers as Symbols, as Ruby makes them).
require 'csv'
File.write('inv.csv', "Invoice No,Customer Name,Amount (EUR),due\n1001,Ann,12.50,2024-06-01\n1002,Bob,,2024-06-03\n")
CSV.foreach('inv.csv', headers: true, header_converters: :symbol) do |row|
  puts "#{row[:invoice_no]} #{row[:customer_name]} #{row[:amount_eur].inspect} #{row[:due]}"
end
rows = CSV.read('inv.csv', headers: true, header_converters: :symbol)
p rows.headers
puts rows.size
File.delete('inv.csv')
