require 'time'
n = 3
puts "#{n} item#{'s' if n != 1}"
value = [nil, 'x'].compact.first || 'none'
puts value
port = Integer('abc') rescue 25
puts port
t = Time.utc(2024, 2, 28, 23, 30)
puts (t + 3600).iso8601, ((t + 90) - t).to_i
require 'cgi'
puts CGI.escapeHTML(%q(<b class="x">'&'</b>)), CGI.escape('a b&c')
h = { 'b' => 2, 'a' => 1, 'c' => nil }
p h.sort, h.compact, h.invert, h.key(2), h.transform_values { |v| v.to_s }, h.slice('a', 'b'), h.except('c')
list = [3, nil, 1, 3]
list.compact!
list.uniq!
list.sort!
list.map! { |x| x * 10 }
p list, list.max, list - [10], list | [5], list & [30, 99]
at_exit { puts 'bye' }
puts 'end'
