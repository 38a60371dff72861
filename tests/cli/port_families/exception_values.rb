require 'json'
def notify(error, note: '')
  puts "#{error.class}: #{error.message} #{note}"
end
notify(ArgumentError.new('Really bad argument'), note: 'GET /x')
ex = RuntimeError.new("Deadlock\n  try again")
notify(ex)
begin
  raise ex
rescue => e
  puts e.equal?(ex), e.message.lines.size
end
e2 = StandardError.new
puts e2.message
rows = JSON.parse('[{"score": 5, "t": "a"}, {"score": 9, "t": "b"}]')
puts rows.sort_by { |r| -r['score'] }.map { |r| r['t'] }.join(',')
lines = ["K=1\n", "EMPTY\n", "J=2=3\n"]
lines.each do |line|
  key, value = line.chomp.split('=', 2)
  ENV[key] ||= value
end
puts ENV['K'], ENV.key?('EMPTY'), ENV['J']
