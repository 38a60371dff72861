require 'net/smtp'
require 'ostruct'

settings = OpenStruct.new(
  host: ENV['SMTP_HOST'],
  port: ENV['SMTP_PORT'].to_i,
  from: 'ostruct@example.com'
)
settings.to = ['x@example.com', 'y@example.com']
settings.subject ||= 'Default subject'

Net::SMTP.start(settings.host, settings.port) do |smtp|
  smtp.send_message "Subject: #{settings.subject}\n\nfrom #{settings.from}\n", settings.from, settings.to
end
puts "sent '#{settings.subject}' to #{settings.to.size}"
puts settings.respond_to?(:cc) ? 'has cc' : 'no cc'
