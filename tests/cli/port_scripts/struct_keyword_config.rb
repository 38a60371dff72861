require 'net/smtp'

Config = Struct.new(:host, :port, :user, :password, :helo, keyword_init: true) do
  def auth?
    !user.nil? && !password.nil?
  end

  def describe
    "#{host}:#{port}#{auth? ? " as #{user}" : ''}"
  end
end

config = Config.new(
  host: ENV.fetch('SMTP_HOST', 'localhost'),
  port: ENV.fetch('SMTP_PORT', 25).to_i,
  user: ENV['SMTP_USER'],
  password: ENV['SMTP_PASSWORD'],
  helo: 'cfg.example.com'
)

puts "using #{config.describe}"
Net::SMTP.start(config.host, config.port, config.helo, config.user, config.password, config.auth? ? :login : nil) do |smtp|
  smtp.send_message "Subject: cfg\n\nvia struct config\n", 'cfg@example.com', 'to@example.com'
end
puts config.to_h.keys.join(',')
