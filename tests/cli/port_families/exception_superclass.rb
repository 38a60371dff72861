# e.class.superclass: Ruby's own classes (Net::SMTP errors, core errors,
# Errno) and the script's own exception classes.
require 'net/smtp'
class AppError < StandardError; end
class MailError < AppError; end
[Net::SMTPFatalError.new('x'), MailError.new('m'), ArgumentError.new('a'), Errno::ECONNREFUSED.new, Net::SMTPUnsupportedCommand.new('u')].each do |e|
  puts "#{e.class} < #{e.class.superclass}"
end
begin
  raise MailError, 'boom'
rescue AppError => e
  puts "#{e.class.name} < #{e.class.superclass}"
end
