require 'net/smtp'

name = 'Dana'
plan = 'Pro'

header = <<-'HEADER'
From: "Billing" <billing@example.com>
X-Template: #{not_interpolated}
    HEADER

body = <<~BODY
  Hi #{name},

    your plan is now #{plan}.
  Thanks!
BODY

footer = <<EOF
--
Example Inc.\t(billing)
EOF

msg = header + "Subject: Plan change\n\n" + body + footer
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message msg, 'billing@example.com', 'dana@example.org'
end
puts body
print footer
