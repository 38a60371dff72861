# respond_to? on a Net::SMTP object answers from Ruby's own class (a Python
# extra such as pipelining is not Ruby's).
require 'net/smtp'
smtp = Net::SMTP.new('127.0.0.1', 25)
puts smtp.respond_to?(:set_debug_output), smtp.respond_to?(:deliver)
puts smtp.respond_to?(:started?), smtp.respond_to?(:pipelining)
puts smtp.started?
