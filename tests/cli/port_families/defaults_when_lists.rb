# Hash.new(default).merge(...) keeps the default; when *LIST of Regexps
# (each one's === is a match) and of Strings.
T = Hash.new(90).merge('/' => 80, '/var' => 85)
p T['/'], T['/home']
c = Hash.new(0)
d = c.merge('x' => 1)
d['y'] += 2
p d
IGNORABLE = [/^550 5\.1\.1/, /^552/].freeze
CODES = %w[a b].freeze
['550 5.1.1 gone', '553 no', '552 full'].each do |m|
  case m
  when *IGNORABLE then puts "skip #{m}"
  when *CODES then puts 'code'
  else puts "abort #{m}"
  end
end
