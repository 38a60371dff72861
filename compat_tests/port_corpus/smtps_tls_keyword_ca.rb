require 'net/smtp'

config = {
  address: ENV['SMTP_HOST'],
  port: ENV['SMTP_PORT'].to_i,
  user_name: ENV['SMTP_USER'],
  password: ENV['SMTP_PASSWORD'],
  ca_file: ENV['MAIL_CA_BUNDLE'],
}

Net::SMTP.start(config[:address], config[:port],
                tls: true,
                ssl_context_params: { ca_file: config[:ca_file] },
                user: config[:user_name], password: config[:password],
                authtype: :plain) do |smtp|
  smtp.send_message "Subject: invoice\n\nYour invoice is attached.\n",
                    'billing@example.com', 'customer@example.org'
end
puts "invoice sent via #{config[:address]}"
