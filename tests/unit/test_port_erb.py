"""``net_smtp.cli.port.erb``: ERB templates compiled to the Ruby they stand
for (each template's output checked with Ruby 3.1's ERB), and the
templates left to the translator's markers."""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_ruby", reason="net-smtp port needs the [port] extra")

from net_smtp.cli.port.engine import translate  # noqa: E402
from net_smtp.cli.port.erb import compile_template  # noqa: E402


@pytest.mark.parametrize("template, trim, statements", [
    ("Hi <%= name %>!\n", None,
     ["_erbout = +''", '_erbout << "Hi "', "_erbout << ((name)).to_s", '_erbout << "!\\n"']),
    ("<% [1].each do |n| -%>\n  <%= n %>\n<% end -%>\n", "-",
     ["_erbout = +''", "[1].each do |n|", '_erbout << "  "', "_erbout << ((n)).to_s",
      '_erbout << "\\n"', "end"]),
    ("  <%- if ok -%>\nyes\n  <%- end -%>\n", "-",
     ["_erbout = +''", "if ok", '_erbout << "yes\\n"', "end"]),
    ('a <%# note %>b <%% c %> "#{x}"\t\\', None,
     ["_erbout = +''", '_erbout << "a "', '_erbout << "b <% c %> \\"\\#{x}\\"\\t\\\\"']),
    ("x <%= '#{y}' %>", None, ["_erbout = +''", '_erbout << "x "', "_erbout << (('#{y}')).to_s"]),
])
def test_templates_compiled_as_erb_does(template: str, trim: str | None,
                                        statements: list[str]) -> None:
    assert compile_template(template, trim) == statements


@pytest.mark.parametrize("template, trim", [
    ("<% if x %>\n", "<>"),          # trim modes other than '-' are not compiled
    ("<% x = 1 # note %>", None),    # a comment would end the generated line
    ("<% if x\n  y %>", None),       # a code tag over several lines
    ("<%= x ", None),                # an unclosed tag
    ("a %%> b", None),
])
def test_templates_not_compiled(template: str, trim: str | None) -> None:
    assert compile_template(template, trim) is None


@pytest.mark.parametrize("ruby, line", [
    ("require 'erb'\nt = ERB.new(File.read('t.erb'))\nputs t.result(binding)\n", 2),
    ("require 'erb'\nt = ERB.new('<%= 1 %>', trim_mode: '<>')\nputs t.result(binding)\n", 2),
    ("require 'erb'\nt = ERB.new('<%= 1 %>')\nputs t.src\n", 2),
])
def test_templates_the_translator_marks(ruby: str, line: int) -> None:
    """A template known only at run time, another trim mode, or a holder
    used for more than its result: ERB stays, and is marked."""
    result = translate(ruby.encode())
    assert line in [d.line for d in result.diagnostics], result.python
