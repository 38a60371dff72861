require 'net/smtp'
require 'csv'

rows = CSV.read('people.csv', headers: true)
active = rows.select { |r| r['status'] == 'active' }

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  active.each do |row|
    smtp.send_message "To: #{row['email']}\nSubject: Hi #{row['name']}\n\nHello!\n", 'hr@example.com', row['email']
  end
end
puts "mailed #{active.size} of #{rows.size}"
