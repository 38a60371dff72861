"""Methods of a value whose class the translator cannot tell (an entry of
a parsed JSON document, a parameter no call says anything about...):

- where Ruby's method does the same for every class that has it, the
  runtime function that does it for whatever the value turns out to be
  (``ruby.size(x)``, ``ruby.join(x, ', ')``, ``x[k]`` as ``ruby.index(x,
  k)``); a value without the method raises, as Ruby does;
- a method only Strings have, as for a String: Python's ``str`` method
  exists on no other kind the translation makes, so another value raises
  there too;
- a block: over ``ruby.each(x)`` (an Array's items, a Hash's pairs), for
  the iterators whose result is the same for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import P_ATOM, P_CALL, P_CMP, Call, Expr
from ..syntax import Node
from ..types import ANY, BOOL, INT, T
from . import calls, collections, iterators

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["index", "method"]

# Ruby method -> (runtime function, numbers of arguments it takes, result)
RUNTIME: dict[str, tuple[str, tuple[int, ...], T]] = {
    "size": ("size", (0,), INT),
    "length": ("length", (0,), INT),
    "empty?": ("is_empty", (0,), BOOL),
    "join": ("join", (0, 1), T("str")),
    "first": ("first", (0, 1), ANY),
    "round": ("round", (0, 1), T("num")),
    "last": ("last", (0, 1), ANY),
    "sort": ("sort", (0,), ANY),
    "to_a": ("to_a", (0,), ANY),
    "fdiv": ("fdiv", (1,), T("float")),
    "include?": ("include", (1,), BOOL),
    "member?": ("include", (1,), BOOL),
    "dig": ("dig", (1, 2, 3, 4, 5), ANY),
    "fetch": ("fetch", (1, 2), ANY),
    "to_sym": ("to_sym", (0,), T("str", nl="no", symbol=True)),
    "divmod": ("divmod", (1,), T("list", elem=T("num"))),
    "abs": ("magnitude", (0,), T("num")),
    "strftime": ("strftime", (1,), T("str", nl="no")),
    "to_i": ("to_i", (0,), INT),
    "to_f": ("to_f", (0,), T("float")),
}

_ARRAY_IN_PLACE = frozenset({"sort_by!", "sort!", "map!", "select!", "reject!", "uniq!",
                             "reverse!", "shuffle!", "compact!", "flatten!"})
"""Bang methods only an Array has among the values of parsed JSON."""

STRING_ONLY = frozenset({
    "upcase", "downcase", "capitalize", "swapcase", "strip", "lstrip", "rstrip", "chomp",
    "chop", "start_with?", "end_with?", "ljust", "rjust", "center", "split", "lines",
    "bytesize", "gsub", "sub", "scan", "match", "match?", "each_line", "delete_prefix",
    "delete_suffix",
})


def _part_of(t: T) -> T:
    """What an item, key or value of *t* is: parsed JSON's are parsed JSON,
    anything else's of a class known only at run time."""
    return T("any", name=t.name) if collections.json_keys(t) is not None else ANY


def method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """*recv*'s method *call*, *recv* being of a class the translator cannot
    tell; None when no form does what Ruby does for every class."""
    name = call.name
    symbol = iterators.symbol_block(tr, call)
    if name == "transform_keys" and symbol is not None and symbol.name in ("to_sym", "to_s"):
        # a Hash's keys as Symbols (or Strings); another value has no items()
        k, v = tr.temp("key"), tr.temp("value")
        key = f"{tr.runtime('to_sym')}({k})" if symbol.name == "to_sym" else \
            f"{tr.runtime('to_s')}({k})"
        part = _part_of(recv.type)
        return Expr(f"{{{key}: {v} for {k}, {v} in {tr.wrap(recv, P_CALL)}.items()}}",
                    T("dict", key=T("str", nl="no", symbol=symbol.name == "to_sym"), elem=part),
                    P_ATOM)
    if name == "fetch" and call.block is not None and len(call.args) == 1:
        # cfg.fetch(stage) { ... } with a text key: a Hash's lookup (an Array's
        # fetch takes an Integer)
        wanted = tr.expr(call.args[0])
        if wanted.type.is_("str"):
            part = _part_of(recv.type)
            held = T("dict", key=collections.json_keys(recv.type) or T("str"), elem=part)
            return collections.fetch_or_block(tr, call, Expr(recv.code, held, recv.prec))
    if name in _ARRAY_IN_PLACE and (call.block is not None or symbol is not None or
                                    not call.args):
        # alerts.sort_by! { ... } of parsed JSON: only an Array has it (a Hash
        # raises in both languages)
        listed = Expr(recv.code, T("list", elem=_part_of(recv.type)), recv.prec)
        call.recv = listed
        return calls.dispatch(tr, call, listed)
    if name == "transform_values" and symbol is not None and len(call.args) == 1:
        # a Hash's values through the method (only a Hash has it among the values of parsed JSON)
        k, v = tr.temp("key"), tr.temp("value")
        entry = Expr(v, _part_of(recv.type), P_ATOM)
        done = calls.dispatch(tr, Call(call.node, symbol.name, None, [], None, recv=entry), entry)
        return Expr(f"{{{k}: {done.code} for {k}, {v} in {tr.wrap(recv, P_CALL)}.items()}}",
                    T("dict", key=collections.json_keys(recv.type) or ANY, elem=done.type),
                    P_ATOM)
    if name in ("gsub", "sub", "scan") and (call.block is not None or symbol is not None):
        text = Expr(recv.code, T("str"), recv.prec)  # a String's (another raises alike)
        call.recv = text
        return calls.dispatch(tr, call, text)
    if call.block is not None or symbol is not None:
        return iterators.iterate(tr, call, recv)
    if name == "between?" and len(call.args) == 2:  # numbers or Strings; else both raise
        low, high = (tr.expr(a) for a in call.args)
        return Expr(f"{tr.wrap(low, P_CMP + 1)} <= {tr.wrap(recv, P_CMP + 1)} <= "
                    f"{tr.wrap(high, P_CMP + 1)}", BOOL, P_CMP)
    if name in STRING_ONLY:
        text = Expr(recv.code, T("str"), recv.prec)
        call.recv = text
        result = calls.dispatch(tr, call, text)
        if result.code == recv.code:
            return None  # a String's identity would let another value through
        return result
    if name in ("keys", "values", "key?", "has_key?") and len(call.args) == (name[-1] == "?"):
        return _hash_only(tr, call, recv)
    if name == "values_at" and call.args and all(a.type == "string" for a in call.args):
        # text keys: a Hash's (an Array's values_at takes Integers)
        part = T("any", nilable=True, name=recv.type.name) if collections.json_keys(
            recv.type) else ANY
        for arg in call.args:
            collections.check_key(tr, arg, recv.type, collections.key_type(tr, arg))
        keys = ", ".join(tr.expr(a).code for a in call.args)
        key = tr.temp("key")
        return Expr(f"[{tr.runtime('index')}({recv.code}, {key}) for {key} in ({keys},)]",
                    T("list", elem=part), P_ATOM)
    if name == "merge" and call.args and call.block is None:
        return _merge(tr, call, recv)
    if name in ("zero?", "positive?", "negative?") and not call.args:
        return collections.sign_test(tr, call, recv)
    if name not in RUNTIME:
        return None
    function, counts, result_t = RUNTIME[name]
    if len(call.args) not in counts or any(
            a.type in ("pair", "splat_argument", "block_argument") for a in call.args):
        return None
    if name in ("dig", "include?", "member?", "fetch"):
        for arg in call.args[:1] if name == "fetch" else call.args:
            collections.check_key(tr, arg, recv.type, collections.key_type(tr, arg))
    args = [recv.code] + [tr.expr(a).code for a in call.args]
    if result_t is ANY:
        result_t = _part_of(recv.type)  # (a part of parsed JSON is JSON)
    return Expr(f"{tr.runtime(function)}({', '.join(args)})", result_t, P_CALL)


def _hash_only(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``keys``, ``values``, ``key?``: methods only a Hash has, through the
    ``dict`` methods no other kind has (another value raises, as in Ruby)."""
    r = tr.wrap(recv, P_CALL)
    part = _part_of(recv.type)
    if call.name == "keys":
        return Expr(f"list({r}.keys())", T("list", elem=part), P_CALL)
    if call.name == "values":
        return Expr(f"list({r}.values())", T("list", elem=part), P_CALL)
    key = call.args[0]
    collections.check_key(tr, key, recv.type, collections.key_type(tr, key))
    return Expr(f"{tr.wrap(tr.expr(key), P_CMP + 1)} in {r}.keys()", BOOL, P_CMP)


def _merge(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``h.merge(other)`` / ``h.merge('k' => v)``: a new Hash, the other's
    entries last (a value that is not a Hash raises in both languages)."""
    other = collections.merge_operand(tr, call)
    if other is None or not other.type.is_("dict", "any"):
        return None
    if other.type.kind == "dict" and other.type.key is not None:
        # Symbol keys beside the JSON's String keys would be kept apart in Ruby
        collections.check_key(tr, call.node, recv.type, other.type.key)
    part = _part_of(recv.type)
    if other.type.kind == "dict" and other.type.fields and other.type.keys is not None:
        # a Hash whose entries of the other are known (r.merge('at' => Date.parse(...)))
        merged = T("dict", key=collections.json_keys(recv.type) or ANY, elem=part,
                   fields=other.type.fields)
        return Expr(f"{{**{recv.code}, **{other.code}}}", merged, P_ATOM)
    return Expr(f"{{**{recv.code}, **{other.code}}}", part, P_ATOM)


def index(tr: Translator, obj: Expr, key: Node) -> Expr:
    """``obj[key]`` for an *obj* that may be a Hash, an Array or a String
    (inside parsed JSON, what it finds is JSON too)."""
    collections.check_key(tr, key, obj.type, collections.key_type(tr, key))
    found = T("any", nilable=True, name=obj.type.name) if collections.json_keys(obj.type) \
        else ANY
    return Expr(f"{tr.runtime('index')}({obj.code}, {tr.expr(key).code})", found, P_CALL)
