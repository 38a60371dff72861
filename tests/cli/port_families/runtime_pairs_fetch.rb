# (x += 1) used as a value; __method__ in a block and outside any def;
# to_h of pairs known only at run time (Ruby's error for other lengths);
# Array#fetch with a block.
attempts = 1
while (attempts += 1) <= 3
  puts "attempt #{attempts}"
end
total = 0.5
puts((total += 2) * 2)

def deliver
  [1].each { |x| puts "#{__method__} #{x}" }
  __method__
end
p deliver
begin
  raise 'boom'
rescue => e
  puts "#{__method__}(): #{e.message}"
end

lines = ["UPSNAME  : ups1\n", "STATUS   : ONLINE \n", "NOCOLON\n"]
p lines.first(2).to_h { |l| l.split(':', 2).map(&:strip) }
begin
  lines.to_h { |l| l.split(':', 2).map(&:strip) }
rescue ArgumentError => e
  puts e.message
end

list = %w[a b]
p list.fetch(1) { 'none' }, list.fetch(5) { |i| "none #{i}" }, list.fetch(-3) { 'before' }
