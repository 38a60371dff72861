require 'net/smtp'
require 'time'

REPORT_DATE = Time.utc(2024, 3, 5, 9, 30, 0)

def build(to)
  <<~MSG
    Date: #{REPORT_DATE.rfc2822}
    From: reports@example.com
    To: #{to}
    Subject: Report for #{REPORT_DATE.strftime('%Y-%m-%d')}

    Generated at #{REPORT_DATE.strftime('%H:%M %Z')}.
  MSG
end

def main(argv)
  to = argv.first || 'team@example.com'
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    smtp.send_message build(to), 'reports@example.com', to
  end
  puts "report for #{REPORT_DATE.strftime('%A %-d %B %Y')} sent"
  0
end

exit(main(ARGV)) if __FILE__ == $0
