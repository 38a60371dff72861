"""What ``net-smtp port`` refuses to guess: each construct below cannot be
translated into Python that behaves the same (or not with certainty), so
the translation keeps it as commented Ruby under a ``# port:`` marker,
reports its line, and the command exits 1. Everything around it is still
translated."""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_ruby", reason="net-smtp port needs the [port] extra")

from net_smtp.cli.port.engine import translate  # noqa: E402

# (name, Ruby, the line reported, a word of the reason)
CASES = [
    ("range_shown", "r = (1..3)\np r\nputs r, \"#{r}\"\n", 2, "Range shown as text"),
    ("each_value_of_a_range_held_elsewhere",
     "r = (1..3)\nx = r.each { |i| break i if i > 5 }\np x\n", 2, "Range held elsewhere"),
    ("file_open_block_argument", "n = File.open('a.txt', &method(:p))\n", 1,
     "other than &:name"),
    ("eval", "require 'net/smtp'\nconfig = {}\nconfig.instance_eval(File.read('c.rb'))\n", 3,
     "run time"),
    ("erb_read_at_run_time", "require 'erb'\nbody = ERB.new(File.read('t.erb')).result(binding)\n"
     "puts body\n", 2, "ERB"),
    ("erb_hash_read_by_a_method_of_the_script",
     "require 'erb'\ndef stamp; 'x'; end\nt = ERB.new('<%= stamp %> <%= who %>')\n"
     "row = { who: 'a' }\nputs t.result_with_hash(row)\n", 3, "ERB"),
    ("erb_hash_made_over_lines", "require 'erb'\nt = ERB.new('<%= who %>')\n"
     "puts t.result_with_hash(\n  { who: 'a' }.merge(x: 1))\n", 2, "ERB"),
    ("monkeypatch", "require 'net/smtp'\nclass Net::SMTP\n  def hi; end\nend\n", 2, "reopening"),
    ("thread", "t = Thread.new { 1 }\nt.join\n", 1, "Thread"),
    ("top_level_return_in_a_block", "[1, 2].each do |x|\n  return if x == 2\n  p x\nend\n", 2,
     "return outside a method"),
    ("file_read_in_binary_mode", "data = File.open('a.pdf', 'rb') { |f| f.read }\np data.size\n",
     1, "binary mode"),
    ("script_name_shown", "puts \"sent by #{File.basename(__FILE__)}\"\n", 1,
     "__FILE__ shown"),
    ("program_name_held_then_shown", "PROG = File.basename($0, '.rb')\nwarn PROG\n"
     "puts \"#{PROG} done\"\n", 1, "$0 shown"),
    ("own_source_read", "puts File.read(__FILE__).lines[1..3]\n", 1, "__FILE__ shown"),
    ("time_strptime_without_a_year", "require 'time'\nt = Time.strptime('05-02', '%m-%d')\n"
     "p t\n", 2, "without a year"),
    ("time_strptime_ruby_directive", "require 'time'\nt = Time.strptime('2024 5', '%Y %-m')\n"
     "p t\n", 2, "template Python reads otherwise"),
    ("yaml_dump", "require 'yaml'\nputs YAML.dump([1])\n", 2, "YAML"),
    ("yaml_option", "require 'yaml'\nc = YAML.load_file('c.yml', freeze: true)\n", 2,
     "with this option"),
    ("open3_popen", "require 'open3'\nOpen3.popen3('ls') { |i, o, e, t| p o.read }\n", 2,
     "Open3"),
    ("open3_command_of_parsed_values", "require 'open3'\nrequire 'json'\n"
     "cmd = JSON.parse('[\"ls\"]')\nout, st = Open3.capture2(*cmd)\n", 4,
     "may not be Strings"),
    ("comparable_without_spaceship", "class A\n  include Comparable\nend\n", 2,
     "include/extend"),
    ("enumerable", "class Q\n  include Enumerable\n  def each; end\nend\n", 2,
     "include/extend"),
    ("max_by_count", "top = {'a' => 2, 'b' => 1}.max_by(1) { |k, n| n }\np top\n", 1,
     "max_by with arguments and a block"),
    ("sum_with_start", "t = [1, 2].sum(0.0) { |x| x * 2 }\np t\n", 1,
     "sum with arguments and a block"),
    ("system", "system('ls')\n", 1, "shell command"),
    ("object_text", "class A\nend\np A.new\n", 3, "address"),
    ("symbol_and_string_keys", "h = {a: 1, 'b' => 2}\np h\n", 2, "Symbols"),
    ("rfc2822_without_time", "puts Time.now.rfc2822\n", 1, "require 'time'"),
    ("exit_bang", "exit! 3\n", 1, "exit!"),
    ("srand", "srand(1)\n", 1, "srand"),
    ("shared_default", "h = Hash.new([])\n", 1, "mutable"),
    ("define_method", "class A\n  define_method(:x) { 1 }\nend\n", 2, "run time"),
    ("redo", "[1].each { |x| redo }\n", 1, "redo"),
    ("unknown_gem", "require 'mail'\n", 1, "mail"),
    ("require_relative", "require_relative 'helper'\n", 1, "another Ruby file"),
    ("unknown_constant", "puts ObjectSpace.count_objects\n", 1, "ObjectSpace"),
    ("match_unknown", "def f(x)\n  x =~ /a/\nend\n", 2, "=~"),
    ("setter_beside_a_method", "class A\n  def x\n    1\n  end\n  def x=(v)\n    @x = v\n  end\n"
     "end\n", 1, "setter"),
    ("break_in_retry", "loop do\n  begin\n    break\n  rescue\n    retry\n  end\nend\n", 3,
     "retries"),
    ("symbol_key_or_string", "x = ARGV.empty? ? { a: 1 }.keys.first : 'b'\np x\n", 2,
     "Symbols"),
    ("json_error_text", "require 'json'\nbegin\n  JSON.parse('x')\nrescue JSON::ParserError => e\n"
     "  puts e.message\nend\n", 5, "JSON parse error"),
    ("bytes_not_utf8", 'puts "\\xff".bytesize\n', 1, "not UTF-8"),
    ("binary_as_text", "s = File.binread('x')\nputs \"x #{s}\"\n", 2, "binary"),
    ("is_a_symbol", "r = { 'a' => :ok, 'b' => 'text' }\nr.each { |k, v| puts v.is_a?(Symbol) }\n",
     2, "tell apart"),
    ("select_of_unknown_two_params", "def f(x)\n  x.select { |k, v| v }\nend\n", 2,
     "Array or a Hash"),
    ("to_h_of_unknown", "def f(x)\n  x.to_h { |v| [v, 1] }\nend\n", 2, "Array or a Hash"),
    ("symbol_key_of_string_keys", "h = {'a' => 1}\nputs h[:a]\n", 2, "tells them apart"),
    ("string_key_of_symbol_keys", "h = {a: 1}\nputs h.fetch('a')\n", 2, "tells them apart"),
    ("string_key_stored_in_symbol_keys", "h = {a: 1}\nh['a'] = 2\n", 2, "tells them apart"),
    ("key_of_mixed_keys", "h = {a: 1, 'b' => 2}\nputs h['b']\n", 2, "Symbols or Strings"),
    ("keyword_hash_by_string", "def f(**opts)\n  opts['x']\nend\n", 2, "tells them apart"),
    ("symbol_into_json", "require 'json'\nc = JSON.parse('{}')\nputs c['a'][:b]\n", 3,
     "tells them apart"),
    ("string_into_symbolized_json",
     "require 'json'\nc = JSON.parse('{}', symbolize_names: true)\nputs c[:a]['b']\n", 3,
     "tells them apart"),
    ("include_a_module", "class A\n  include Comparable\nend\n", 2, "include/extend"),
    ("statement_in_class_self", "class A\n  class << self\n    puts 1\n  end\nend\n", 3,
     "class << self"),
    ("date_inspect", "require 'date'\np Date.new(2024, 3, 5)\n", 2, "Julian"),
    ("date_plus_a_fraction_of_a_day", "require 'date'\nputs Date.today + 1.5\n",
     2, "other than a number of days"),
    ("json_option", "require 'json'\nc = JSON.parse('{}', object_class: OpenStruct)\n", 2, "option"),
    ("inject_taking_apart_its_value",
     "p [[1, 2]].inject([0, 0]) { |(a, b), (c, d)| [a + c, b + d] }\n", 1, "running value"),
    ("glob_braces", "p Dir.glob('*.{rb,txt}')\n", 1, "braces"),
    ("struct_eql", "S = Struct.new(:a)\np S.new(1).eql?(S.new(1))\n", 2, "eql?"),
    ("struct_holding_symbols", "S = Struct.new(:a)\np S.new(:x)\n", 2, "object"),
    ("logger_file", "require 'logger'\nlog = Logger.new('x.log')\n", 2, "file"),
    ("csv_options", "require 'csv'\nrows = CSV.read('x.csv', col_sep: ';')\n", 2, "options"),
    ("csv_row_as_text",
     "require 'csv'\nCSV.parse(\"a\\n1\\n\", headers: true).each { |r| puts r }\n", 2,
     "CSV row"),
    ("gsub_where_last_match_is_read", "'a' =~ /(a)/\ny = 'b'.gsub(/b/, 'c')\nputs $1\n", 2,
     "$~"),
    ("set_select", "require 'set'\np Set.new([1]).select { |x| x }\n", 2, "select"),
    ("lambda_arity", "f = ->(a, b) { a }\nf.(1)\n", 2, "arguments"),
    ("block_to_a_method_without_one", "def m\n  1\nend\nm { 2 }\n", 4, "takes none"),
    ("logger_block", "require 'logger'\nl = Logger.new($stdout)\nl.debug { 'x' }\n", 3,
     "block"),
    ("fetch_computed_key", "h = { 'a' => 1 }\nk = 'a'\nputs h.fetch(k.upcase) { |x| x }\n", 3,
     "computed"),
    ("env_fetch_two_params", "v = ENV.fetch('X') { |a, b| a }\nputs v\n", 1, "parameters"),
    ("step_by_a_variable", "n = 2\n1.step(9, n) { |i| puts i }\n", 2, "cannot tell"),
    ("range_step_backwards", "(1..9).step(-1) { |i| puts i }\n", 1, "negative"),
    ("method_name_in_a_class_body", "class A\n  X = __method__\nend\n", 2, "class body"),
    ("keyword_args_unknown", "s = 'x'\nputs s.encode('UTF-8', invalid: :replace)\n", 2,
     "keyword arguments"),
    ("optparse_optional_value", "require 'optparse'\nOptionParser.new do |o|\n"
     "  o.on('--cc [ADDR]') { |v| puts v }\nend.parse!\n", 3, "may be left out"),
    ("loop_value_inside_an_expression", "i = 0\nr = [loop { break 1 }]\nputs r\n", 2,
     "used for its value"),
    ("clear_value", "a = [1]\nputs a.clear.size\n", 2, "the value of Array#clear"),
    ("negative_power", "puts 2**-1\n", 1, "Rational"),
    ("shovel_on_an_alias", "a = +'x'\nb = a\nb << 'y'\nputs a\n", 3, "something else"),
    ("shovel_on_a_hash_value", "h = {'k' => +'v'}\ns = h['k']\ns << '!'\n", 3,
     "something else"),
    ("shovel_on_a_parameter", "def add(text)\n  text << '!'\nend\nm = +'x'\nadd(m)\nputs m\n",
     2, "something else"),
    ("shovel_on_a_block_item", "[+'a'].each { |t| t << '1' }\n", 1, "something else"),
    ("shovel_on_a_frozen_literal", "# frozen_string_literal: true\ns = 'x'\ns << 'y'\n", 3,
     "frozen"),
    ("shovel_after_a_store", "s = +'a'\nlist = []\nlist << s\ns << 'b'\np list\n", 4,
     "something else"),
    ("shovel_in_a_loop_that_stores", "out = []\nacc = +''\n[1, 2].each do |i|\n"
     "  acc << i.to_s\n  out << acc\nend\np out\n", 4, "something else"),
    ("shovel_on_a_frozen_heredoc", "# frozen_string_literal: true\nm = <<~T\n  hi\nT\nm << 'x'\n",
     5, "frozen"),
    ("gsub_string_with_hash", "s = 'x'\nputs s.gsub('x', 'x' => 'y')\n", 2, "keyword arguments"),
    ("outer_class_in_a_class_body", "module A\n  N = 1\n  class B\n    M = N\n  end\nend\n", 4,
     "still defining"),
    ("regexp_match_of_nil", "x = ENV['X']\nm = /a/.match(x)\np m.nil?\n", 2, "may not be a String"),
    ("duck_of_a_core_name", "class A\n  def hour\n    1\n  end\nend\ndef f(x)\n  x.hour\nend\n",
     7, "cannot tell"),
    ("duck_method_and_reader", "class A\n  attr_reader :v\nend\nclass B\n  def v\n    2\n  end\n"
     "end\ndef f(x)\n  x.v\nend\n", 10, "cannot tell"),
    ("duck_different_parameters", "class A\n  def go(a)\n  end\nend\nclass B\n  def go(a, b = 1)\n"
     "  end\nend\ndef f(x)\n  x.go(1)\nend\n", 10, "cannot tell"),
    ("csv_generate_other_use", "require 'csv'\ns = CSV.generate { |c| c << [1]; p c.string }\n", 2,
     "more than <<"),
    ("pattern_with_rest", "case {a: 1}\nin {a: Integer, **rest}\n  p rest\nend\n", 2, "**rest"),
    ("pattern_pin", "x = 1\ncase 1\nin ^x\n  puts 'same'\nend\n", 3, "in a pattern"),
    ("private_with_a_receiver", "class A\n  private\n  def x\n    1\n  end\nend\nA.new.x\n", 7,
     "private"),
    ("private_class_method_called", "class A\n  def self.b\n    1\n  end\n  private_class_method :b\n"
     "end\nA.b\n", 7, "private"),
    ("when_splat_of_unknown", "def f(list, x)\n  case x\n  when *list then 1\n  end\nend\n", 3,
     "when *list"),
    ("merge_of_default_block", "h = Hash.new { |hh, k| hh[k] = [] }\nm = h.merge('a' => [1])\n"
     "p m['b']\n", 2, "default block"),
    ("loop_value_by_stop_iteration", "e = [1].each\nx = loop do\n  begin\n    e.next\n  rescue "
     "StopIteration\n    break 1\n  end\nend\n", 2, "StopIteration"),
    ("array_as_a_hash_key", "h = { [1, 2] => 'x' }\np h.size\n", 1, "Array or a Hash"),
    ("smtp_subclass_library_attribute", "require 'net/smtp'\nclass M < Net::SMTP\n"
     "  attr_reader :address\n  def initialize(a)\n    super\n    @address = a.upcase\n  end\n"
     "end\n", 6, "subclass of Net::SMTP"),
    ("bang_on_a_held_line", "rows = ['a ', 'b ']\nrows.each { |l| l.strip! }\n", 2, "also holds"),
    ("shift_onto_a_reader", "class A\n  attr_reader :t\n  def initialize\n    @t = +'a'\n  end\n"
     "end\na = A.new\na.t << 'x'\n", 8, "not in a variable"),
]


@pytest.mark.parametrize("name, ruby, line, why", CASES, ids=[c[0] for c in CASES])
def test_marked_not_guessed(name: str, ruby: str, line: int, why: str) -> None:
    result = translate(ruby.encode())
    reported = {d.line: d.why for d in result.diagnostics}
    assert line in reported, (reported, result.python)
    assert why.lower() in reported[line].lower(), reported[line]
    assert f"# port: {reported[line]}" in result.python
    compile(result.python, name, "exec")  # what is left still runs as Python


def test_the_rest_of_a_marked_script_is_translated() -> None:
    result = translate(b"puts 'before'\nsystem('ls')\nputs 'after'\n")
    assert [d.line for d in result.diagnostics] == [2]
    assert result.python == ("print('before')\n"
                             "# port: system runs a shell command\n"
                             "# system('ls')\n"
                             "print('after')\n")


def test_python_that_does_not_compile_is_reported() -> None:
    """A fault of the translator is a marker too, never exit 0."""
    from net_smtp.cli.port.engine import Line, Translation, _checked, _compile_error

    faulty = Translation("x = (\n", [], [Line("x = (", 3)])
    result = _checked(faulty, _compile_error(faulty))
    assert [(d.line, "does not compile" in d.why) for d in result.diagnostics] == [(3, True)]
