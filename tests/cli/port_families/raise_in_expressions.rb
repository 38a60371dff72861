def check(v) = v > 2 || raise('too small')
puts check(3)
x = nil
begin
  y = x || raise(ArgumentError, 'no x')
rescue ArgumentError => e
  puts "r #{e.message}"
end
port = ENV['NOPE_PORT'] ? ENV['NOPE_PORT'].to_i : 25
puts port
ENV['FAM_HOME'] = 'yes'
z = ENV['FAM_HOME'] ? 'home' : raise('no home')
puts z
m = 'abc'.match(/b/) or raise 'no match'
puts m[0]
begin
  check(1)
rescue => e
  puts "#{e.class}: #{e.message}"
end
