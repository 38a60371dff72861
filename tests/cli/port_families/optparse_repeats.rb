# An option given several times runs its block each time: values added up
# with += or <<, a flag counted, a block that prints; a block that only
# stores its value keeps the last one.
require 'optparse'

def run(args)
  options = { to: [], tags: [], verbose: 0, subject: nil, quiet: false }
  parser = OptionParser.new do |opts|
    opts.banner = 'Usage: notify [options]'
    opts.on('-t', '--to LIST', Array, 'recipients') { |v| options[:to] += v }
    opts.on('--tag NAME') { |v| options[:tags] << v.upcase }
    opts.on('-v', '--verbose', 'more output') { options[:verbose] += 1 }
    opts.on('-s', '--subject TEXT') { |v| options[:subject] = v }
    opts.on('-q') { |q| options[:quiet] = q }
    opts.on('--echo WORD') { |w| puts "echo #{w}" }
  end
  rest = parser.parse(args)
  p options
  p rest
  puts parser.help
end

run(%w[-t a@x,b@x --tag x -v --to c@x -vv --tag y -s first -s second --echo one --echo two file])
run(%w[-q])
