# Multiple assignment from a method that may return nil, and << chains
# whose pieces may be nil.

def render(kind)
  case kind
  when 'a'
    ['Subject A', 'body a']
  when 'b', 'c'
    ["Subject #{kind.upcase}", "body #{kind}"]
  end
end

%w[a b x c].each do |k|
  subject, text = render(k)
  if subject.nil?
    puts "#{k}: skipped (#{text.inspect})"
    next
  end
  puts "#{k}: #{subject} / #{text}"
end

head, *rest = render('x')
p head, rest

LINE = /^(?<level>[A-Z]+) (?<msg>[^|]*)(?:\|(?<extra>.*))?$/
['ERROR disk full|sda1', 'WARN slow query'].each do |l|
  m = LINE.match(l)
  $stdout << '  ' << m[:level] << ' ' << m[:msg] << ' [' << m[:extra] << "]\n"
  $stdout.write(m[:level], ':', m[:extra], "\n")
end

def verdict(code)
  word = case code
         when 0 then 'ok'
         when 1..3 then 'warn'
         else
           raise ArgumentError, "bad code #{code}"
         end
  word.upcase
end
puts verdict(0), verdict(2)
begin
  verdict(9)
rescue ArgumentError => e
  puts e.message
end

skipped = []
['skip: /var/a', 'ok: /var/b', 'skip: /srv/c'].each { |l| skipped << $1 if l =~ /^skip: (\S+)/ }
body = +"Skipped:\n"
skipped.each { |path| body << '  ' << path << "\n" }
print body
problems = {}
%w[a b c].each_with_index do |addr, i|
  problems[addr] =
    case i
    when 0 then 'deferred'
    when 1 then "refused #{addr}"
    else
      'other'
    end
end
p problems
class TargetCfg; attr_accessor :mode; end
c = TargetCfg.new
c.mode = if problems.size > 2 then :many else :few end
p c.mode
DefaultStats = Struct.new(:name, :checks)
stats = Hash.new { |h, k| h[k] = DefaultStats.new(k, 0) }
%w[web db web mail web].each { |s| stats[s].checks += 1 }
stats.each { |name, st| puts "#{name}: #{st.checks}" }
p stats.key?('cache'), stats.fetch('db').checks, stats.size
labels = Hash.new { |hash, key| hash[key] = "#{key.upcase}!" }
puts labels["a"], labels.size
