reply = "250 2.0.0 Ok: queued as 7F3A\n"
code, rest = reply.split(' ', 2)
puts code, rest.chomp
p reply.split(' ', 3).size
rows = ["a\t1\tx", "only", "b\t2\tz\textra"]
rows.each do |row|
  name, count, tag = row.split("\t")
  puts [name, count.inspect, tag.inspect].join(' ')
end
kind = 'CRAM-MD5'.downcase.tr('-', '_').to_sym
p kind
puts kind.inspect, kind.to_s
