# The Ruby net-smtp client: Net::SMTP.start + send_message + finish.
#
# Run as: ruby -I NET_SMTP_LIB -I NET_PROTOCOL_LIB ruby_client.rb WORKLOAD PORT DATADIR SIZE_MIB
# (the runner takes the two lib directories from NET_SMTP_RUBY_LIBS). Messages
# are binary Strings read from the prepared files; large-file passes the open
# File itself. Prints vmhwm_kib=N (its own peak RSS) as its last line.
require 'net/smtp'

HOST = '127.0.0.1'
SENDER = 'sender@example.com'
RECIPIENT = 'rcpt@example.com'

def split_file(path)
  blob = File.binread(path)
  start = 0
  File.read(path.sub(/\.txt\z/, '.len')).split.map do |n|
    part = blob.byteslice(start, n.to_i)
    start += n.to_i
    part
  end
end

workload, port, datadir, size_mib = ARGV
port = port.to_i
size_mib = size_mib.to_i
abort "net-smtp #{Net::SMTP::VERSION} loaded, 0.5.1 wanted" unless Net::SMTP::VERSION == '0.5.1'

case workload
when 'startup'
  Net::SMTP.start(HOST, port, helo: 'localhost').finish
when 'small', 'delayed' # delayed: the sink answers late
  msgs = split_file("#{datadir}/#{workload}.txt")
  smtp = Net::SMTP.start(HOST, port, helo: 'localhost')
  msgs.each { |m| smtp.send_message(m, SENDER, RECIPIENT) }
  smtp.finish
when 'connect'
  split_file("#{datadir}/connect.txt").each do |m|
    smtp = Net::SMTP.start(HOST, port, helo: 'localhost')
    smtp.send_message(m, SENDER, RECIPIENT)
    smtp.finish
  end
when 'large-mem'
  text = File.binread("#{datadir}/block.txt") * size_mib
  smtp = Net::SMTP.start(HOST, port, helo: 'localhost')
  smtp.send_message(text, SENDER, RECIPIENT)
  smtp.finish
when 'large-file'
  smtp = Net::SMTP.start(HOST, port, helo: 'localhost')
  File.open("#{datadir}/file-#{size_mib}.txt", 'rb') { |f| smtp.send_message(f, SENDER, RECIPIENT) }
  smtp.finish
else
  abort "unknown workload #{workload}"
end
puts "vmhwm_kib=#{File.read('/proc/self/status')[/^VmHWM:\s+(\d+)/, 1]}"
