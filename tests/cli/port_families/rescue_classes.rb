require 'net/smtp'
def send_it(port)
  Net::SMTP.start('127.0.0.1', port) { |s| s.send_message('x', 'a@b', 'c@d') }
  'sent'
rescue IOError => e
  "io error #{e.class}"
rescue SystemCallError => e
  "system #{e.class}"
end
puts send_it(1)
begin
  raise IOError, 'closed stream'
rescue SystemCallError
  puts 'wrong'
rescue IOError => e
  puts "io: #{e.message} #{e.class}"
end
begin
  raise EOFError, 'end of file reached'
rescue IOError => e
  puts "eof is io: #{e.class}"
end
LIST = [IOError, Errno::ECONNREFUSED]
begin
  raise Errno::EPIPE
rescue *LIST => e
  puts 'in list'
rescue StandardError => e
  puts "outside: #{e.class}"
end
puts LIST.map(&:name).join(',')
require "timeout"
SERVER_ERRORS = [Timeout::Error, IOError, EOFError, Errno::EINVAL, Errno::ECONNRESET,
                 Errno::EHOSTUNREACH].freeze
def try(code)
  raise Errno::EINVAL, 'bad arg' if code == 1
  raise Errno::EHOSTUNREACH if code == 2
  raise Errno::EPERM if code == 3
  'fine'
rescue *SERVER_ERRORS => e
  "server error #{e.class}: #{e.message}"
rescue SystemCallError => e
  "other #{e.class}"
end
[0, 1, 2, 3].each { |c| puts try(c) }
puts SERVER_ERRORS.length, SERVER_ERRORS.map(&:name).join(' ')
puts SERVER_ERRORS.include?(Errno::EINVAL)
