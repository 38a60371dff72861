# OptionParser options that accept values given in a constant: a list of
# words, a Hash of words (the option's value is the word's), a Regexp;
# descriptions computed from them.
require 'optparse'

PRIORITIES = %w[low normal high].freeze
LEVELS = { 'low' => 5, 'normal' => 3, 'high' => 1 }.freeze
ADDRESS = /\A[^@\s]+@[^@\s]+\z/

def run(args)
  opts = { to: [] }
  parser = OptionParser.new do |o|
    o.banner = 'Usage: notify [options]'
    o.on('-p', '--priority LEVEL', PRIORITIES, "One of: #{PRIORITIES.join(', ')}") { |v| opts[:priority] = v }
    o.on('-x', '--x-priority LEVEL', LEVELS, "one of #{LEVELS.keys.join('|')}") { |v| opts[:x] = v }
    o.on('--tag NAME', LEVELS.keys) { |v| opts[:tag] = v }
    o.on('-t', '--to ADDR', ADDRESS, 'recipient, repeatable') { |v| opts[:to] << v }
  end
  parser.parse!(args)
  p opts
  parser
rescue OptionParser::InvalidArgument, OptionParser::AmbiguousArgument => e
  puts "#{e.class}: #{e.message}"
  parser
end

run(%w[-p hi -x norm --tag low -t a@x.com --to b@y.org])
run(%w[--priority urgent])
run(%w[-t not-an-address])
run(%w[-x l])
puts run([]).help
run(%w[-t a@b.c --to bad])
