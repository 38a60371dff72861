require 'net/smtp'

def level_for(n)
  case n
  when 0 then 'none'
  when 1..3 then 'few'
  else 'many'
  end
end

errors = ENV.fetch('ERRORS', '2').to_i
urgent = errors > 1
subject = if urgent
            "[URGENT] #{errors} errors"
          else
            "#{errors} errors"
          end
level = level_for(errors)
body = <<~EOS.strip
  Level: #{level}
  Errors: #{errors}

EOS
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: #{subject}\n\n#{body}\n", 'mon@example.com', 'oncall@example.com'
end
puts subject, level, body
