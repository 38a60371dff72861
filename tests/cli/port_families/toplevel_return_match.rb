# return at the script's top level (Ruby stops the script there, an ensure
# still runs), and Regexp#match? of a value that may be nil (Ruby's false).
WATCH = [/rm -rf/, /passwd/].freeze
lines = ['alice rm -rf /tmp/x', 'bob ls -l', 'carol']
entries = lines.map { |l| l.match(/(?<user>\w+)(?: (?<cmd>.*))?/) }
flagged = entries.select { |m| WATCH.any? { |re| re.match?(m[:cmd]) } }
puts "flagged: #{flagged.map { |m| m[:user] }.join(', ')}"
quiet = entries.reject { |m| m[:cmd] }
puts "no command: #{quiet.map { |m| m[:user] }.join(', ')}"
begin
  return if flagged.size == 1
  puts 'not reached'
ensure
  puts 'report done'
end
puts 'not reached either'
