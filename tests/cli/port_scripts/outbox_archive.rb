require 'net/smtp'
require 'fileutils'

OUTBOX = 'outbox'
SENT = File.join(OUTBOX, 'sent')
FileUtils.mkdir_p(SENT)

pending = Dir.children(OUTBOX).select { |f| f.end_with?('.msg') }.sort
abort 'nothing to send' if pending.empty?

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  pending.each do |name|
    path = File.join(OUTBOX, name)
    from, to, *rest = File.read(path).lines
    smtp.send_message rest.join, from.strip, to.strip
    FileUtils.mv(path, SENT)
    puts "sent #{name}"
  end
end

puts "archived: #{Dir.children(SENT).sort.join(', ')}"
puts "outbox now: #{Dir.glob(File.join(OUTBOX, '*.msg')).size} pending"
puts File.exist?(File.join(SENT, pending.first)) ? 'ok' : 'missing'
