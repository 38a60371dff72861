require 'net/smtp'

count = 3
ratio = 1.5
flag = true
nothing = nil
list = [1, 'two', nil]
sym = :urgent
res = nil
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  res = smtp.send_message("Subject: #{sym}\n\n#{count} items, ratio #{ratio}\n", 'a@example.com', 'b@example.com')
end
puts "count=#{count} ratio=#{ratio} flag=#{flag} nothing=[#{nothing}] list=#{list} sym=#{sym}"
puts "status #{res.status}, ok=#{res.success?}"
puts count, ratio, flag
puts nothing.inspect, sym.inspect, list.inspect
puts "done: " + count.to_s
