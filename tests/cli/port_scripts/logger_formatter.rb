require 'net/smtp'
require 'logger'

log = Logger.new($stdout)
log.level = Logger::INFO
log.formatter = proc { |severity, _time, _prog, msg| "#{severity.ljust(5)} #{msg}\n" }

recipients = ENV.fetch('RECIPIENTS', '').split(',')
log.debug "recipients: #{recipients.inspect}"
if recipients.empty?
  log.error 'no recipients configured'
  exit 1
end

begin
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
    recipients.each do |r|
      smtp.send_message "Subject: log\n\nhello\n", 'logger@example.com', r
      log.info "sent to #{r}"
    end
  end
rescue Net::SMTPFatalError => e
  log.warn "rejected: #{e.message.chomp}"
end
log.info 'finished'
