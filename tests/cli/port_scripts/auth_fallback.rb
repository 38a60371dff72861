require 'net/smtp'

user = ENV['SMTP_USER']
secret = ENV['SMTP_SECRET']
used = nil

%i[cram_md5 login plain].each do |method|
  begin
    Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'auth.example.com', user, secret, method) do |smtp|
      smtp.send_message "Subject: auth test\n\nvia #{method}\n", user, 'admin@example.com'
    end
    used = method
    break
  rescue Net::SMTPAuthenticationError => e
    puts "#{method} refused: #{e.message.split.first}"
  end
end

puts used ? "authenticated with #{used}" : 'no method worked'
