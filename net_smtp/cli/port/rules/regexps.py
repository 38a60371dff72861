"""Regular expressions and the String methods that take them or a format:
``gsub``/``sub``/``scan``/``match``/``=~``/``str[/re/, 1]``, ``%`` and
``format``. Ruby's and Python's regexp dialects agree on what scripts
use; Ruby-only syntax (``\\A``/``\\z`` aside, possessive and named-group
forms, ``(?<name>)``) is translated or marked."""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from ..engine import P_CALL, P_CMP, Call, Expr, regex_flags
from ..syntax import Node
from ..types import BOOL, INT, T, list_of

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["capture", "compiled", "format_operator", "match_operator", "regex_value",
           "string_regex_method"]


def _pattern(tr: Translator, node: Node) -> tuple[str, str]:
    parts = []
    for child in node.named_children:
        if child.type == "string_content":
            parts.append(tr.text(child))
        elif child.type == "escape_sequence":
            parts.append(tr.text(child))
        else:
            raise tr.fail(child, "interpolation inside a regexp")
    source = "".join(parts)
    text = tr.text(node)
    flags = text[text.rindex("/") + 1:] if text.startswith("/") else ""
    if "(?<" in source.replace("(?<=", "").replace("(?<!", ""):
        source = source.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
    if re.search(r"\\[hHRXK]|\\p\{|\\z|\\Z|\(\?[imx]*-?[imx]*\)|[*+?]\+", source):
        if "\\z" in source and not re.search(r"\\[hHRXK]|\\p\{|\\Z", source):
            source = source.replace("\\z", "\\Z")
        else:
            raise tr.fail(node, "Ruby-only regexp syntax")
    # Ruby's ^ and $ match at every line; Python needs MULTILINE for that.
    if "^" in source.replace("[^", "") or "$" in source:
        flags += "M"
    return source, flags


def compiled(tr: Translator, node: Node) -> str:
    """``re.compile(r'...')`` for a regexp literal."""
    source, flags = _pattern(tr, node)
    tr.need("re")
    names = regex_flags(flags.replace("M", ""))
    if "M" in flags:
        names = "re.MULTILINE" + (" | " + names if names else "")
    literal = _raw(source)
    return f"re.compile({literal}{', ' + names if names else ''})"


def _raw(source: str) -> str:
    if "'" not in source and not source.endswith("\\"):
        return f"r'{source}'"
    if '"' not in source and not source.endswith("\\"):
        return f'r"{source}"'
    return repr(source)


def regex_value(tr: Translator, node: Node) -> Expr:
    return Expr(compiled(tr, node), T("regex"), P_CALL)


def match_operator(tr: Translator, node: Node, op: str, left: Node, right: Node) -> Expr:
    """``str =~ /re/`` as a condition (the match position is rarely used)."""
    if right.type == "regex":
        pattern, subject = compiled(tr, right), tr.expr(left)
    elif left.type == "regex":
        pattern, subject = compiled(tr, left), tr.expr(right)
    else:
        raise tr.fail(node, "=~ without a regexp literal")
    if not subject.type.is_("str"):
        if subject.type.kind == "str":
            test = f"{subject.code} is not None and {pattern}.search({subject.code}) is not None"
            return Expr(test if op == "=~" else f"not ({test})", BOOL, 3)
        raise tr.fail(node, "=~ on a value that may not be a String")
    search = f"{pattern}.search({subject.code})"
    return Expr(f"{search} is {'not ' if op == '=~' else ''}None", BOOL, P_CMP)


def capture(tr: Translator, node: Node, obj: Expr, regex: Node, group: Expr | None) -> Expr:
    """``str[/re/]`` and ``str[/re/, 1]``: the match (or group), or nil."""
    if not obj.type.is_("str"):
        raise tr.fail(node, "[/re/] on a value that may not be a String")
    pattern = compiled(tr, regex)
    name = tr.temp("found")
    index = group.code if group is not None else "0"
    return Expr(f"{name}.group({index}) if ({name} := {pattern}.search({obj.code})) else None",
                T("str", nilable=True), 1)


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
    if name in ("gsub", "sub") and len(args) == 2 and call.block is None:
        if args[0].type == "regex":
            pattern = compiled(tr, args[0])
            repl = _replacement(tr, args[1])
            count = ", count=1" if name == "sub" else ""
            return Expr(f"{pattern}.sub({repl}, {recv.code}{count})", T("str"), P_CALL)
        old = tr.expr(args[0])
        new = tr.expr(args[1])
        if not (old.type.is_("str") and new.type.is_("str")):
            raise tr.fail(call.node, f"{name} with arguments that may not be Strings")
        if _may_hold_backslash(new.code):
            raise tr.fail(args[1], "a replacement with backslashes (Ruby reads \\1, \\0 there)")
        count = ", 1" if name == "sub" else ""
        return Expr(f"{r}.replace({old.code}, {new.code}{count})", T("str"), P_CALL)
    if name in ("match?",) and len(args) == 1 and args[0].type == "regex":
        return Expr(f"{compiled(tr, args[0])}.search({recv.code}) is not None", BOOL, P_CMP)
    if name == "scan" and len(args) == 1 and args[0].type == "regex" and call.block is None:
        pattern = compiled(tr, args[0])
        groups = re.compile(_pattern(tr, args[0])[0]).groups
        if groups > 1:
            raise tr.fail(call.node, "scan with several groups")
        t = list_of(list_of(T("str"))) if groups == 1 else list_of(T("str"))
        if groups == 1:
            m = tr.temp("found")
            return Expr(f"[[{m}] for {m} in {pattern}.findall({recv.code})]", t)
        return Expr(f"{pattern}.findall({recv.code})", t, P_CALL)
    if name in ("index",) and len(args) == 1 and args[0].type != "regex":
        sub = tr.expr(args[0])
        m = tr.temp("at")
        return Expr(f"{m} if ({m} := {r}.find({sub.code})) >= 0 else None", INT.nil(), 1)
    if name == "count" and len(args) == 1:
        raise tr.fail(call.node, "String#count counts characters of a set")
    if name == "delete" and len(args) == 1:
        raise tr.fail(call.node, "String#delete deletes characters of a set")
    if name == "tr":
        raise tr.fail(call.node, "String#tr is not translated")
    if name == "each_line" and call.block is not None and call.statement:
        lines = Expr(f"{tr.runtime('lines')}({recv.code})", list_of(T("str")), P_CALL)
        from .collections import _each
        return _each(tr, Call(call.node, "each", None, [], call.block, tail=call.tail), lines)
    if name in ("%", "format") and len(args) == 1:
        return format_operator(tr, call.node, recv, args[0])
    return None


_PLAIN = ("str", "int", "float")


def format_operator(tr: Translator, node: Node, template: Expr, args_node: Node) -> Expr:
    """``fmt % value`` and ``fmt % [a, b]``."""
    if args_node.type == "array":
        values = [tr.expr(c) for c in args_node.named_children]
    else:
        value = tr.expr(args_node)
        if value.type.kind == "list":
            raise tr.fail(node, "% with an Array in a variable")
        values = [value]
    return format_call(tr, node, template, values)


def format_call(tr: Translator, node: Node, template: Expr, values: list[Expr]) -> Expr:
    """``format(fmt, a, b)`` / ``fmt % [a, b]`` as Python's ``%``."""
    if re.search(r"%[-+ 0#]*\d*(\.\d+)?[bBeEgGaAp]|%<|%\{|%\*", template.code):
        raise tr.fail(node, "a format directive Python writes differently")
    nl = "?"
    if template.code[:1] in "'\"" and template.type.kind == "str":
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
    if all(v.type.is_(*_PLAIN) for v in values):
        inner = values[0].code if len(values) == 1 and not values[0].type.is_("list") else \
            "(" + ", ".join(v.code for v in values) + ("," if len(values) == 1 else "") + ")"
        if len(values) == 1 and values[0].prec < 12:
            inner = f"({values[0].code})"
        return Expr(f"{tr.wrap(template, 12)} % {inner}", T("str", nl=nl), 11)
    codes = ", ".join([template.code] + [v.code for v in values])
    return Expr(f"{tr.runtime('format')}({codes})", T("str", nl=nl), P_CALL)


