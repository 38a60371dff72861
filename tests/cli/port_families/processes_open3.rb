# Commands run as cron wrappers run them: Open3 and backticks, $?, and a
# Process::Status asked what happened.
require 'open3'
out, err, st = Open3.capture3('sh', '-c', 'echo out; echo err >&2; exit 3')
p out, err, st.exitstatus, st.success?, st.exited?, st.signaled?, st.to_i, st.class
o, s = Open3.capture2e("echo a; echo b >&2; echo c")
p o, s.success?, s.exitstatus
o, s = Open3.capture2('cat', stdin_data: "fed\n")
p o, s.to_s.sub(/\d+/, 'N'), s.inspect.sub(/\d+/, 'N')
o, s = Open3.capture2('sh -c "kill -TERM $$"')
p s.exitstatus, s.success?, s.signaled?, s.termsig, s.to_i, s.to_s.sub(/\d+/, 'N')
begin
  Open3.capture2('no-such-command-here', 'x')
rescue Errno::ENOENT => e
  puts e.message
end
x = `echo hi; exit 2`
p x, $?.exitstatus, $?.success?
p `printf 'a\nb'`.lines

name, *command = ['nightly', 'sh', '-c', 'echo rotated; exit 0']
output, status = Open3.capture2e(*command)
puts "#{name}: #{status.success? ? 'ok' : "failed (#{status.exitstatus})"} #{output.strip}"
p $?.exitstatus
begin
  raise ArgumentError, "x"
rescue => e
  p e.class, e.class.name, e.class.to_s, "#{e.class}"
  puts e.class.inspect, e.class
end
p 1.class, "a".class.name
h = {1.class => 1}
p h
