# Timeout.timeout leaves its block as Ruby throws: no rescue inside sees it,
# every ensure runs, and the caller rescues Timeout::Error.
require 'timeout'
begin
  Timeout.timeout(0.2) do
    begin
      sleep 2
    rescue => e
      puts "inner rescue: #{e.class}"
    ensure
      puts 'inner ensure'
    end
  end
rescue Timeout::Error => e
  puts "outer: #{e.class}: #{e.message}"
end
