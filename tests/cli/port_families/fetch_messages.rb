require "net/smtp"
h = {a: 1}
begin
  h.fetch(:b)
rescue KeyError => e
  puts e.message
end
puts h.fetch(:a)
l = [1, 2]
begin
  l.fetch(5)
rescue IndexError => e
  puts e.message
end
puts l.fetch(-1), l.fetch(9, "d")
def attempt
  yield
rescue StandardError => e
  "#{e.class.name.split('::').last}: #{e.message[0, 25]}"
end
puts attempt { raise Net::SMTPFatalError, "550 no such user\n" }
puts attempt { raise Net::SMTPAuthenticationError.new('535 5.7.8 bad') }
puts attempt { Integer('12x') }
puts attempt { [1, 2].fetch(10) }
puts attempt { {}.fetch(:k) }
puts attempt { raise 'plain' }
puts attempt { 1 / 0 }
x = attempt { 42 }
puts x
err = Net::SMTPSyntaxError.new('501 bad')
puts err.message, "#{err}", err.to_s, err.inspect
