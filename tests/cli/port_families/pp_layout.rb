# pp lays out a value longer than a line (79 columns) as Ruby's PP does;
# p prints it on one line.
config = { 'host' => 'smtp.example.com', 'port' => 587, 'user' => 'reports@example.com', 'password' => 'secret', 'tls' => true }
pp config
p config
pp [1, 2]
pp (1..12).map { |i| "item-#{i}" }
pp({ 'a' => [1, 2, 3], 'b' => { 'x' => 'y' * 30, 'z' => ['q' * 20, 'r' * 20, 's' * 20] }, 'c' => nil, 'd' => 'long text ' * 3 })
pp ['short', { 'k' => 'v' * 70 }, [1, 2]]
pp({ 'key' => 'v' * 90 })
pp({ 'a' => { 'b' => { 'c' => 'd' * 60, 'e' => 1 } } })
settings = { host: 'mail.example.com', port: 2525, helo: 'reports.example.com', user: 'reporter' }
pp settings
x = pp 'returned'
puts x
