# renamed: converted in place, each kind under its own name
df = "fs blocks used avail pct mount\n/dev/a 1 1 1 91% /\ntmpfs 5 1 4 2% /run\n"
full = []
df.lines.drop(1).each do |line|
  fs, _b, _u, avail, pct, mount = line.split
  next if fs == 'tmpfs'
  pct = pct.delete('%').to_i
  full << [mount, pct, avail.to_i] if pct >= 90
end
full.sort_by { |m, pct, _| -pct }.each { |mount, pct, free| puts "#{mount} #{pct}% #{free}" }
port = ENV['NOPE_PORT'] || '2525'
port = port.to_i
puts port + 1
# not renamed: read again after a loop that may not run
count = '3'
[1, 2].each { |i| count = count.to_i + i }
puts count
# a closure made before the conversion sees the new value in Ruby
label = '7'
show = -> { "label=#{label}" }
label = label.to_i
puts show.call, label + 1
# a while condition reads it on every pass
w = '1'
while w.to_i < 4
  w = w.to_i
  w = (w + 1).to_s
end
puts w
