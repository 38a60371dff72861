require 'socket'
def attempt(code)
  begin
    begin
      raise Errno::EHOSTUNREACH if code == 1
      raise Errno::ECONNRESET if code == 2
      raise Errno::EINVAL, 'bad' if code == 3
      puts 'ok'
    rescue Errno::ECONNREFUSED, Errno::EHOSTUNREACH => e
      puts "unreachable: #{e.class}: #{e.message}"
    rescue Errno::EINVAL => e
      puts "invalid: #{e.class} #{e.message}"
    end
  rescue SystemCallError => e
    puts "outer: #{e.class}"
  end
end
[0, 1, 2, 3].each { |c| attempt(c) }
