"""Regular expressions and the String methods that take them or a format:
``gsub``/``sub``/``scan``/``match``/``=~``/``str[/re/, 1]``, ``%`` and
``format``. Ruby's and Python's regexp dialects agree on what scripts
use; Ruby-only syntax (``\\A``/``\\z`` aside, possessive and named-group
forms, ``(?<name>)``) is translated or marked."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..engine import P_AND, P_CALL, P_CMP, Call, Expr, last_match_read, regex_flags
from ..syntax import Node
from ..types import BOOL, INT, T, list_of
from . import blocks, strings
from .calls import register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["MATCH", "capture", "compiled", "format_operator", "keeps_no_match", "last_match",
           "match_operator", "regex_value", "search", "string_regex_method"]


_HOLE = "\x00"


def _pattern(tr: Translator, node: Node) -> tuple[str, str, list[str]]:
    """The Python source of a regexp literal (``\\x00`` where a ``#{...}``
    goes), its flags, and the code of each interpolated value."""
    parts = []
    holes: list[str] = []
    for child in node.named_children:
        if child.type in ("string_content", "escape_sequence"):
            parts.append(tr.text(child))
        elif child.type == "interpolation" and len(child.named_children) == 1:
            value = tr.expr(child.named_children[0])
            if value.type.is_("int"):
                holes.append(f"str({value.code})")
            elif value.type.is_("str"):
                holes.append(value.code)
            else:
                raise tr.fail(child, "interpolation of something but a String or an Integer "
                                     "inside a regexp")
            parts.append(_HOLE)
        else:
            raise tr.fail(child, "interpolation inside a regexp")
    source = "".join(parts)
    text = tr.text(node)
    flags = text[text.rindex("/") + 1:].replace("o", "") if text.startswith("/") else ""
    if "(?<" in source.replace("(?<=", "").replace("(?<!", ""):
        source = source.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
    source = _hex_digits(source)
    if re.search(r"\\[hHRXK]|\\p\{|\\z|\\Z|\(\?[imx]*-?[imx]*\)|[*+?]\+", source):
        if "\\z" in source and not re.search(r"\\[hHRXK]|\\p\{|\\Z", source):
            source = source.replace("\\z", "\\Z")
        else:
            raise tr.fail(node, "Ruby-only regexp syntax")
    # Ruby's ^ and $ match at every line; Python needs MULTILINE for that.
    if "^" in source.replace("[^", "") or "$" in source:
        flags += "M"
        source = _line_starts(source)
    return source, flags, holes


_NOT_AT_END = r"(?:^(?!\Z)|\A)"
"""Ruby's ``^`` in Python: Python's (MULTILINE) also matches at the very end
of a text that ends with a newline, where Ruby sees no line."""


def _line_starts(source: str) -> str:
    """*source* with each ``^`` that could match at such an end written as
    :data:`_NOT_AT_END`: all of them, unless the only one leads the pattern
    and nothing the pattern matches is empty there."""
    tokens = list(_tokens(source))
    anchors = [i for i, (token, inside) in enumerate(tokens) if token == "^" and not inside]
    if not anchors:
        return source
    if anchors == [0] and _HOLE not in source:
        try:
            if re.compile(source, re.MULTILINE).match("\n", 1) is None:
                return source
        except re.error:
            pass
    return "".join(_NOT_AT_END if i in anchors else token
                   for i, (token, _) in enumerate(tokens))


def _hex_digits(source: str) -> str:
    """Ruby's ``\\h`` (a hexadecimal digit) in Python's notation, inside
    and outside ``[...]``; ``\\H`` outside one (inside, it stays and is
    marked as Ruby-only)."""
    return "".join("0-9a-fA-F" if token == "\\h" and inside else
                   "[0-9a-fA-F]" if token == "\\h" else
                   "[^0-9a-fA-F]" if token == "\\H" and not inside else token
                   for token, inside in _tokens(source))


def _tokens(source: str) -> Iterator[tuple[str, bool]]:
    """The pieces of a pattern: an escape (two characters) or a character,
    each with whether it is inside ``[...]`` (a ``]`` right after ``[`` or
    ``[^`` is one of the class's characters)."""
    inside = False
    i = 0
    while i < len(source):
        token = source[i:i + 2] if source[i] == "\\" else source[i]
        if token == "[" and not inside:
            inside = True
            yield token, False
            opening = source[i + 1:i + 3] if source[i + 1:i + 2] == "^" else source[i + 1:i + 2]
            if opening.endswith("]"):  # [] ... or [^] ...: the ] belongs to the class
                yield opening, True
                i += len(opening)
        elif token == "]" and inside:
            inside = False
            yield token, True
        else:
            yield token, inside
        i += len(token)


def compiled(tr: Translator, node: Node) -> str:
    """``re.compile(r'...')`` for a regexp literal (pieces joined with ``+``
    around interpolated values)."""
    source, flags, holes = _pattern(tr, node)
    tr.need("re")
    names = regex_flags(flags.replace("M", ""))
    if "M" in flags:
        names = "re.MULTILINE" + (" | " + names if names else "")
    pieces = source.split(_HOLE)
    joined = [_raw(piece) for piece in pieces[:1] if piece]
    for code, piece in zip(holes, pieces[1:]):
        joined.append(code)
        if piece:
            joined.append(_raw(piece))
    return f"re.compile({' + '.join(joined) or _raw('')}{', ' + names if names else ''})"


def _raw(source: str) -> str:
    if "'" not in source and not source.endswith("\\"):
        return f"r'{source}'"
    if '"' not in source and not source.endswith("\\"):
        return f'r"{source}"'
    return repr(source)


def _held_regexp(tr: Translator, node: Node) -> str | None:
    """The compiled pattern of a regexp literal or of a value known to be a
    Regexp (a constant holding one); None for anything else."""
    if node.type == "regex":
        return compiled(tr, node)
    if node.type in ("identifier", "constant", "scope_resolution"):
        held = tr.expr(node)
        if held.type.is_("regex"):
            return tr.wrap(held, P_CALL)
    return None


def regex_value(tr: Translator, node: Node) -> Expr:
    return Expr(compiled(tr, node), T("regex"), P_CALL)


MATCH = T("match", nilable=True)


def search(tr: Translator, pattern: str, subject: str) -> str:
    """Python for matching *subject*; where the script reads ``$1``... the
    match is kept in ``last_match`` (Ruby's ``$~``)."""
    if tr.reads_last_match():
        return f"(last_match := {pattern}.search({subject}))"
    return f"{pattern}.search({subject})"


def keeps_no_match(tr: Translator, node: Node, what: str) -> None:
    """*what* sets Ruby's ``$~`` too; where the script reads it, only the
    forms :func:`search` writes keep it."""
    if tr.reads_last_match():
        raise tr.fail(node, f"{what} in a script that reads $~ / $1 (it sets them too)")


def last_match(tr: Translator, node: Node, group: Expr | None) -> Expr:
    """``$~``, ``$1``, ``Regexp.last_match(n)``."""
    if group is None:
        return Expr("last_match", MATCH)
    return Expr(f"{tr.runtime('group')}(last_match, {group.code})", T("str", nilable=True),
                P_CALL)


def match_operator(tr: Translator, node: Node, op: str, left: Node, right: Node) -> Expr:
    """``str =~ /re/`` (or a Regexp held in a name) as a condition (the match
    position is rarely used)."""
    if right.type == "regex":
        pattern, subject = compiled(tr, right), tr.expr(left)
    elif left.type == "regex":
        pattern, subject = compiled(tr, left), tr.expr(right)
    else:
        lhs, rhs = tr.expr(left), tr.expr(right)
        if rhs.type.is_("regex"):
            pattern, subject = tr.wrap(rhs, P_CALL), lhs
        elif lhs.type.is_("regex"):
            pattern, subject = tr.wrap(lhs, P_CALL), rhs
        else:
            raise tr.fail(node, "=~ with no side known to be a Regexp")
    found = search(tr, pattern, subject.code)
    if op == "=~" and not _read_as_truth(node):  # the position is the value
        if not subject.type.is_("str"):
            raise tr.fail(node, "the position =~ gives, of a value that may not be a String")
        return Expr(f"{tr.runtime('position')}({found})", INT.nil(), P_CALL)
    if not subject.type.is_("str"):
        if subject.type.kind == "str":
            test = f"{tr.wrap(subject, P_CMP + 1)} is not None and {found} is not None"
            return Expr(test if op == "=~" else f"not ({test})", BOOL, 3)
        raise tr.fail(node, "=~ on a value that may not be a String")
    return Expr(f"{found} is {'not ' if op == '=~' else ''}None", BOOL, P_CMP)


_CONDITIONS = frozenset({"if", "unless", "while", "until", "if_modifier", "unless_modifier",
                         "while_modifier", "until_modifier", "conditional", "elsif"})
_TRUTH_BLOCKS = frozenset({"select", "filter", "reject", "find", "detect", "any?", "all?",
                           "none?", "one?", "count", "partition", "take_while", "drop_while",
                           "find_index", "delete_if", "keep_if", "select!", "reject!",
                           "filter_map"})


def _read_as_truth(node: Node) -> bool:
    """Whether only the truth of the expression at *node* counts: a
    condition, an operand of ``!``, or (through ``&&``, ``||`` and
    parentheses) part of one, or the last value of a block whose method
    reads it as a truth (``select``, ``any?``...)."""
    while True:
        parent = node.parent
        if parent is None:
            return False
        if parent.type in _CONDITIONS:
            return bool(parent.child_by_field_name("condition") == node)
        if parent.type == "unary":
            return parent.child_by_field_name("operator").type in ("!", "not")
        if parent.type == "parenthesized_statements" or parent.type == "binary" and \
                parent.child_by_field_name("operator").type in ("&&", "||", "and", "or"):
            node = parent
            continue
        if parent.type in ("block_body", "body_statement") and parent.named_children[-1] == node:
            block = parent.parent
            call = block.parent if block is not None else None
            method = call.child_by_field_name("method") if call is not None else None
            return method is not None and str(method.text.decode()) in _TRUTH_BLOCKS
        return False


def capture(tr: Translator, node: Node, obj: Expr, regex: Node, group: Expr | None) -> Expr:
    """``str[/re/]`` and ``str[/re/, 1]``: the match (or group), or nil."""
    if not obj.type.non_nil().is_("str"):  # (nil raises in both languages)
        raise tr.fail(node, "[/re/] on a value that may not be a String")
    keeps_no_match(tr, node, "String#[] with a regexp")
    pattern = compiled(tr, regex)
    index = group.code if group is not None else "0"
    # (a function, not a walrus: this may sit in a comprehension's iterable)
    return Expr(f"{tr.runtime('group')}({pattern}.search({obj.code}), {index})",
                T("str", nilable=True), P_CALL)


def _replacement(tr: Translator, node: Node) -> str:
    """A Ruby replacement string (``\\1``, ``\\0``) as Python's."""
    e = tr.expr(node)
    if not e.type.is_("str"):
        raise tr.fail(node, "a replacement that may not be a String")
    if node.type != "string" or any(c.type == "interpolation" for c in node.named_children):
        if "\\" in e.code:
            raise tr.fail(node, "a computed replacement with backslashes")
        return e.code
    value = ast.literal_eval(e.code) if e.code[:1] in "'\"" else None
    if value is None:
        return e.code
    converted = re.sub(r"\\(\d|k<\w+>|&)", lambda m: "\\g<0>" if m.group(1) in ("0", "&")
                       else (f"\\g<{m.group(1)[2:-1]}>" if m.group(1).startswith("k")
                             else "\\" + m.group(1)), value)
    converted = converted.replace("\\\\", "\\\\")
    return tr.string(converted)


def _may_hold_backslash(code: str) -> bool:
    """Whether the Python expression *code* may produce a backslash."""
    if code[:1] in "'\"":
        try:
            value = ast.literal_eval(code)
        except (ValueError, SyntaxError):
            value = None
        if isinstance(value, str):
            return "\\" in value
    # A computed text: its characters are unknown here; scripts pass names,
    # addresses and counts, so only a backslash written in the code counts.
    return "\\" in code


def string_regex_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    args = call.args
    r = tr.wrap(recv, P_CALL)
    # the compiled pattern of a regexp given first (a literal, or a constant holding one)
    held = _held_regexp(tr, args[0]) if args and name in (
        "gsub", "sub", "scan", "index", "slice", "slice!", "match", "match?") else None
    if name in ("gsub", "sub") and len(args) == 1 and call.block is not None and \
            held is not None:
        return _sub_with_block(tr, call, recv, held)
    # sub(/re/, 'text') of a name sets $~ as a search of it does (kept below)
    sets_match = name == "sub" and len(args) == 2 and call.block is None and \
        re.fullmatch(r"[\w.]+", recv.code) is not None
    if name not in ("match", "match?") and held is not None and not sets_match:
        keeps_no_match(tr, call.node, f"String#{name} with a regexp")
    if name in ("match", "match?") and len(args) == 1 and call.block is None and \
            held is not None:
        if name == "match?":
            return Expr(f"{held}.search({recv.code}) is not None", BOOL, P_CMP)
        return Expr(search(tr, held, recv.code), MATCH, P_CALL)
    if name in ("gsub", "sub") and len(args) >= 2 and args[0].type == "regex" and \
            call.block is None and (args[1].type == "pair" or len(args) == 2 and args[1].type in (
                "identifier", "constant") and tr.expr(args[1]).type.is_("dict")):
        return _sub_with_hash(tr, call, recv)
    if name in ("gsub", "sub") and len(args) == 2 and call.block is None:
        if held is not None:
            pattern = held
            repl = _replacement(tr, args[1])
            count = ", count=1" if name == "sub" else ""
            if sets_match and tr.reads_last_match():
                return Expr(f"{pattern}.sub({repl}, {recv.code}{count}) if "
                            f"{search(tr, pattern, recv.code)} else {recv.code}", T("str"), 1)
            return Expr(f"{pattern}.sub({repl}, {recv.code}{count})", T("str"), P_CALL)
        old = tr.expr(args[0])
        new = tr.expr(args[1])
        if not (old.type.is_("str") and new.type.is_("str")) or _may_hold_backslash(new.code):
            # Ruby's TypeError and backslash notation, in the runtime
            once = ", once=True" if name == "sub" else ""
            return Expr(f"{tr.runtime('sub')}({recv.code}, {old.code}, {new.code}{once})",
                        T("str"), P_CALL)
        count = ", 1" if name == "sub" else ""
        return Expr(f"{r}.replace({old.code}, {new.code}{count})", T("str"), P_CALL)
    if name == "scan" and len(args) == 1 and args[0].type == "regex" and call.block is None:
        pattern = compiled(tr, args[0])
        source, _, holes = _pattern(tr, args[0])
        if not holes and not re.compile(source).groups:
            return Expr(f"{pattern}.findall({recv.code})", list_of(T("str")), P_CALL)
        # groups (or a pattern known only at run time): Ruby gives each
        # match's groups, nil for one that did not take part
        groups = re.compile(source.replace(_HOLE, "")).groups if not holes else -1
        item = list_of(T("str", nilable=True)) if groups > 0 else T("any", name="mixed")
        return Expr(f"{tr.runtime('scan')}({pattern}, {recv.code})", list_of(item), P_CALL)
    if name in ("index",) and len(args) == 1 and args[0].type != "regex":
        sub = tr.expr(args[0])
        m = tr.temp("at")
        if sub.type.is_("regex"):  # where the first match starts
            return Expr(f"{m}.start() if ({m} := {tr.wrap(sub, P_CALL)}.search({recv.code})) "
                        f"else None", INT.nil(), 1)
        if sub.type.kind not in ("str", "any"):  # (nil raises in both languages)
            raise tr.fail(call.node, "String#index of a value that is not a String")
        return Expr(f"{m} if ({m} := {r}.find({sub.code})) >= 0 else None", INT.nil(), 1)
    if name in ("count", "delete", "tr") and len(args) == (2 if name == "tr" else 1) and \
            all(a.type != "regex" for a in args):
        # character sets in Ruby's notation (a-z, ^...): the runtime reads them
        sets = [tr.expr(a) for a in args]
        if not all(e.type.is_("str") for e in sets):
            raise tr.fail(call.node, f"String#{name} of something but a String")
        codes = ", ".join([recv.code] + [e.code for e in sets])
        return Expr(f"{tr.runtime(name)}({codes})", INT if name == "count" else T("str"),
                    P_CALL)
    if name in ("%", "format") and len(args) == 1:
        return format_operator(tr, call.node, recv, args[0])
    return None


_PLAIN = ("str", "int", "float")


def format_operator(tr: Translator, node: Node, template: Expr, args_node: Node) -> Expr:
    """``fmt % value`` and ``fmt % [a, b]``."""
    if args_node.type == "string_array" and all(
            c.type == "bare_string" and all(g.type == "string_content" for g in c.named_children)
            and "\\" not in tr.text(c)
            for c in args_node.named_children):  # %w[a b]: the words as they are
        values = [Expr(tr.string(tr.text(c)), T("str", nl="no")) for c in
                  args_node.named_children]
    elif args_node.type == "array":
        values = [tr.expr(c) for c in args_node.named_children]
    else:
        value = tr.expr(args_node)
        if value.type.kind == "list":
            raise tr.fail(node, "% with an Array in a variable")
        values = [value]
    return format_call(tr, node, template, values)


def format_call(tr: Translator, node: Node, template: Expr, values: list[Expr]) -> Expr:
    """``format(fmt, a, b)`` / ``fmt % [a, b]``: Python's ``%`` where it
    writes what Ruby writes; the runtime's ``format`` for a template known
    only at run time, named references, directives only Ruby has (``%p``,
    ``%b``, ``%*d``), ``%f`` of a value that may be a float (Ruby rounds it
    its own way) and a count of values that does not match."""
    literal = template.code.lstrip("f")[:1] in "'\""
    if literal and re.search(r"%[-+ 0#]*(\d+|\*)?(\.\d+)?[aA]", template.code):
        raise tr.fail(node, "a format directive Python writes differently")
    named = re.search(r"%<\w+>|%\{\w+\}", template.code)
    if named and (len(values) != 1 or not values[0].type.is_("dict")):
        raise tr.fail(node, "named format references without one Hash")
    consumed = len(re.findall(r"%[-+ 0#]*(?:\d+)?(?:\.\d+)?[a-zA-Z]", template.code.replace(
        "%%", ""))) if literal else -1
    ruby_only = not literal or bool(named) or consumed != len(values) or bool(re.search(
        r"%[-+ 0#]*(\d+|\*)?(\.\d+)?[bBp]|%[-+ 0#]*\*", template.code)) or (
        # Ruby rounds %.2f of a float its own way (ruby.format keeps it)
        bool(re.search(r"%[-+ 0#]*\d*(\.\d*)?[fF]", template.code)) and
        any(not v.type.is_("int") for v in values))
    nl = "?"
    if ruby_only and re.search(r"%(<\w+>)?[-+ 0#]*(\d+|\*)?(\.\d+)?p", template.code):
        # %p shows its value as inspect does: Symbols must be Symbols
        values = [Expr(strings.inspected(tr, v, node, "format %p")
                       if strings.has_symbols(v.type) else v.code, v.type) for v in values]
    elif not ruby_only and template.code[:1] in "'\"" and template.type.kind == "str":
        text = ast.literal_eval(template.code)
        last = re.search(r"%[-+ 0#]*\d*(?:\.\d+)?(\w)$", text)
        if text.endswith("\n"):
            nl = "yes"
        elif last is None:
            nl = "no"
        elif last.group(1) != "s":
            nl = "no"
        elif values and values[-1].type.kind in ("int", "float", "bool", "nil") or (
                values and values[-1].type.kind == "str" and values[-1].type.nl == "no"):
            nl = "no"
    if not ruby_only and all(v.type.is_(*_PLAIN) for v in values):
        inner = values[0].code if len(values) == 1 and not values[0].type.is_("list") else \
            "(" + ", ".join(v.code for v in values) + ("," if len(values) == 1 else "") + ")"
        if len(values) == 1 and values[0].prec < 12:
            inner = f"({values[0].code})"
        return Expr(f"{tr.wrap(template, 12)} % {inner}", T("str", nl=nl), 11)
    codes = ", ".join([template.code] + [v.code for v in values])
    return Expr(f"{tr.runtime('format')}({codes})", T("str", nl=nl), P_CALL)


def _sub_with_block(tr: Translator, call: Call, recv: Expr, pattern: str) -> Expr:
    """``gsub(/re/) { |m| ... }``: ``re.sub`` with a function of the match;
    inside the block ``$~`` / ``$1`` are that match, as in Ruby."""
    assert call.block is not None
    body = blocks.one_expression(call.block)
    names = blocks.block_params(tr, call.block)
    count = ", count=1" if call.name == "sub" else ""
    found = "last_match"  # the lambda's own: $~ in the block is its match
    if len(names) > 1:
        raise tr.fail(call.node, f"{call.name} with a block of several parameters")
    if body is None:
        # several statements: a function of the matched text, before the statement
        if last_match_read(call.block, call.block) or not blocks.definable(tr, call.block):
            raise tr.fail(call.node, f"{call.name} with a block of several statements")
        replace_with = blocks.function_for_block(tr, call.block, "replaced", [T("str")])
        return Expr(f"{pattern}.sub(lambda {found}: {tr.runtime('to_s')}("
                    f"{replace_with}({found}.group(0))), {recv.code}{count})", T("str"), P_CALL)
    with blocks.params_bound(tr, names, [T("str")], {n: f"{found}.group(0)" for n in names}):
        value = strings.str_of(tr, tr.expr(body))  # Ruby takes the block's to_s
    return Expr(f"{pattern}.sub(lambda {found}: {value.code}, {recv.code}{count})", T("str"),
                P_CALL)


def _sub_with_hash(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``gsub(/re/, 'a' => 'b')`` (or a Hash held in a variable or constant):
    each match is replaced by the Hash's value for the matched text, the
    empty String when it has none, as in Ruby."""
    rest = call.args[1:]
    if rest[0].type == "pair":
        if any(a.type != "pair" for a in rest):
            raise tr.fail(call.node, f"{call.name} with a Hash and more arguments")
        from .collections import hash_of  # collections uses this module

        table = hash_of(tr, rest, str(call.node.start_byte))
    else:
        table = tr.expr(rest[0])
    found = tr.temp("found")
    looked = f"{tr.wrap(table, P_CALL)}.get({found}.group(0))"
    value = table.type.elem
    shown = f"{looked} or ''" if value is not None and value.is_("str") else \
        f"{tr.runtime('to_s')}({looked})"
    count = ", count=1" if call.name == "sub" else ""
    return Expr(f"{compiled(tr, call.args[0])}.sub(lambda {found}: {shown}, {recv.code}{count})",
                T("str"), P_CALL)


def _match_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """A MatchData: ``captures``, ``pre_match``, ``post_match``, ``to_s``."""
    m = tr.wrap(recv, P_CALL)
    if call.args or call.block is not None:
        return None
    forms = {"captures": (f"list({m}.groups())", list_of(T("str", nilable=True))),
             "pre_match": (f"{m}.string[:{m}.start()]", T("str")),
             "post_match": (f"{m}.string[{m}.end():]", T("str")),
             "to_s": (f"{m}.group(0)", T("str"))}
    if call.name not in forms:
        return None
    code, t = forms[call.name]
    return Expr(code, t, P_CALL)


def _regexp_class(tr: Translator, call: Call) -> Expr | None:
    if call.name == "last_match" and len(call.args) <= 1:
        group = tr.expr(call.args[0]) if call.args else None
        return last_match(tr, call.node, group)
    if call.name in ("escape", "quote") and len(call.args) == 1 and call.block is None:
        text = tr.expr(call.args[0])
        if not text.type.is_("str"):
            raise tr.fail(call.node, f"Regexp.{call.name} of a value that may not be a String")
        return Expr(f"{tr.runtime('regexp_escape')}({text.code})", T("str", nl="no"), P_CALL)
    return None


def _regexp_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``re.match(text)`` (a MatchData or nil) and ``re.match?(text)`` of a
    String: Python's ``search``. Ruby answers nil for nil, Python raises,
    so a text that may be nil is refused."""
    if call.name not in ("match", "match?") or len(call.args) != 1 or call.block is not None:
        return None
    text = tr.expr(call.args[0])
    pattern = tr.wrap(recv, P_CALL)
    if call.name == "match?" and text.type.kind in ("str", "any") and (
            text.type.nilable or text.type.kind == "any"):
        # nil is no match (Ruby's false); another value raises in both languages
        held = tr.temp("text")
        return Expr(f"({held} := {text.code}) is not None and {pattern}.search({held}) "
                    f"is not None", BOOL, P_AND)
    if not text.type.is_("str"):
        raise tr.fail(call.node, f"Regexp#{call.name} of a value that may not be a String")
    if call.name == "match?":
        return Expr(f"{pattern}.search({text.code}) is not None", BOOL, P_CMP)
    return Expr(search(tr, pattern, text.code), MATCH, P_CALL)


register_kind("match", _match_method)
register_kind("regex", _regexp_method)
register_const("Regexp", _regexp_class)
