# Write the message piece by piece with open_message_stream.
#
# The block gets a stream with puts, print, printf, write and <<. Line
# endings become CRLF and lines starting with a dot are escaped on the wire.
require 'net/smtp'

host = ENV.fetch('SMTP_HOST', 'mail.example.com')
port = Integer(ENV.fetch('SMTP_PORT', '25'))

figures = { 'orders' => 1284, 'returns' => 37, 'new customers' => 112 }

Net::SMTP.start(host, port) do |smtp|
  response = smtp.open_message_stream('alice@example.com',
                                      ['bob@example.net', 'carol@example.org']) do |f|
    f.puts 'From: Alice <alice@example.com>'
    f.puts 'To: Bob <bob@example.net>, Carol <carol@example.org>'
    f.puts 'Subject: Weekly figures'
    f.puts 'Date: Sat, 28 Nov 2026 15:00:00 +0000'
    f.puts 'Message-ID: <figures-2026-48@example.com>'
    f.puts
    figures.each do |name, count|
      f.printf("%-14s %6d\n", name, count)
    end
    f.printf("%-14s %6.1f%%\n", 'growth', 3.25)
    f << "\n" << "Details follow.\n"
    f.print ".csv files are on the share\n"
    f.write "Alice\n"
  end
  puts "queued: #{response.status}"
end
