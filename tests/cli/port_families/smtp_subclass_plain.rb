# A subclass of Net::SMTP without its own initialize: its methods read the
# library's readers; the class-level start (a refused connection here).
require 'net/smtp'

class Quiet < Net::SMTP
  def note
    "quiet #{address}:#{port}"
  end
end

q = Quiet.new('127.0.0.1', 1)
puts q.note
p q
begin
  Quiet.start('127.0.0.1', 1) { |s| puts s.class }
rescue SystemCallError => e
  puts e.class
end
