require 'net/smtp'

def deliver(from, to, pass)
  Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i, 'localhost', from, pass, :plain) do |smtp|
    smtp.send_message "From: #{from}\nTo: #{to}\nSubject: keywords\n\nhi\n", from, to
  end
end

from = ENV.fetch('SMTP_USER')
pass = ENV.fetch('SMTP_PASSWORD')
lambda = ->(address) { address.downcase.strip }
is = 'Ops@Example.COM '
with = lambda.call(is)
import = [from, with]
deliver(from, with, pass)
import.each { |global| puts global }
