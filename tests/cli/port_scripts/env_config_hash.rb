require 'net/smtp'

SETTINGS = {
  address: ENV.fetch('SMTP_HOST', 'localhost'),
  port: ENV.fetch('SMTP_PORT', 25).to_i,
  domain: ENV['SMTP_DOMAIN'] || 'example.com',
  user_name: ENV['SMTP_USER'],
  password: ENV['SMTP_PASSWORD'],
  authentication: (ENV['SMTP_AUTH'] || 'plain').to_sym,
  enable_starttls_auto: ENV['SMTP_STARTTLS'] != 'false'
}.freeze

def smtp_for(settings)
  smtp = Net::SMTP.new(settings[:address], settings[:port])
  settings[:enable_starttls_auto] ? smtp.enable_starttls_auto : smtp.disable_starttls
  smtp
end

smtp = smtp_for(SETTINGS)
smtp.start(SETTINGS[:domain], SETTINGS[:user_name], SETTINGS[:password], SETTINGS[:authentication]) do |s|
  s.send_message "Subject: settings\n\nfrom a settings hash\n", SETTINGS[:user_name], 'ops@example.com'
end
puts "sent via #{SETTINGS[:address]}:#{SETTINGS[:port]} as #{SETTINGS[:user_name]} (#{SETTINGS[:authentication]})"
