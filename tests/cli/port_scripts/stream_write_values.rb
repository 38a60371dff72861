# What the stream of open_message_stream and data answers: write, print,
# puts and printf give the wire bytes of the lines they completed, << the
# stream itself.
require 'net/smtp'

# a method ending in a stream block answers the server's reply
def stream_note(smtp, text)
  smtp.open_message_stream('a@example.com', 'c@example.com') do |f|
    f.puts "Subject: note"
    f.puts
    f << text << "\n"
  end
end

counts = []
Net::SMTP.start('127.0.0.1', ENV['SMTP_PORT'].to_i, 'probe.example.com') do |smtp|
  smtp.open_message_stream('a@example.com', 'b@example.com') do |f|
    counts << f.write("Subject: counts\n\n")
    counts << f.print("partial ")
    counts << f.puts("line")
    counts << f.printf("%d%%\r\n", 42)
    same = f << ".dot\n" << "end\n"
    counts << same.write("")
  end
  smtp.mailfrom('a@example.com')
  smtp.rcptto('b@example.com')
  smtp.data do |f|
    n = f.write("Subject: two\n\nbody\n")
    f.print "wrote #{n}\n"
  end
  reply = stream_note(smtp, 'third')
  puts "#{reply.class}: #{reply.status}"
end
p counts
