# Values of a class the translator cannot tell, calling methods only the
# script's classes define; nested classes named from a class body;
# Class.new(StandardError); Regexp#match; inject that changes its memo;
# << on a new String; -= of Arrays; bang methods on lines read.
require 'net/smtp'

module Watch
  VERSION = "2.1"
  Error = Class.new(StandardError)
  Skipped = Class.new(Error)

  module Checks
    class Base
      attr_reader :label
      attr_accessor :weight

      def initialize(label)
        @label = label
        @weight = 1
      end
    end

    class Disk < Base
      LIMIT = 90
      THRESHOLD = LIMIT - 5
    end

    class Queue < Checks::Base
      def verdict(n)
        n > 10 ? "backlog" : "fine"
      end
    end
  end

  class Report
    attr_reader :host, :port, :lines

    def initialize(host, port)
      @host, @port = host, port
      @lines = []
    end

    def passed(msg)
      @lines << "PASS #{msg}"
    end
  end
end

def record(result, check)
  result.passed("#{check.label} (weight #{check.weight})")
end

def relabel(check, text)
  check.weight = text.length
end

report = Watch::Report.new('127.0.0.1', 2525)
registry = [Watch::Checks::Disk.new('disk'), Watch::Checks::Queue.new('queue')]
registry.each { |c| relabel(c, c.label * 2) }
registry.each { |c| record(report, c) }
puts report.lines
puts "#{report.host}:#{report.port} v#{Watch::VERSION} #{Watch::Checks::Disk::THRESHOLD}"
puts Watch::Checks::Queue.new('q').verdict(12)

begin
  raise Watch::Skipped, "not today"
rescue Watch::Error => e
  puts "#{e.class}: #{e.message}"
end

FAILED = /Failed password for (invalid user )?(\S+) from (\S+)/
log = ["Failed password for bob from 10.0.0.1", "noise",
       "Failed password for invalid user eve from 10.0.0.2"]
attempts = []
log.each do |line|
  m = FAILED.match(line) or next
  attempts << { user: m[2], ip: m[3], invalid: !m[1].nil? }
end
p attempts.map { |a| a[:user] }
puts log.count { |l| /noise/.match?(l) }

hits = [[200, 'a'], [404, 'b'], [201, 'c'], [503, 'd'], [200, 'e']]
codes = hits.inject(Hash.new(0)) { |h, (code, _)| h[code / 100] += 1; h }
p codes
names = hits.inject([]) do |acc, (code, name)|
  acc << name if code < 300
  acc
end
p names

body = codes.map { |k, v| "#{k}xx=#{v}" }.join("\n") << "\n"
print body
rcpts = %w[a@example.com b@example.com c@example.com]
rcpts -= ['b@example.com']
p rcpts

File.write('duck_rows.txt', "alpha beta\n  gamma  \n\n")
File.open('duck_rows.txt') do |f|
  f.each_line do |line|
    line.chomp!
    next if line.empty?
    puts "[#{line}]"
  end
end
File.readlines('duck_rows.txt').each do |l|
  l.strip!
  puts l.length
end
rows = File.read('duck_rows.txt').split("\n").map(&:split)
rows.each_with_index { |(first, second), i| puts "#{i} #{first.inspect} #{second.inspect}" }
p rows.map { |(first, second)| second.to_s }
File.delete('duck_rows.txt')
Net::SMTP.start('127.0.0.1', 1, :helo => 'mon.example.com') { } rescue puts "refused: #{$!.class}"
