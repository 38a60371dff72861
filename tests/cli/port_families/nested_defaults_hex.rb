counts = Hash.new { |h, k| h[k] = Hash.new(0) }
%w[shop:404 shop:500 api:404 shop:404].each do |e|
  v, kind = e.split(':')
  counts[v][kind] += 1
end
counts.each { |v, kinds| puts "#{v} #{kinds.values.sum} #{kinds.sort.map { |k, n| "#{k}=#{n}" }.join(',')}" }
puts counts['none']['x'], counts.keys.join(',')
parts = "0.000012 seconds fast of NTP time".split
seconds, direction = parts.values_at(0, 2)
puts seconds, direction, parts.values_at(-1, 9).inspect
puts "deferred 4B1D3A* 1234".scan(/\h+\*/).inspect, ("ab12" =~ /\A\h+\z/).inspect, "zz" =~ /[\h]/ ? 'hex' : 'none'
lines = ["Reference ID    : A9FE (time.example)\n", "Stratum         : 3\n"]
tracking = lines.to_h do |line|
  key, value = line.split(':', 2).map(&:strip)
  [key, value]
end
puts tracking['Stratum'].to_i + 1, tracking['Reference ID'][/\((.*)\)/, 1]
t = Time.at(1_700_000_000)
t.utc
puts t, t.hour
u = Time.at(1_700_000_000).gmtime
puts u.strftime('%H:%M %Z'), Time.at(0).getutc.year, t.getgm.min
