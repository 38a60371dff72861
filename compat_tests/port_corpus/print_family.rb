require 'net/smtp'

res = nil
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  res = smtp.send_message("Subject: p\n\nprint family\n", 'a@example.com', 'b@example.com')
end

print 'status: ', res.status, "\n"
print "no newline here"
puts
puts ['first', 'second']
puts nil
puts [1, [2, 3]]
p res.status
p 42, :sym
p nil
p 'quote"d'
printf("%-8s|%5.1f|%03d\n", 'pi', 3.14159, 7)
$stdout.puts 'via $stdout'
STDOUT.print "via STDOUT\n"
$stdout.write("written\n")
puts "ends with newline\n"
puts "", "blank above"
x = p('returned')
puts x
