require 'net/smtp'

smtp = Net::SMTP.new(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i)
puts "esmtp: #{smtp.esmtp?}"
smtp.start('workstation.example.org', ENV['SMTP_USER'], ENV['SMTP_PASSWORD'], :cram_md5) do |s|
  p s.capable_auth_types
  puts "cram-md5 capable: #{s.capable_cram_md5_auth?}"
  s.send_message "Subject: hi\r\n\r\nsent with CRAM-MD5\r\n", 'me@example.org', 'you@example.org'
end
puts "started: #{smtp.started?}"
