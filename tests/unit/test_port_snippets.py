"""Rule families of ``net-smtp port``, checked against real Ruby.

Each snippet is a small Ruby script whose standard output and exit status
were recorded once with Ruby 3.1 (``ruby SNIPPET.rb ARGV...`` with
``TZ=UTC``); the test translates it, runs the Python in this process (no
sockets) and compares. A snippet exercises one family: ``puts``/``p``
rules, truth, strings, heredocs, control flow, exceptions and ``retry``,
collections (``Hash.new(0)``, ``inject``, ``max_by``), classes (class
variables too), Python keywords as names, times, ENV/ARGV, OptionParser,
``abort``, and the loose syntax of quick scripts.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass, field

import pytest

pytest.importorskip("tree_sitter_ruby", reason="net-smtp port needs the [port] extra")

from net_smtp.cli.port.engine import translate  # noqa: E402


@dataclass
class Snippet:
    name: str
    ruby: str
    stdout: str
    status: int = 0
    argv: list[str] = field(default_factory=list)


SNIPPETS = [
    Snippet('array_option', r'''require 'optparse'
opts = { to: [] }
OptionParser.new do |o|
  o.banner = 'Usage: x [options]'
  o.on('-t', '--to A,B', Array, 'recipients') { |v| opts[:to].concat(v) }
end.parse!
puts opts[:to].inspect
''', '["a", nil, "b", "x"]\n', argv=["-t", "a,,b", "--to", "x"]),
    Snippet('negatable_options', r'''require 'optparse'
opts = { verbose: nil, tls: true }
OptionParser.new do |o|
  o.banner = 'Usage: send [options]'
  o.on('-v', '--[no-]verbose', 'talk more') { |v| opts[:verbose] = v }
  o.on('--[no-]tls', 'use TLS') { |v| opts[:tls] = v }
end.parse!
puts "verbose=#{opts[:verbose].inspect} tls=#{opts[:tls]}"
puts ARGV.join(',')
''', "verbose=true tls=false\na,b\n", argv=["--no-tls", "-v", "a", "b"]),
    Snippet('reserved_keywords_into_opts', r'''def deliver(to:, **opts)
  "#{opts.fetch(:from, 'none')} -> #{to} (#{opts.keys.size})"
end
def send_it(from:, to:)
  "#{from}/#{to}"
end
puts deliver(to: 'a', from: 'b', class: 'x'), send_it(from: 'c', to: 'd')
''',
            'b -> a (2)\nc/d\n'),
    Snippet('numbers_of_either_kind', r'''Item = Struct.new(:qty, :price)
items = [Item.new(2, 49.5), Item.new(4, 20)]
grand = items.sum { |i| i.qty * i.price }
puts grand.round(2), grand.round, 1250.round(-2), grand.to_i, grand.abs.zero?
''',
            '179.0\n179\n1300\n179\nfalse\n'),
    Snippet('module_methods_and_socket_errors', r'''require "socket"
module Mailer
  @count = 0
  def Mailer.bump(by = 1)
    @count += by
  end
end
Mailer.bump
puts Mailer.bump(2)
def lookup(kind)
  raise SocketError, "getaddrinfo: nope" if kind == :dns
  raise Errno::ECONNREFUSED if kind == :refused
  'ok'
end
[:dns, :refused, :fine].each do |k|
  begin
    puts lookup(k)
  rescue SocketError => e
    puts "socket: #{e.class}"
  rescue SystemCallError => e
    puts "syscall: #{e.class}"
  end
end
''',
            '3\nsocket: SocketError\nsyscall: Errno::ECONNREFUSED\nok\n'),
    Snippet('puts_rules', r'''puts "a", ["b", ["c", nil]], nil
puts "ends\n"
puts []
print "x", 1, nil, "\n"
puts 1.5, 2.0, 10**20, 1e20
''',
            'a\nb\nc\n\n\nends\nx1\n1.5\n2.0\n100000000000000000000\n1.0e+20\n'),
    Snippet('p_rules', r'''x = p
y = p 1, "two"
z = p :sym
p nil, true, [1, "a", nil], {"k" => 1}
p x, y, z
''',
            '1\n"two"\n:sym\nnil\ntrue\n[1, "a", nil]\n{"k"=>1}\nnil\n[1, "two"]\n:sym\n'),
    Snippet('truthiness', r'''[0, "", [], nil, false, true].each do |v|
  puts(v ? "#{v.inspect} is true" : "#{v.inspect} is false")
end
name = ENV['NOPE_NOT_SET']
puts "unset" unless name
name ||= "default"
puts name
count = 0
count ||= 5
puts count
''',
            ('0 is true\n'
             '"" is true\n'
             '[] is true\n'
             'nil is false\n'
             'false is false\n'
             'true is true\n'
             'unset\n'
             'default\n'
             '0\n')),
    Snippet('strings', r'''s = +"Hello"
s << ", " << "World"
puts s
puts s.upcase, s.downcase, s.length, s.reverse
puts "  pad  ".strip + "|"
puts "a,b,,c,,".split(",").inspect
puts "one two  three".split.inspect
puts "x-y-z".sub("-", "+"), "x-y-z".gsub("-", "+")
puts "2024-03-05".gsub(/(\d+)-(\d+)-(\d+)/, '\3/\2/\1')
puts "line\r\n".chomp.inspect, "line\n\n".chomp.inspect
puts "abc".start_with?("ab"), "abc".end_with?("x", "c"), "abc".include?("d")
puts "%05.1f|%-4s|%x" % [3.14159, "ab", 255]
puts format("%s and %s", "a", nil)
puts "=" * 3
puts "tab\tend", 'raw\tend'
''',
            ('Hello, World\n'
             'HELLO, WORLD\n'
             'hello, world\n'
             '12\n'
             'dlroW ,olleH\n'
             'pad|\n'
             '["a", "b", "", "c"]\n'
             '["one", "two", "three"]\n'
             'x+y-z\n'
             'x+y+z\n'
             '05/03/2024\n'
             '"line"\n'
             '"line\\n"\n'
             'true\n'
             'true\n'
             'false\n'
             '003.1|ab  |ff\n'
             'a and \n'
             '===\n'
             'tab\tend\n'
             'raw\\tend\n')),
    Snippet('heredocs', r'''name = "Dana"
a = <<~EOS
  Hi #{name},
    indented
  bye
EOS
b = <<-'EOS'
  raw #{name}
  EOS
c = <<EOS
plain #{name.upcase}
EOS
print a, b, c
''',
            'Hi Dana,\n  indented\nbye\n  raw #{name}\nplain DANA\n'),
    Snippet('control', r'''def grade(n)
  case n
  when 90..100 then "A"
  when 80...90 then "B"
  when Integer then "C"
  else "?"
  end
end
puts grade(95), grade(85), grade(10), grade("x")
def kind(s)
  case s
  when /^\d+$/ then :number
  when "yes", "no" then :answer
  else :other
  end
end
p kind("42"), kind("no"), kind("?")
i = 0
i += 1 while i < 5
puts i
until i == 0
  i -= 2
  break if i < 2
end
puts i
x = if i > 0 then "pos" else "neg" end
puts x
puts [1, 2, 3].map { |n| n * 2 }.inspect
puts 7 / 2, -7 / 2, 7 % 3, 7.0 / 2
''',
            'A\nB\nC\n?\n:number\n:answer\n:other\n5\n1\npos\n[2, 4, 6]\n3\n-4\n1\n3.5\n'),
    Snippet('exceptions', r'''def risky(n)
  raise ArgumentError, "bad #{n}" if n > 1
  raise "plain" if n == 1
  "ok #{n}"
rescue ArgumentError => e
  "rescued #{e.class}: #{e.message}"
end
puts risky(0), risky(2)
begin
  risky(1)
rescue => e
  puts "#{e.class}: #{e.message}"
else
  puts "no error"
ensure
  puts "ensure ran"
end
tries = 0
begin
  tries += 1
  raise IOError, "flaky" if tries < 3
  puts "succeeded after #{tries}"
rescue IOError
  retry
end
begin
  Integer("zz")
rescue ArgumentError => e
  puts e.message
end
''',
            ('ok 0\n'
             'rescued ArgumentError: bad 2\n'
             'RuntimeError: plain\n'
             'ensure ran\n'
             'succeeded after 3\n'
             'invalid value for Integer(): "zz"\n')),
    Snippet('collections', r'''h = {name: "x", count: 2}
h[:extra] = true
h.each { |k, v| puts "#{k}=#{v}" }
puts h.keys.map(&:to_s).inspect, h.size, h.key?(:name), h.fetch(:count), h.fetch(:none, "dflt")
list = %w[b a c b]
puts list.sort.inspect, list.uniq.inspect, list.first, list.last, list.include?("c")
list.each_with_index { |v, i| print i, v }
puts
puts list.select { |v| v > "a" }.inspect, list.reject { |v| v == "b" }.inspect
puts list.count { |v| v == "b" }, list.any? { |v| v == "z" }, list.all? { |v| v.size == 1 }
puts (1..4).to_a.sum
nums = [3, 1, 2]
nums << 4
puts nums.max, nums.min, nums.inspect
''',
            ('name=x\n'
             'count=2\n'
             'extra=true\n'
             '["name", "count", "extra"]\n'
             '3\n'
             'true\n'
             '2\n'
             'dflt\n'
             '["a", "b", "b", "c"]\n'
             '["b", "a", "c"]\n'
             'b\n'
             'b\n'
             'true\n'
             '0b1a2c3b\n'
             '["b", "c", "b"]\n'
             '["a", "c"]\n'
             '2\n'
             'false\n'
             'true\n'
             '10\n'
             '4\n'
             '1\n'
             '[3, 1, 2, 4]\n')),
    Snippet('classes', r'''class Greeter
  attr_reader :name
  attr_accessor :greeting
  def initialize(name, greeting: "Hello")
    @name = name
    @greeting = greeting
    @count = 0
  end
  def greet
    @count += 1
    "#{greeting}, #{name} (#{@count})"
  end
  def to_s
    "#<Greeter #{name}>"
  end
end
g = Greeter.new("Ann")
puts g.greet
g.greeting = "Hi"
puts g.greet
puts g
puts "#{g}"
module Util
  LIMIT = 3
  def self.clamp(n)
    n > LIMIT ? LIMIT : n
  end
end
puts Util.clamp(5), Util::LIMIT
''',
            'Hello, Ann (1)\nHi, Ann (2)\n#<Greeter Ann>\n#<Greeter Ann>\n3\n3\n'),
    Snippet('keywords_names', r'''def send(from, to, pass = nil)
  "#{from}->#{to} #{pass.inspect}"
end
from = "a"
lambda = 1
is = 2
puts send(from, "b"), lambda + is
''',
            'a->b nil\n3\n'),
    Snippet('time', r'''require 'time'
t = Time.utc(2024, 3, 5, 9, 30, 7)
puts t.rfc2822, t.strftime("%Y-%m-%d %H:%M:%S %Z"), t.strftime("%-d %B %Y, %A"), t.to_i
puts t.year, t.month, t.day, t.hour, t.min, t.sec
''',
            ('Tue, 05 Mar 2024 09:30:07 -0000\n'
             '2024-03-05 09:30:07 UTC\n'
             '5 March 2024, Tuesday\n'
             '1709631007\n'
             '2024\n'
             '3\n'
             '5\n'
             '9\n'
             '30\n'
             '7\n')),
    Snippet('env_argv', r'''host = ENV['PORT_TEST_HOST'] || 'localhost'
ENV['PORT_TEST_MODE'] ||= 'dry'
mode = ENV.fetch('PORT_TEST_MODE')
level = ENV.fetch('PORT_TEST_LEVEL', '3').to_i
first = ARGV.shift || 'nobody'
rest = ARGV
puts host, mode, level + 1, first, rest.inspect, ARGV.size
''',
            'localhost\ndry\n4\nalice\n["bob", "carol"]\n2\n', argv=['alice', 'bob', 'carol']),
    Snippet('optparse', r'''require 'optparse'
options = { port: 25, to: [], verbose: false }
parser = OptionParser.new do |opts|
  opts.banner = 'Usage: tool [options]'
  opts.on('-p', '--port PORT', Integer, 'port') { |v| options[:port] = v }
  opts.on('-t', '--to ADDR', 'recipient') { |v| options[:to] << v }
  opts.on('-v', '--verbose', 'chatty') { options[:verbose] = true }
end
begin
  parser.parse!(ARGV)
rescue OptionParser::ParseError => e
  puts "error: #{e.message}"
  exit 64
end
puts options[:port], options[:to].join(','), options[:verbose], ARGV.inspect
''',
            ('2525\n'
             'a@b,c@d\n'
             'true\n'
             '["x", "y"]\n'),
            argv=['-p', '2525', 'x', '--to', 'a@b', '-t', 'c@d', '-v', 'y']),
    Snippet('optparse_error', r'''require 'optparse'
options = { port: 25 }
parser = OptionParser.new do |opts|
  opts.on('-p', '--port PORT', Integer, 'port') { |v| options[:port] = v }
end
begin
  parser.parse!(ARGV)
rescue OptionParser::ParseError => e
  puts "error: #{e.message}"
  exit 64
end
puts options[:port]
''',
            'error: invalid argument: --port twenty\n', status=64, argv=['--port', 'twenty']),
    Snippet('exit_abort', r'''puts "before"
$stdout.flush
abort "fatal: stopping" if ARGV.empty?
puts "not reached"
''',
            'before\n', status=1),
    Snippet('more_collections', r'''counts = Hash.new(0)
%w[a b a c a b].each { |w| counts[w] += 1 }
counts.each { |k, v| puts "#{k}: #{v}" }
puts counts['zzz']
words = %w[pear fig banana kiwi]
puts words.max_by { |w| w.length }, words.min_by(&:length)
puts [1, 2, 3].inject(0) { |sum, n| sum + n * 2 }
puts [1, 2, 3].reduce(10, :+)
puts %w[x y].inject('') { |acc, s| acc + s.upcase }
class Counter
  @@total = 0
  def self.total
    @@total
  end
  def bump
    @@total += 1
  end
end
Counter.new.bump
Counter.new.bump
puts Counter.total
body = <<~EOS.gsub("\n", "\r\n")
  one
  two
EOS
p body
puts %Q{quoted "#{words.first}"}, %q(single 'raw' #{x}), %(plain #{1 + 1})
x = 5
x -= 1 until x < 3
puts x
begin
  x += 10
end while x < 30
puts x
LIST = %w[red green]
c = 'green'
case c
when *LIST then puts 'listed'
else puts 'other'
end
puts [3, 1, 2].sort.reverse.inspect, [1, 2, 3].sum, [0.5, 1].sum
''',
            ('a: 3\n'
             'b: 2\n'
             'c: 1\n'
             '0\n'
             'banana\n'
             'fig\n'
             '12\n'
             '16\n'
             'XY\n'
             '2\n'
             '"one\\r\\ntwo\\r\\n"\n'
             'quoted "pear"\n'
             "single 'raw' #{x}\n"
             'plain 2\n'
             '2\n'
             '32\n'
             'listed\n'
             '[3, 2, 1]\n'
             '6\n'
             '1.5\n')),
    Snippet('sloppy_syntax', r'''=begin
block comment
=end
def greet name, greeting = "Hi"
  return "nobody" if name.nil? or name.empty?
  "#{greeting}, #{name}!"
end
puts greet("Ann"); puts greet(nil); puts greet("", "Yo")
x = 0
if x.zero? then puts "zero" end
unless x > 0 then puts "not positive" else puts "positive" end
puts "non-nil" if !x.nil? and x == 0
list = [3, nil, 5]
total = 0
list.compact.each do |n|
  next if n == 3
  total += n
end
puts total
words = "The quick brown fox".split
long = words.select { |w|
  w.length > 3
}
puts long.join("-")
puts words.map(&:upcase).first(2).inspect
h = {}
h["a"] ||= []
h["a"] << 1
h["a"] << 2
puts h.inspect
s = "abc"
puts s[0], s[-1], s[1..], s[0, 2]
puts s * 2, "%05.2f" % 3.14159
amount = 1234567
puts amount.to_s.reverse.scan(/\d{1,3}/).join(",").reverse
puts [1, 2, 3].include?(2) ? "yes" : "no"
''',
            ('Hi, Ann!\n'
             'nobody\n'
             'nobody\n'
             'zero\n'
             'not positive\n'
             'non-nil\n'
             '5\n'
             'quick-brown\n'
             '["THE", "QUICK"]\n'
             '{"a"=>[1, 2]}\n'
             'a\n'
             'c\n'
             'bc\n'
             'ab\n'
             'abcabc\n'
             '03.14\n'
             '1,234,567\n'
             'yes\n')),
]


def run_python(source: str, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """Run translated *source* as ``__main__``: (stdout, exit status)."""
    monkeypatch.setattr(sys, "argv", ["snippet.py", *argv])
    out = io.StringIO()
    status = 0
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "snippet.py", "exec"), {"__name__": "__main__"})
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return out.getvalue(), status


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.name for s in SNIPPETS])
def test_snippet_behaves_as_ruby(snippet: Snippet, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("PORT_TEST_HOST", "PORT_TEST_MODE", "PORT_TEST_LEVEL", "NOPE_NOT_SET"):
        monkeypatch.delenv(name, raising=False)
    result = translate(snippet.ruby.encode())
    assert result.diagnostics == [], result.python
    stdout, status = run_python(result.python, snippet.argv, monkeypatch)
    assert (stdout, status) == (snippet.stdout, snippet.status), result.python
