require 'net/smtp'

queue = [
  { to: 'a@example.com', subject: 'one' },
  { to: 'b@example.com', subject: 'two' },
  { to: 'c@example.com', subject: 'three' }
]
attempts = Hash.new(0)
done = []

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  until queue.empty?
    job = queue.shift
    attempts[job[:to]] += 1
    begin
      smtp.send_message("Subject: #{job[:subject]}\n\nqueued\n", 'worker@example.com', job[:to])
      done << job[:to]
    rescue Net::SMTPServerBusy => e
      puts "busy for #{job[:to]} (#{e.message.strip}), requeue"
      smtp.rset
      queue.push(job) if attempts[job[:to]] < 3
    end
  end
end

puts "done: #{done.join(', ')}"
attempts.each { |to, n| puts "#{to}: #{n} attempt#{'s' if n > 1}" }
