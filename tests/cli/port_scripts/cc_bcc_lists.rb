require 'net/smtp'

to  = ['Team <team@example.com>']
cc  = (ENV['MAIL_CC'] || '').split(',').map(&:strip).reject(&:empty?)
bcc = ['audit@example.com', nil, 'audit@example.com'].compact

def bare(address)
  address[/<([^>]+)>/, 1] || address
end

envelope = (to + cc + bcc).map { |a| bare(a) }.uniq
headers = ["To: #{to.join(', ')}"]
headers << "Cc: #{cc.join(', ')}" unless cc.empty?
headers << 'Subject: minutes'

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "#{headers.join("\n")}\n\nMinutes attached.\n", 'secretary@example.com', envelope
end
puts "envelope: #{envelope.join(' ')}"
puts "bcc hidden: #{bcc.uniq.size}"
