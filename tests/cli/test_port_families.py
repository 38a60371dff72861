"""Rule families of ``net-smtp port`` beyond the first corpus, each a script
of ``tests/cli/port_families/`` checked against real Ruby: iterators and
enumerator chains, blocks/procs/``yield``/``catch``, values of unknown class
(parsed JSON), ``$~`` and regexps, files and directories, library classes
(Set, OpenStruct, Logger, CSV), inheritance and Structs, numbers and
reductions (``inject``, ``<=>``, Float division by zero), multiple
assignment from Arrays of any length, ``split`` with a limit, Symbols made
with ``to_sym``, parsed JSON with String or Symbol keys (``select`` of it,
``%`` with a template read at run time), a Regexp held in a constant,
``KeyError#key``, ``inject`` taking each item apart, ``Date`` (days,
weekdays), more core methods (``partition``, ``rindex``, ``s[start, length]``
as Ruby counts it, ``minmax``, ``delete_at``, ``divmod``, ``to_s(base)``...),
``each_with_object`` taking its item apart, ``(h[k] ||= []) << x``,
``fetch`` with a block (``ENV`` and Hash), ``step``, ``each_cons``, ``__method__``, ``gsub``/``sub``
with a Hash, ``+`` on values of parsed JSON (``ruby.plus``), ``push``/``<<``/``unshift`` used
as values (``ruby.push``), ZeroDivisionError's message, ``p``/``pp``/``inspect`` of
Hashes and lists holding Symbols (``ruby.symbolized``), ``center`` as Ruby pads,
rescue in do ... end blocks, targets assigned from a case, StringIO, an Array's item
past its end (nil), ranges of Dates, Date#strftime with %e, open-ended ranges in
``when``, ``between?``, inherited attr_writers, ``self.class::CONST``, ``pp``'s layout,
Time#yday/httpdate/monday?, respond_to? of a Net::SMTP, tap(&:name), Time.iso8601,
Time.parse/Date.parse of the forms scripts write, next_month/next_year/leap?, ``format``
with ``%p``/``%b``/``%*d`` and extra values, ``gsub`` with values known at run time,
String + a value of unknown class, ``then`` with several statements, respond_to? of
rescued exceptions, ``raise Errno::X``, ``a, = list``, main's instance variables
(globals shared with the top-level defs), ``sort`` with a comparison block,
``Date.strptime``, ctime dates, OptionParser's accepted words, ``Array#delete`` for its
value, ``tap`` inside an expression, ``File#gets``, ``ARGF``, numbered block parameters
(``_1``), ``take_while``/``drop_while``, ``a, *b = []``, OptionParser's error classes, a
method ending in ``out << x`` (its value is out), ``puts`` of an object whose to_s ends a
line, ``Net::SMTP::Address`` readers, ``Time#to_date`` after ``require 'time'``, ``puts`` of a Hash
holding Symbols, endless methods (``def x = expr``), ``=~`` as a value (the position),
``match?`` with a Regexp held in a constant or ``URI::MailTo::EMAIL_REGEXP``, ``-``/``*``/``/``/``%``
and ``x op= y`` on values of parsed JSON (``ruby.arith``), storing into parsed JSON, keyword
shorthand (``f(name:)``), ``ENV.keys``/``ENV.select``, a Hash's ``reject`` with several
statements, a lambda of several statements in a Hash, ``map!`` of a new Array as a value,
``Time.utc(*parts)``, a Struct's ``members``, ``divmod``/``between?``/``round`` of parsed
JSON numbers, ``e.cause``, the readers of a script's own exception class in its rescue
clause, ``equal?``, ``format`` with a keyword splat, ``transform_keys(&:to_sym)`` of parsed
JSON, ``fetch`` with a block for a computed key, ``**h`` into a Struct member Python renames
(``ruby.keywords``), ``rescue Errno::X`` for an errno Python has no
class for (``ruby.errno_class``), a base class calling methods its subclasses define, ``@@x ||=``,
parameter defaults computed at each call (``ruby.UNSET``; an explicit nil stays nil),
``@x ||= begin ... end`` and ``@x ||=`` inside ``class << self``, ``merge`` of parsed JSON,
``smtp.class`` (``Net::SMTP``), ``x || raise(...)`` and ``c ? x : raise(...)`` (``ruby.fail``),
Structs compared and shown as Ruby does (``ruby.Struct``; also
``class Job < Struct.new(...)``), OptionParser's help for
``--name=ARG``, ``File.zero?``, ``FileUtils.rm_f``/``rm_r``/``rm_rf`` (``ruby.remove``), exceptions made with
``new`` and handed on, the message of one made without a text (its class), ``-x`` of parsed
JSON, ``ENV[k] ||= v`` with a v that may be nil, attributes ``initialize`` does not set (nil
until assigned), ``OpenStruct.new(:a => 1)``, ``uniq`` with a block or ``&:name``, Ruby's ``^``
(no line starts after a text's final newline), ``Hash.new { |h, k| h[k] = Hash.new(0) }``,
``\\h`` in a regexp, ``values_at`` of an Array, ``to_h`` with several statements, ``Time#gmtime``/
``utc`` (which change the Time itself), a local converted into another kind under its own name
(``pct = pct.delete('%').to_i``: a new Python name where nothing else can tell), ``fetch``'s
KeyError and IndexError texts, ``is_a?``/``instance_of?``/``when`` with Integer, Numeric,
TrueClass and the like (true is not an Integer), the script's own ``$globals`` (module globals
``g_name``), CSV's ``converters: :numeric``, ``IO.foreach``/``IO.readlines``, ``ARGV.fetch(0) { ... }``,
modules of the script ``include``d (base classes, their methods calling the class's readers),
a class method's ``name``, ``map do ... rescue ... end``, ``rescue IOError`` and
``rescue SystemCallError`` as Ruby draws them (Python's OSError is both), ``Errno::X`` in a list
for ``rescue *LIST``, ``group_by``/``uniq``/``tally`` by Arrays (``ruby.hash_key``), ``rescue JSON::ParserError``,
``Hash#sort``, ``\\xNN`` escapes read as UTF-8 bytes, ``File.binread`` with ``pack('m')``/Base64,
``pack('M')``, the messages of file errors (``No such file or directory @ rb_sysopen - path``),
a class's own ``def [](key)``, ``negative?``/``positive?`` of Floats and parsed JSON, ``sort`` of a
Hash grouped by JSON values, String methods as Ruby has them (``split('')``, ``prepend``...), ``max(n)``,
``rotate``, defaults set inside ``OptionParser.new``'s block, a switch declared twice, methods
called on values of a class the translator cannot tell that only the script's classes define
(``duck_calls``), nested classes and constants named from a class body, ``X =
Class.new(StandardError)``, ``Regexp#match``, ``inject`` changing its running value in place,
``<<`` on a new String, ``a -= b`` of Arrays, ``chomp!``/``strip!`` on lines read, ``|(a, b), i|``
over rows of any length, ``:helo =>`` passed as a keyword, OptionParser's ``parse!(into: h)``,
Symbols that ``p`` quotes (``:"dry-run"``), ``URI.decode_www_form``/``encode_www_form`` and their
``_component`` forms, ``ENV`` as a value (``def initialize(env = ENV)``: ``os.environ``, and a Hash
in its place), an option given several times (its block run each time, a flag counted),
``String#lines(chomp: true)``, ``Hash[pairs]``, ``CSV.generate``, Ruby 3's pattern matching
(``case``/``in`` with Hash, Array and Struct patterns, ``=>``, ``|`` and guards), ``attr_writer``
beside a reader method of the same name, a ``**hash`` given to a method's keywords (a missing or
unknown keyword is Ruby's ArgumentError), ERB templates written in the script (``result(binding)``,
``result_with_hash``, ``trim_mode: '-'``, ``ERB::Util.h``), an enumerator asked for an Array
method (``each_line.grep``), ``a |= b``, ``ENV.values_at``, ``Regexp.escape``, ``next`` with a value in
a ``map`` block, ``a = b = value``, ``/`` of numbers that are Integers or Floats only at run time,
OptionParser options accepting words, a Hash of words or a Regexp held in a constant (and the flag
as given in its errors), ``Hash.new(default).merge``, ``when *LIST`` of Regexps, ``(x += 1)`` as a value, ``__method__``
outside a def, ``to_h`` of pairs known at run time, ``Array#fetch`` with a block, the value of
``loop do ... end`` (``break value``), ``e.class.superclass``, splat block parameters
(``|id, *rest|``), instance variables read before any assignment, ``merge`` of overrides that may
hold any key, ``concat`` as a branch's value, ``Digest::SHA256.hexdigest``, ``File.read(encoding: 'UTF-8')``,
``|(status, path), n|``, a subclass of Net::SMTP (its methods reading the library's readers,
``p`` of one, the class-level ``start``), ``URI.parse`` of an SMTP URL, ``fetch`` with a block that
raises, CSV's ``header_converters: :symbol``, ``any?``/``all?``/``none?`` with several statements,
``File.foreach(path, chomp: true)``, ``inject`` adding numbers of parsed JSON, ``Time.utc`` of
Integers that may be nil, ``break value`` out of ``each`` (the receiver, a ``ruby.Range`` for a
range literal, when no break left it), ``x = a or next`` inside loops and rescue clauses,
``ENV[k.strip] ||= v``, ``x = Integer(s) rescue (puts ...; exit 3)``, ``self.class`` of the
script's objects (``class << self`` accessors) and classes shown by name, the value of
``File.open`` with a block or ``&:readline``, ``IO#readline``, ``sub`` with a regexp where ``$1``
is read, a Struct with ``to_s`` that may be nil shown in a String, a class's own ``def <<``,
``Range#cover?``/``include?`` of a range literal, ``a || b`` in a block feeding a comprehension
(no walrus there), ``format('%.2f', x)`` as Ruby rounds it, a p of a Struct that may be nil,
script classes named like Python's builtins (``ImportError_``) shown by their Ruby names, ``p`` of
the script's own exceptions, ``delete_at`` with a computed index and ``slice!(start, length)``
(``ruby.delete_at``, ``ruby.slice_out``), the local ``if (i = ...)`` tests (not nil in its branch),
``min``/``max`` of an Array written with its items, ``ENV[k] = v`` for a v that may be nil (nil
deletes k), the ``lines`` of what ``File.binread`` gives, values that may be a Symbol or a String
shown (the script's Symbols written as ``ruby.Symbol``), ``partition``/``sum``/``count`` with blocks
of several statements (``a, b = items.partition do ... end``), the right side of ``x && ...``,
``x.nil? || ...`` and ``!x.nil? && ...`` seeing x not nil, ``a, b = m(x)`` where m may give
nil or any value, ``<<`` chains of pieces that may be nil, ``$0``/``__FILE__`` where only
stderr, exits, banners and the script's directory see them, ``x = case ... else raise``,
``h[k] = case ... end``, ``Hash.new { |h, k| h[k] = value }`` (``ruby.DefaultHash``), classes
that include Comparable, ``Timeout.timeout`` passing the rescue clauses inside its block,
``index``/``rindex`` with a block, ``x ? ... : y``, ``if a && b``, the ``else`` of
``if x.nil?``, ``if opts[:n]`` and ``abort if x.nil? || x.zero?`` seeing what they test not
nil, numbers of parsed JSON (``abs``, ``divmod``, ``'#' * n``), parsed values sorted in place,
compared with ``between?``, given to ``gsub`` with a block, ``CGI.escapeHTML`` and
``values_at``, ``nonzero?``, ``cwyear``, ``File.readable?``, ``Time.strptime`` (a zone at the
end; text after the template ignored), ``Time - $global_time``, a ctime with a zone after the
year (Ruby ignores it), ``list.last - list.first`` of Times and Dates, ``zip`` with an Array
that may be nil, ``Date::MONTHNAMES`` and its fellows, ``printf`` and ``format`` with a
splat, ``rotate!``, an index that may be nil, ``delete_prefix`` of parsed values, YAML
settings (``YAML.load_file``/``safe_load`` with ``aliases:``, ``symbolize_names:``,
``permitted_classes:``; Psych's errors rescued), commands (``Open3.capture3``/``capture2e``/
``capture2``, backticks, ``$?``, ``Process::Status``), ``p x.class`` showing the class bare,
a constant that may be a String or an Integer (``PORT.to_i``),
``Digest::SHA256.file(path).hexdigest`` and the digest of bytes, ``list.then { |h, m| ... }``,
``obj.m(x.tap { ... })``, ``Dir.entries``,
``Fixnum``, a class body naming its own Struct, ``%w[a\\ b]``, ``File.write`` with
``mode: 'a'``, ``Float#div``, ``result_with_hash`` of a Hash held in a local, Ranges of Floats
asked ``cover?``, ``between?`` of Floats, several block parameters for items of parsed JSON,
Kernel#open of a computed path (a file or ``|command``), ``File.open`` in ``'wb'``, a Struct
that includes Comparable, ``transform_values(&:to_f)`` and ``last(n)`` of parsed JSON,
``Date.commercial``, a Date local moved by ``+=``, ``unicode_normalize``, ``JSON.load_file``,
``select`` of parsed JSON with a block of several statements and ``next value``, ``sort`` by Ruby's
``<=>`` of values known only at run time, Dates merged into rows of parsed JSON, ``date - date``
as a Rational, a Regexp held in a constant given to ``gsub`` (with a block of several statements)
and ``index``, ``return`` at the top level, ``Regexp#match?`` of a value that may be nil, ``CSV.foreach``
without a block asked for its rows, ``sort_by`` by Ruby's ``<=>`` of values known only at run time,
``$.``, ``values_at(*keys)`` of a Hash, ``Date.new`` with a day counted from the end,
``Date.valid_date?``, a block whose one statement is ``case``/``in``, ``combination(n)``, DateTime, ``(ENV[k] ||= d)`` as a value, ``if``/``unless`` as
a value where a statement cannot go, a retry counter set with ``||=``, and small idioms.

``NAME.out`` is what ``TZ=UTC ruby NAME.rb`` printed (Ruby 3.1 with net-smtp
0.5.1 and net-protocol 0.2.2 on its load path, run in an empty directory,
exit status 0). The test translates ``NAME.rb`` (which must
need no marker), runs the Python the same way in an empty directory and
compares standard output and the exit status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("tree_sitter_ruby", reason="net-smtp port needs the [port] extra")

from net_smtp.cli.port.engine import translate  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = Path(__file__).resolve().parent / "port_families"
SCRIPTS = sorted(FAMILIES.glob("*.rb"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_family_behaves_as_ruby(script: Path, tmp_path: Path) -> None:
    result = translate(script.read_bytes())
    assert result.diagnostics == [], result.python
    program = tmp_path / f"{script.stem}.py"
    program.write_text(result.python, encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "TZ": "UTC", "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run([sys.executable, program.name], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    expected = script.with_suffix(".out").read_text(encoding="utf-8")
    assert (run.stdout, run.returncode) == (expected, 0), run.stderr + result.python
