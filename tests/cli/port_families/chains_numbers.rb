# a = b = value (Ruby assigns from the right; both hold the value);
# / and % of numbers that are Integers or Floats only at run time; 1 << 30.
require 'net/smtp'
smtp = Net::SMTP.new('127.0.0.1', 1)
smtp.open_timeout = smtp.read_timeout = 3
a = b = []
b << 1
p a
@x = y = 'v'
p @x, y
def share(values)
  total = values.sum
  values.map { |v| v * 100 / total }
end
p share([1, 2, 3])
p share([1.5, 2.5])
def half(n) = n / 2
p half(7), half(7.0)
size = 3 << 30
human = size >= 1 << 30 ? format('%.1f GiB', size.fdiv(1 << 30)) : "#{size / 1024} KiB"
puts human, (1 << 4) + 1, 2 ** 3 << 1
