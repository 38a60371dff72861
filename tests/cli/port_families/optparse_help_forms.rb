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
opts_defaults = {}
parser2 = OptionParser.new do |opts|
  opts.banner = "Usage: x [options]"
  opts_defaults[:server] = 'localhost'
  opts.on('-s', '--server HOST', 'SMTP server') { |h| opts_defaults[:server] = h }
  opts_defaults[:port] = 25
  opts.on('-p', '--port PORT', Integer, 'Port') { |p| opts_defaults[:port] = p }
end
parser2.parse!(%w[-p 2525])
puts opts_defaults[:server], opts_defaults[:port] + 1
puts parser2
o = {}
parser3 = OptionParser.new do |x|
  x.on("-m", "--smtp-server H", "server") { |v| o[:s] = v }
  o[:m] = 'none'
  x.on("-m", "--message-file F", "body file") { |v| o[:m] = v }
end
parser3.parse!(%w[-m a --smtp-server b])
puts o
puts parser3
