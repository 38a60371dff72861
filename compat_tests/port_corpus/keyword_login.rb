require 'net/smtp'

opts = {
  helo: 'mail.example.net',
  user: ENV['SMTP_USER'],
  secret: ENV['SMTP_PASSWORD'],
  authtype: :login
}

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, **opts) do |smtp|
  smtp.send_message <<~EOM, 'reports@example.net', 'boss@example.net'
    From: reports@example.net
    To: boss@example.net
    Subject: Weekly numbers

    Signups: 42
    Churn: 3
  EOM
end
puts 'report mailed'
