require 'optparse'

options = { verbose: false, count: 3, tags: [] }
parser = OptionParser.new do |opts|
  opts.banner = 'Usage: p4.rb [options] FILE...'
  opts.on('-v', '--verbose', 'Be chatty') { options[:verbose] = true }
  opts.on('-c', '--count N', Integer, 'How many') { |n| options[:count] = n }
  opts.on('-t', '--tag TAG', 'Add a tag') { |t| options[:tags] << t }
  opts.on('-h', '--help', 'Show help') do
    puts opts
    exit
  end
end
begin
  parser.parse!(%w[-v -c 5 -t a --tag b rest1 rest2])
rescue OptionParser::InvalidOption, OptionParser::MissingArgument => e
  warn e.message
  exit 2
end
p options
p ARGV
puts parser.help
begin
  parser.parse!(%w[--count x])
rescue OptionParser::InvalidArgument => e
  puts "bad: #{e.message}"
end
begin
  parser.parse!(%w[--nope])
rescue OptionParser::ParseError => e
  puts "#{e.class}: #{e.message}"
end
begin
  begin
    parser.parse!(%w[--count])
  rescue OptionParser::InvalidOption => e
    puts "not here: #{e.message}"
  end
rescue OptionParser::MissingArgument => e
  puts "#{e.class}: #{e.message}"
end
