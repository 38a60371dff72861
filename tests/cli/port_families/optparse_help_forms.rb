require 'optparse'
options = { port: 25, verbose: false, to: [] }
parser = OptionParser.new do |opts|
  opts.banner = "Usage: mailer [options] FILE"
  opts.separator ""
  opts.separator "Specific options:"
  opts.on('-s', '--server HOST', 'SMTP server') { |v| options[:server] = v }
  opts.on('-p', '--port PORT', Integer, 'Port (default 25)') { |v| options[:port] = v }
  opts.on('-t', '--to ADDR', 'Recipient (repeatable)') { |v| options[:to] << v }
  opts.on('-v', '--[no-]verbose', 'Verbose') { |v| options[:verbose] = v }
  opts.on('--subject=SUBJECT', String) { |v| options[:subject] = v }
  opts.on_tail('-h', '--help', 'Show this message') { puts opts; exit }
end
begin
  parser.parse!(%w[-s mail.example.com -p 2525 --to a@x --to b@x -v --subject=Hi rest.txt])
rescue OptionParser::InvalidOption, OptionParser::MissingArgument => e
  warn e.message
  exit 64
end
puts options[:server], options[:port] + 1, options[:to].join(','), options[:verbose], options[:subject]
puts parser.help
begin
  parser.parse(%w[--port abc])
rescue OptionParser::InvalidArgument => e
  puts "error: #{e.message}"
end
begin
  parser.parse(%w[--bogus])
rescue OptionParser::ParseError => e
  puts "error: #{e.message} (#{e.class})"
end
o2 = OptionParser.new do |opts|
  opts.banner = 'Usage: x'
  opts.on('--subject=SUBJECT', String, 'subj') { |v| }
  opts.on('-s', '--server=HOST', 'srv') { |v| }
  opts.on('-x HOST', '--xhost', 'x') { |v| }
  opts.on('-c', '--count N', Integer) { |v| }
  opts.on('-q', '--[no-]quiet') { |v| }
end
puts o2
