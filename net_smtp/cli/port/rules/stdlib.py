"""Classes of Ruby's standard library that scripts around Net::SMTP use,
as the runtime's twins: ``Logger`` (levels, a proc ``formatter``, Ruby's
line format), ``OpenStruct`` (attributes set at will, nil otherwise) and
``Set`` (each item once, in order)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import P_CALL, P_CMP, Call, Expr
from ..scope import py_name
from ..syntax import Node
from ..types import ANY, BOOL, FLOAT, INT, STR, T, join, list_of
from . import collections, iterators
from .calls import keyword_of, register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["LOGGER", "constant", "set_operator", "setter"]

LOGGER = T("logger")
LEVELS = ("DEBUG", "INFO", "WARN", "ERROR", "FATAL", "UNKNOWN")


_NUMBERS = {"Math::PI": "math.pi", "Math::E": "math.e", "Float::INFINITY": "math.inf"}


def constant(tr: Translator, path: str) -> Expr | None:
    """``Logger::INFO`` and its fellows, ``Math::PI``, ``Float::INFINITY``,
    ``URI::MailTo::EMAIL_REGEXP``."""
    owner, _, name = path.rpartition("::")
    if owner == "Logger" and name in LEVELS and "logger" in tr.ruby_requires:
        return Expr(f"{tr.runtime('Logger')}.{name}", INT, P_CALL)
    if path in _NUMBERS:
        tr.need("math")
        return Expr(_NUMBERS[path], FLOAT, P_CALL)
    if path == "URI::MailTo::EMAIL_REGEXP" and "uri" in tr.ruby_requires:
        return Expr(f"{tr.runtime('EMAIL_REGEXP')}", T("regex"), P_CALL)
    if owner == "Date" and name in _DATE_NAMES and ("date" in tr.ruby_requires or
                                                    "time" in tr.ruby_requires):
        # English names, nil first where Ruby counts months from 1
        return Expr(f"{tr.runtime(name)}", T("list", elem=T("str", nl="no", nilable=True)),
                    P_CALL)
    return None


_DATE_NAMES = ("MONTHNAMES", "ABBR_MONTHNAMES", "DAYNAMES", "ABBR_DAYNAMES")


def setter(tr: Translator, node: Node, recv: Expr, name: str, t: T) -> str | None:
    """``log.level =``, ``log.formatter =`` (its parameters are what the
    logger passes), ``log.progname =``; ``os.anything =`` of an OpenStruct."""
    r = tr.wrap(recv, P_CALL)
    if recv.type.kind == "logger" and name in ("level", "formatter", "progname"):
        if name == "formatter" and t.kind == "proc":
            for i, passed in enumerate((STR, T("time"), STR.nil(), ANY)):
                tr.learn(f"lambda:{t.name}:{i}", passed)
        elif name == "formatter" and t.kind != "nil":
            raise tr.fail(node, "a Logger formatter that is not a proc")
        return f"{r}.{name}"
    if recv.type.kind == "ostruct":
        tr.store(recv.type, t, name)
        return f"{r}.{py_name(name)}"
    return None


def _logger_call(tr: Translator, call: Call) -> Expr | None:
    if call.name != "new" or "logger" not in tr.ruby_requires:
        return None
    if len(call.args) != 1:
        raise tr.fail(call.node, "Logger.new with options")
    stream = tr.expr(call.args[0])
    if stream.type.kind not in ("io", "nil") or stream.type.name == "file":
        raise tr.fail(call.node, "a Logger writing to a file")
    return Expr(f"{tr.runtime('Logger')}({stream.code})", LOGGER, P_CALL)


def _logger_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    level = name.upper().rstrip("?")
    if name.endswith("?") and level in LEVELS and not call.args:
        return Expr(f"{r}.level <= {tr.runtime('Logger')}.{level}", BOOL, P_CMP)
    if level not in LEVELS or len(call.args) > 1:
        return None
    if call.block is not None:
        raise tr.fail(call.node, f"Logger#{name} with a block (Ruby runs it only when logged)")
    args = [tr.expr(a).code for a in call.args]
    return Expr(f"{r}.{name}({', '.join(args)})", BOOL, P_CALL)


OSTRUCT = "ostruct"


def _ostruct_call(tr: Translator, call: Call) -> Expr | None:
    if call.name != "new" or "ostruct" not in tr.ruby_requires or call.block is not None:
        return None
    fields: list[tuple[str, T]] = []
    args: list[str] = []
    for arg in call.args:
        key = arg.child_by_field_name("key") if arg.type == "pair" else None
        # name: value, or :name => value
        name = (keyword_of(tr, key) if key is not None else None) or ""
        if not name.isidentifier():
            raise tr.fail(call.node, "OpenStruct.new of something but name: value pairs")
        value = tr.expr(arg.child_by_field_name("value"))
        fields.append((name, value.type))
        args.append(f"{py_name(name)}={value.code}")
    return Expr(f"{tr.runtime('OpenStruct')}({', '.join(args)})",
                T(OSTRUCT, fields=tuple(sorted(fields)), site=str(call.node.start_byte)), P_CALL)


def _ostruct_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if name == "to_h" and not call.args and call.block is None:
        symbol = T("str", nl="no", symbol=True)
        return Expr(f"{r}.to_h()", T("dict", key=symbol, elem=ANY), P_CALL)
    if name == "respond_to?" and len(call.args) == 1:
        return Expr(f"{r}.respond_to({tr.expr(call.args[0]).code})", BOOL, P_CALL)
    if call.args or call.block is not None or not name.isidentifier():
        return None
    # an attribute: what was set (nil for one never set)
    return Expr(f"{r}.{py_name(name)}", (recv.type.field(name) or ANY).nil(), P_CALL)


SET = "set"


def _set_call(tr: Translator, call: Call) -> Expr | None:
    if call.name not in ("new", "[]") or "set" not in tr.ruby_requires or call.block:
        return None
    args = [tr.expr(a) for a in call.args]
    if call.name == "new":
        if len(args) > 1 or (args and args[0].type.kind not in ("list", "argv", "set")):
            raise tr.fail(call.node, "Set.new of something but an Array")
        elem = (args[0].type.elem if args else None)
        code = args[0].code if args else ""
    else:
        elem = None
        for a in args:
            elem = a.type if elem is None else join(elem, a.type)
        code = "[" + ", ".join(a.code for a in args) + "]"
    return Expr(f"{tr.runtime('Set')}({code})", T(SET, elem=elem, site=str(call.node.start_byte)),
                P_CALL)


# Set methods that read it as an Array would (Set#join, sort, min...)
_AS_LIST = frozenset({"join", "sort", "min", "max", "sum", "first", "to_a", "sort_by",
                      "min_by", "max_by", "map", "collect", "flat_map", "count", "any?",
                      "all?", "none?", "find", "detect", "each", "each_with_index",
                      "group_by", "partition", "each_with_object", "inject", "reduce",
                      "each_slice", "tally"})


def _set_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    elem = recv.type.elem or tr.unknown
    args = [tr.expr(a) for a in call.args] if name not in _AS_LIST else []
    if name in ("add", "<<") and len(args) == 1:
        tr.store(recv.type, args[0].type)
        return Expr(f"{r}.add({args[0].code})", recv.type, P_CALL)
    if name == "add?" and len(args) == 1:
        tr.store(recv.type, args[0].type)
        return Expr(f"{r}.add_new({args[0].code})", recv.type.nil(), P_CALL)
    if name == "delete" and len(args) == 1:
        return Expr(f"{r}.delete({args[0].code})", recv.type, P_CALL)
    if name in ("include?", "member?", "===") and len(args) == 1:
        return Expr(f"{tr.wrap(args[0], P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}", BOOL, P_CMP)
    if name in ("size", "length") and not args:
        return Expr(f"len({recv.code})", INT, P_CALL)
    if name == "empty?" and not args:
        return Expr(f"len({recv.code}) == 0", BOOL, P_CMP)
    if name in _AS_LIST:
        # a Set's select / reject keep a Set: only these give what an Array does
        as_list = Expr(f"list({recv.code})", list_of(elem), P_CALL)
        return iterators.iterate(tr, call, as_list) or collections.list_method(tr, call, as_list)
    return None


def set_operator(tr: Translator, node: Node, op: str, a: Expr, b: Expr) -> Expr | None:
    """``set | other``, ``&``, ``-``, ``+``: a new Set."""
    if a.type.kind != SET or b.type.kind not in (SET, "list"):
        return None
    symbol = "|" if op == "+" else op
    return Expr(f"{tr.wrap(a, 9)} {symbol} {tr.wrap(b, 10)}", T(SET, elem=join(
        a.type.elem or tr.unknown, b.type.elem or tr.unknown)), 9)


def _to_set(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name != "to_set" or call.args or "set" not in tr.ruby_requires:
        return None
    return Expr(f"{tr.runtime('Set')}({recv.code})",
                T(SET, elem=recv.type.elem, site=str(call.node.start_byte)), P_CALL)


register_const("Logger", _logger_call)
register_kind("logger", _logger_method)
register_const("OpenStruct", _ostruct_call)
register_kind(OSTRUCT, _ostruct_method)
register_const("Set", _set_call)
register_kind(SET, _set_method)
register_kind("list", _to_set)
register_kind("argv", _to_set)
