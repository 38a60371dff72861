require 'net/smtp'
require 'time'

run_at = Time.utc(2024, 2, 28, 23, 30, 0)
next_run = run_at + 24 * 60 * 60
window = (next_run - run_at) / 3600

subject = "Report #{run_at.strftime('%Y-%m-%d')} (next: #{next_run.strftime('%a %b %-d')})"
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: #{subject}\nDate: #{run_at.rfc2822}\n\nwindow #{window}h\n", 'cron@example.com', 'ops@example.com'
end
puts subject
puts next_run.iso8601
