# OptionParser#parse!(into: hash): each option given stores its value
# under its name as a Symbol (a switch: true), the rest keep their defaults.
require 'optparse'

def run(args)
  opts = { port: 25, verbose: false }
  parser = OptionParser.new do |o|
    o.banner = 'usage: notify [options]'
    o.on('--app NAME')
    o.on('-p', '--port N', Integer)
    o.on('--to LIST', Array)
    o.on('--[no-]color', 'colour the output')
    o.on('-q')
    o.on('--dry-run')
  end
  parser.parse!(args, into: opts)
  p opts
  p args
end

run(%w[--app shop -p 2525 --to a@x,b@x rest])
run(%w[--no-color -q --dry-run])
run(%w[--color file1 file2])
