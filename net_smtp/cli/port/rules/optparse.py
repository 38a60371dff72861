"""``OptionParser`` -> ``argparse`` (``net_smtp.ruby.ArgumentParser``, which
fails and prints help the way OptionParser does): each ``opts.on(...)``
becomes an ``add_argument``, and its block runs after parsing for the
options given, as Ruby runs it while parsing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import NO_TAIL, P_CALL, Call, Expr
from ..scope import py_name
from ..syntax import Node
from ..types import BOOL, INT, T, list_of
from . import blocks, calls, collections
from .calls import DONE, register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["new_parser"]

PARSER = T("optparse")
_TYPES = {"Integer": ("int", INT), "Float": ("float", T("float")), "String": ("", T("str"))}


@dataclass
class _Parser:
    """What OptionParser.new declared: its block parameter and options."""

    param: str
    options: list[_Option]


@dataclass
class _Option:
    dest: str
    takes_value: bool
    block: Node | None
    value_type: T
    appends: bool
    negatable: bool = False
    """``--[no-]name``: the block gets true or false."""
    switch: str = ""
    """Ruby's name of the option: its first long flag (else its first
    flag) without dashes, the key ``parse!(into: h)`` stores it under."""


def _on(tr: Translator, call: Call, parser: str, options: list[_Option]) -> None:
    flags: list[str] = []
    metavar = ""
    descriptions: list[str] = []
    py_type = ""
    value_type = T("str", nl="no")
    negatable = False
    attached = False
    for arg in call.args:
        if arg.type == "string" and not tr.text(arg)[1:].startswith("-"):
            # a description: shown in the help only, so it may be computed
            descriptions.append(tr.expr(arg).code)
        elif arg.type == "string":
            text = tr.expr(arg)
            if text.code[:1] not in "'\"":
                raise tr.fail(arg, "a computed option string")
            value = _literal(text.code)
            if value.startswith("-"):
                flag, _, meta = value.replace("=", " ", 1).partition(" ")
                # (--name=ARG: Ruby's help shows the = as written)
                attached = attached or (bool(meta) and value.startswith("--") and
                                        value.find("=") == len(flag))
                if flag.startswith("--[no-]") and not meta:
                    negatable = True
                    flag = "--" + flag[len("--[no-]"):]
                if "[" in flag or meta.startswith("["):
                    raise tr.fail(arg, "an option whose value may be left out")
                flags.append(flag)
                if meta:
                    metavar = meta
            else:
                descriptions.append(text.code)
        elif arg.type == "constant" and tr.text(arg) in _TYPES:
            py_type, value_type = _TYPES[tr.text(arg)]
        elif arg.type == "constant" and tr.text(arg) == "Array":  # a,b,c -> a list
            py_type = tr.runtime("option_list")
            value_type = list_of(T("str", nl="no", nilable=True))
        elif arg.type in ("array", "string_array") and arg.named_children and all(
                c.type in ("string", "bare_string") and not any(
                    g.type == "interpolation" for g in c.named_children)
                for c in arg.named_children):  # the words accepted, completed as Ruby does
            words = [tr.string(tr.text(c)) if c.type == "bare_string" else tr.expr(c).code
                     for c in arg.named_children]
            py_type = f"{tr.runtime('option_choice')}([{', '.join(words)}])"
            value_type = T("str", nl="no")
        elif arg.type not in ("pair", "block_argument", "splat_argument", "hash"):
            # words, a Hash of words (its value is the option's) or a Regexp
            # held in a constant or computed
            py_type, value_type = _accepted(tr, arg)
        else:
            raise tr.fail(arg, "an option declared with a Hash literal or computed flags")
    if not flags:
        raise tr.fail(call.node, "an option without a flag")
    long = next((f for f in flags if f.startswith("--")), flags[0])
    dest = py_name(re.sub(r"\W", "_", long.lstrip("-")))
    parts = [tr.string(f) for f in flags]
    if metavar:
        parts.append(f"metavar={tr.string(metavar)}")
    if attached:
        parts.append("attached=True")
    if descriptions and all(code[:1] in "'\"" for code in descriptions):
        parts.append(f"help={tr.string(' '.join(_literal(code) for code in descriptions))}")
    elif descriptions:  # (computed: joined when the option is declared)
        space = " + ' ' + "
        parts.append(f"help={space.join(descriptions)}")
    if py_type:
        parts.append(f"type={py_type}")
    # An option given several times runs its block each time: all of its
    # values are kept unless the block only stores the value (the last wins)
    appends = call.block is not None and not negatable and not _stores_only(tr, call.block)
    if negatable:
        parts.append("action='negatable'")
    elif not metavar:
        parts.append("action='count'" if appends else "action='store_true'")
    elif appends:
        parts.append("action='append'")
    parts.append(f"dest={tr.string(dest)}")
    tr.emit(f"{parser}.add_argument({', '.join(parts)})")
    options.append(_Option(dest, bool(metavar), call.block, value_type, appends, negatable,
                           long.lstrip("-")))


_CONSTANT_VALUES = ("true", "false", "nil", "integer", "float", "string", "simple_symbol")


def _stores_only(tr: Translator, block: Node) -> bool:
    """*block* is one assignment of its parameter (or of a constant value):
    run for each occurrence of the option, only the last one counts."""
    statements = [s for s in blocks.block_statements(block) if s.type != "comment"]
    if len(statements) != 1 or statements[0].type != "assignment":
        return False
    value = statements[0].child_by_field_name("right")
    names = blocks.block_params(tr, block)
    if value.type == "string" and any(c.type == "interpolation" for c in value.named_children):
        return False
    return value.type in _CONSTANT_VALUES or \
        value.type == "identifier" and names[:1] == [tr.text(value)]


def _accepted(tr: Translator, arg: Node) -> tuple[str, T]:
    """What an option accepts, given as a value: Strings (the word given or
    the only one it begins), a Hash (its value for that word) or a Regexp
    (the text it matches)."""
    value = tr.expr(arg)
    if value.type.is_("list") and (value.type.elem is None or value.type.elem.is_("str")):
        return f"{tr.runtime('option_choice')}({value.code})", T("str", nl="no")
    if value.type.is_("dict") and (value.type.key is None or value.type.key.is_("str")):
        return f"{tr.runtime('option_choice')}(list({value.code}), {value.code})", \
            value.type.elem or tr.unknown
    if value.type.is_("regex"):
        return f"{tr.runtime('option_pattern')}({value.code})", T("str", nl="no")
    raise tr.fail(arg, "an option declared with values the translator cannot tell")


def _literal(code: str) -> str:
    import ast

    value = ast.literal_eval(code)
    return value if isinstance(value, str) else ""


def new_parser(tr: Translator, node: Node, target: str | None) -> str:
    """``OptionParser.new do |opts| ... end``: the parser and its options."""
    call = calls.split_call(tr, node)
    name = target or tr.temp("parser")
    if call.args:
        banner = tr.expr(call.args[0])
        tr.emit(f"{name} = {tr.runtime('ArgumentParser')}({banner.code})")
    else:
        tr.emit(f"{name} = {tr.runtime('ArgumentParser')}()")
    options: list[_Option] = []
    params: list[str] = []
    if call.block is not None:
        params = blocks.block_params(tr, call.block)
        if len(params) != 1:
            raise tr.fail(call.block, "OptionParser.new without a block parameter")
        param = params[0]
        for stmt in blocks.block_statements(call.block):
            if stmt.type == "comment":
                tr.emit(tr.text(stmt))
                continue
            _parser_statement(tr, stmt, param, name, options)
    tr.option_parsers[name] = _Parser(params[0] if call.block is not None else "", options)
    return name


def _parser_statement(tr: Translator, stmt: Node, param: str, name: str,
                      options: list[_Option]) -> None:
    if stmt.type == "assignment":
        left = stmt.child_by_field_name("left")
        if left.type == "call" and tr.text(left.child_by_field_name("receiver")) == param and \
                tr.text(left.child_by_field_name("method")) in ("banner", "program_name",
                                                                  "version"):
            value = tr.expr(stmt.child_by_field_name("right"))
            tr.emit(f"{name}.{tr.text(left.child_by_field_name('method'))} = {value.code}")
            return
    if stmt.type == "call":
        inner = calls.split_call(tr, stmt)
        if inner.recv_node is not None and tr.text(inner.recv_node) == param:
            if inner.name in ("on", "on_tail", "on_head"):
                _on(tr, inner, name, options)
                return
            if inner.name == "separator" and len(inner.args) == 1:
                tr.emit(f"{name}.separator({tr.expr(inner.args[0]).code})")
                return
    if param not in blocks.identifiers(stmt):
        # (options[:port] = 25: it runs as the block runs, in its place)
        tr.statement(stmt)
        return
    raise tr.fail(stmt, "this statement inside OptionParser.new")


@contextmanager
def _bound(tr: Translator, param: str, parser: str) -> Iterator[None]:
    """Inside an option's block, OptionParser.new's parameter is the parser."""
    if not param:
        yield
        return
    with tr.block_params([param]):
        var = tr.scope.lookup(param)
        assert var is not None
        var.py = parser
        tr.bind_param(param, PARSER)
        yield


def parse(tr: Translator, node: Node, parser: str, args: list[Node], bang: bool) -> Expr:
    """``parser.parse!(ARGV)``: parse, then run each given option's block
    (or, with ``into: h``, store each given option's value in h)."""
    declared = tr.option_parsers.get(parser)
    if declared is None:
        raise tr.fail(node, "parse! on a parser the translator did not see made")
    options = declared.options
    into = [a for a in args if a.type == "pair"]
    positional = [a for a in args if a.type != "pair"]
    if len(positional) > 1 or len(into) > 1 or into and \
            calls.keyword_of(tr, into[0].child_by_field_name("key")) != "into":
        raise tr.fail(node, f"{'parse!' if bang else 'parse'} with these arguments")
    argv_node = positional[0] if positional else None
    if argv_node is None or (argv_node.type == "constant" and tr.text(argv_node) == "ARGV"):
        tr.want_argv = True
        source = "argv"
        tr.need("sys")
    else:
        source = tr.expr(argv_node).code
    parsed = tr.temp("given")
    if bang:
        tr.emit(f"{parsed}, {source}[:] = {parser}.parse({source})")
    else:
        rest = tr.temp("rest")
        tr.emit(f"{parsed}, {rest} = {parser}.parse({source})")
    if into:
        _store_into(tr, into[0].child_by_field_name("value"), options, parsed)
    for option in options:
        value = f"{parsed}.{option.dest}"
        if option.block is None:
            continue
        names = blocks.block_params(tr, option.block)
        if option.appends:  # the block once for each time the option was given
            with _bound(tr, declared.param, parser), \
                    blocks.params_bound(tr, names[:1] or ["_"], [
                        option.value_type if option.takes_value else BOOL]) as targets:
                if option.takes_value:
                    tr.emit(f"for {targets[0]} in {value} or []:")
                else:
                    tr.emit(f"for _ in range({value} or 0):")
                    if names:
                        tr.emit(f"    {targets[0]} = True")
                with tr.loop():
                    blocks.block_body(tr, option.block)
            continue
        if option.takes_value or option.negatable:
            tr.emit(f"if {value} is not None:")
        else:
            tr.emit(f"if {value}:")
        with tr.indented(), _bound(tr, declared.param, parser), \
                tr.block_params(names[:1]) as pys:
            if pys:
                var = tr.scope.lookup(names[0])
                assert var is not None
                var.py = value
                tr.bind_param(names[0], option.value_type if option.takes_value else BOOL)
            tr.body(blocks.block_statements(option.block), NO_TAIL)
    if bang:
        return DONE
    return Expr(rest, T("list", elem=T("str", nl="no")))


def _store_into(tr: Translator, target: Node, options: list[_Option], parsed: str) -> None:
    """``parse!(into: h)``: each option given stores its value (true for a
    switch) in h under its name as a Symbol, as Ruby's ``into`` does; an
    option's block would store its own value instead, so none may have one."""
    if any(option.block is not None for option in options):
        raise tr.fail(target, "parse!(into:) with options that have blocks")
    hash_t = tr.expr(target).type
    if not hash_t.is_("dict"):
        raise tr.fail(target, "parse!(into:) of a value that may not be a Hash")
    key_t = T("str", nl="no", symbol=True)
    for option in options:
        value = f"{parsed}.{option.dest}"
        given = f"{value} is not None" if option.takes_value or option.negatable else value
        stored = option.value_type if option.takes_value else BOOL
        key = tr.string(option.switch)
        held = tr.expr(target)  # (its type gains each entry stored)
        collections.store_entry(tr, target, held.type, key, key_t, stored)
        tr.emit(f"if {given}:")
        with tr.indented():
            tr.emit(f"{held.code}[{key}] = {value}")


def _parser_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    if name in ("parse!", "parse") and len(call.args) <= 2 and call.statement or (
            name == "parse" and len(call.args) == 1):
        return parse(tr, call.node, recv.code, call.args, name == "parse!")
    if name in ("banner", "program_name") and not call.args:
        return Expr(f"{recv.code}.{name}", T("str", nl="no"), P_CALL)
    if name in ("to_s", "help") and not call.args:
        return Expr(f"str({recv.code})", T("str", nl="yes"), P_CALL)
    return None


def _optparse_const(tr: Translator, call: Call) -> Expr | None:
    if call.name == "new":
        if call.statement:
            new_parser(tr, call.node, None)
            return DONE
        raise tr.fail(call.node, "OptionParser.new inside an expression")
    return None


register_const("OptionParser", _optparse_const)
register_kind("optparse", _parser_method)


def chained(tr: Translator, call: Call) -> Expr | None:
    """``OptionParser.new do ... end.parse!``."""
    recv = call.recv_node
    if recv is None or recv.type != "call" or call.name not in ("parse!", "parse"):
        return None
    inner = calls.split_call(tr, recv)
    if inner.name != "new" or inner.recv_node is None or tr.text(inner.recv_node) != "OptionParser":
        return None
    if not call.statement and call.name == "parse!":
        raise tr.fail(call.node, "OptionParser#parse! used for its value")
    name = new_parser(tr, recv, None)
    return parse(tr, call.node, name, call.args, call.name == "parse!")


def assignment(tr: Translator, left: Node, right: Node) -> str | None:
    """``parser = OptionParser.new do |opts| ... end``."""
    if right.type != "call" or left.type != "identifier":
        return None
    inner = calls.split_call(tr, right)
    if inner.name != "new" or inner.recv_node is None or tr.text(inner.recv_node) != "OptionParser":
        return None
    var = tr.declare(tr.text(left), PARSER)
    return new_parser(tr, right, var.py)
