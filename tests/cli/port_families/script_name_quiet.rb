# The script's own name where it shows nowhere that is compared: stderr,
# exits, usage banners, the script's directory, and the main guard.
require 'optparse'

PROG = File.basename($0)
HERE = File.dirname(File.expand_path(__FILE__))

opts = OptionParser.new do |o|
  o.banner = "Usage: #{File.basename($0)} [options]"
end
opts.parse!(ARGV)

def main(args)
  warn "#{PROG}: starting with #{args.size} argument(s)"
  $stderr.puts "running #{__FILE__}"
  puts File.expand_path('..', __FILE__) == HERE
  puts File.exist?(File.join(HERE, 'nothing-here.txt'))
  abort "#{$0}: too many arguments" if args.size > 3
  raise ArgumentError, "#{PROG}: odd" if args.size == 2
  puts 'done'
  0
end

exit(main(ARGV)) if __FILE__ == $0
