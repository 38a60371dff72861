require 'net/smtp'

emails = ["  Ann@Example.com ", "bob@example.com", "", "ANN@example.com", nil, "cid@example.com  "]
emails.compact!
emails.map!(&:strip)
emails.reject!(&:empty?)
emails.map!(&:downcase)
emails.uniq!
emails.sort!

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: cleaned\n\n#{emails.length} addresses\n", 'clean@example.com', emails
end
puts emails
