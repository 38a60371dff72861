"""Iterators: a block given to ``each`` and its family becomes a ``for``
statement; one given to ``map`` / ``select`` / ``count`` / ``sort_by`` ...
a comprehension or a call with a ``lambda`` (a block of several statements:
a loop that collects, written before the statement); and an enumerator
chain (``each_with_index.map``, ``each.with_index(1)``,
``each_slice(2).to_a``, ``3.times.map``, ``$stdin.each_line.with_index``)
one loop over what the chain yields.

A :class:`Source` is what the block sees: a Python iterable, the type of
its items and, after ``each_with_index`` / ``with_index(n)``, the number
counted beside each item."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Union

from ..engine import NO_TAIL, P_ATOM, P_CALL, P_NOT, P_OR, Call, Expr, Tail
from ..syntax import Node, unparenthesized, walk
from ..types import BOOL, INT, T, dict_of, join, list_of
from . import blocks, calls, collections, expressions
from .calls import DONE

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["Source", "chained", "iterate", "loop_over", "to_tail", "transform"]

# Blockless calls that make an enumerator a later call in the chain iterates.
SHAPES = frozenset({"each", "each_entry", "each_pair", "each_with_index", "with_index",
                    "each_slice", "each_cons", "combination", "times", "upto", "downto", "step",
                    "each_line", "each_char", "reverse_each", "each_key", "each_value",
                    "each_index"})
# What the block is for; the first group may also wait for a with_index.
COLLECTING = frozenset({"map", "collect", "flat_map", "collect_concat", "select", "filter",
                        "find_all", "reject", "filter_map"})
OPS = COLLECTING | {"count", "any?", "all?", "none?", "find", "detect", "find_index", "index",
                    "rindex", "sum",
                    "min_by", "max_by", "sort_by", "group_by", "partition", "each_with_object",
                    "inject", "reduce", "to_h", "take_while", "drop_while", "uniq"}
KEYED = frozenset({"min_by", "max_by", "sort_by", "group_by", "partition", "uniq"})
COMPARABLE = ("str", "int", "float", "num", "time", "date", "list")
"""Kinds whose order Ruby's <=> and Python's < agree on."""


@dataclass
class Source:
    """What a block iterates over: the Python iterable *code*, the type of
    its items, the first index when each item comes with its position, and
    whether the items are a Hash's (key, value) pairs."""

    code: str
    item: T
    index: str | None = None
    pairs: bool = False


class SymbolBlock:
    """``&:name`` standing for the block ``{ |item| item.name }``."""

    def __init__(self, name: str, node: Node) -> None:
        self.name = name
        self.node = node


Block = Union[Node, SymbolBlock]


def symbol_block(tr: Translator, call: Call) -> SymbolBlock | None:
    """``map(&:strip)``: the call's ``&:name`` argument as a block."""
    if call.block is None and len(call.args) == 1 and call.args[0].type == "block_argument":
        inner = call.args[0].named_children
        if inner and inner[0].type == "simple_symbol":
            return SymbolBlock(tr.text(inner[0])[1:], call.args[0])
    return None


# ---------------------------------------------------------------- sources


def source_of(tr: Translator, node: Node, recv: Expr) -> Source:
    """The items of an Array, a Range or a Hash (its pairs)."""
    t = recv.type
    if t.kind == "dict":
        key, value = t.key or tr.unknown, t.elem or tr.unknown
        return Source(f"{tr.wrap(recv, P_CALL)}.items()",
                      T("list", elem=join(key, value), items=(key, value)), pairs=True)
    if t.kind in ("list", "argv", "range") and not t.nilable:
        return Source(recv.code, t.elem or tr.unknown)
    if t.kind == "any":  # an Array or a Hash: Ruby's each tells them apart at run time
        return Source(f"{tr.runtime('each')}({recv.code})", _json_part(tr, t))
    raise tr.fail(node, "iterating over a value that may not be an Array")


def _json_part(tr: Translator, t: T) -> T:
    """What iterating over *t* gives: parsed JSON gives JSON (an item, or a
    Hash's key or pair), anything else values of unknown class."""
    return T("any", name=t.name) if collections.json_keys(t) is not None else tr.unknown


def _first_shape(tr: Translator, base: Expr, stage: Call) -> Source | None:
    """Sources that depend on the receiver's kind: ``n.times``, ``a.upto(b)``,
    a String's or a stream's lines, a String's characters, a Hash's keys."""
    name, t, args = stage.name, base.type, [a for a in stage.args]
    if name == "times" and t.is_("int") and not args:
        return Source(f"range({base.code})", INT)
    if name in ("upto", "downto") and t.is_("int") and len(args) == 1:
        end = tr.expr(args[0])
        if not end.type.is_("int"):
            raise tr.fail(stage.node, f"{name} to a value that may not be an Integer")
        if name == "upto":
            return Source(f"range({base.code}, {tr.wrap(end, 11)} + 1)", INT)
        return Source(f"range({base.code}, {tr.wrap(end, 11)} - 1, -1)", INT)
    if name == "step" and (t.is_("int") and len(args) == 2 or t.kind == "range" and len(args) == 1):
        return _step(tr, base, stage)
    if name == "each_line" and not args and t.non_nil().is_("str"):  # (nil raises in both)
        return Source(f"{tr.runtime('lines')}({base.code})", T("str", nl="one"))
    if name in ("each_line", "each") and not args and t.kind == "io" and t.name in (
            "stdin", "data", "file"):
        if tr.reads_lineno():  # $. counts the lines
            return Source(f"{tr.runtime('counted')}({base.code})", T("str", nl="one"))
        return Source(base.code, T("str", nl="one"))
    if name == "each_char" and not args and t.is_("str"):
        return Source(base.code, T("str"))
    if name == "each_index" and not args and t.is_("list", "argv"):
        return Source(f"range(len({base.code}))", INT)
    if name in ("each_key", "each_value") and not args and t.is_("dict"):
        if name == "each_key":
            return Source(f"list({base.code})", t.key or tr.unknown)
        return Source(f"list({tr.wrap(base, P_CALL)}.values())", t.elem or tr.unknown)
    if name in ("times", "upto", "downto", "each_line", "each_char", "each_key", "each_value",
                "each_index"):
        raise tr.fail(stage.node, f"{name} on a value the translator cannot tell")
    return None


def _step(tr: Translator, base: Expr, stage: Call) -> Source:
    """``a.step(limit, n)`` and ``(a..b).step(n)`` over Integers, *n* a
    literal (its sign tells which way the limit is passed)."""
    try:
        by = int(tr.text(stage.args[-1]))
    except ValueError:
        by = 0
    if by == 0:
        raise tr.fail(stage.node, "step by a value the translator cannot tell")
    if base.type.kind == "range":
        if by < 0:
            raise tr.fail(stage.node, "Range#step with a negative step")
        return Source(f"{tr.wrap(base, P_CALL)}[::{by}]", base.type.elem or INT)
    limit = tr.expr(stage.args[0])
    if not limit.type.is_("int"):
        raise tr.fail(stage.node, "step to a value that may not be an Integer")
    past = f"{tr.wrap(limit, 11)} + 1" if by > 0 else f"{tr.wrap(limit, 11)} - 1"
    return Source(f"range({base.code}, {past}, {by})", INT)


def _shape(tr: Translator, src: Source | None, base: Expr, stage: Call) -> Source:
    """The source after the enumerator method *stage* (``each_slice(2)``,
    ``with_index(1)``...)."""
    if src is None:
        first = _first_shape(tr, base, stage)
        if first is not None:
            return first
        src = source_of(tr, stage.node, base)
    name = stage.name
    args = stage.args
    if name in ("each", "each_entry", "each_pair") and not args:
        return src
    if name == "reverse_each" and not args and src.index is None:
        return replace(src, code=f"reversed({src.code})" if not src.pairs else
                       f"reversed(list({src.code}))")
    if name in ("each_with_index", "with_index") and src.index is None and (
            len(args) <= (1 if name == "with_index" else 0)):
        start = tr.expr(args[0]) if args else Expr("0", INT)
        if not start.type.is_("int"):
            raise tr.fail(stage.node, "with_index from a value that may not be an Integer")
        return replace(src, index=start.code)
    if name == "each_slice" and len(args) == 1 and src.index is None:
        size = tr.expr(args[0])
        if not size.type.is_("int"):
            raise tr.fail(stage.node, "each_slice of a size that may not be an Integer")
        item = T("list", elem=src.item)
        simple = re.fullmatch(r"[\w.]+", src.code) and re.fullmatch(r"[\w.]+", size.code)
        if simple and not src.pairs:
            i = tr.temp("start")
            return Source(f"({src.code}[{i}:{i} + {size.code}] for {i} in range(0, "
                          f"len({src.code}), {size.code}))", item)
        return Source(f"{tr.runtime('each_slice')}({src.code}, {size.code})", item)
    if name == "combination" and len(args) == 1 and src.index is None and not src.pairs:
        size = tr.expr(args[0])
        if not size.type.is_("int"):
            raise tr.fail(stage.node, "combination of a size that may not be an Integer")
        tr.need("itertools")  # (each an Array, in Ruby's order)
        picked = tr.temp("picked")
        return Source(f"[list({picked}) for {picked} in itertools.combinations({src.code}, "
                      f"{size.code})]", T("list", elem=src.item))
    if name == "each_cons" and len(args) == 1 and src.index is None and not src.pairs:
        size = tr.expr(args[0])
        if not size.type.is_("int"):
            raise tr.fail(stage.node, "each_cons of a size that may not be an Integer")
        return Source(f"{tr.runtime('each_cons')}({src.code}, {size.code})",
                      T("list", elem=src.item))
    raise tr.fail(stage.node, f"{name} in a chain of enumerators")


def materialize(tr: Translator, src: Source) -> Expr:
    """An enumerator used as a value: the Array Ruby's ``to_a`` gives."""
    if src.index is not None:
        item, i = tr.temp("item"), tr.temp("index")
        start = "" if src.index == "0" else f", {src.index}"
        return Expr(f"[[{item}, {i}] for {i}, {item} in enumerate({src.code}{start})]",
                    list_of(T("list", elem=join(src.item, INT), items=(src.item, INT))))
    item_t = src.item
    if src.pairs:
        x = tr.temp("pair")
        return Expr(f"[list({x}) for {x} in {src.code}]", list_of(item_t))
    return Expr(f"list({src.code})", list_of(item_t), P_CALL)


# ---------------------------------------------------------------- entry points


def _stages(tr: Translator, node: Node | None) -> tuple[Node | None, list[Call]]:
    """The blockless enumerator calls a call's receiver is made of, from the
    innermost, and the receiver they start from."""
    stages: list[Call] = []
    while node is not None and node.type == "call" and \
            node.child_by_field_name("block") is None:
        inner = calls.split_call(tr, node)
        if inner.name not in SHAPES | COLLECTING or inner.recv_node is None or any(
                a.type in ("block_argument", "pair", "splat_argument") for a in inner.args):
            break
        stages.insert(0, inner)
        node = inner.recv_node
    return node, stages


def chained(tr: Translator, call: Call) -> Expr | None:
    """A call on an enumerator chain (``a.each_with_index.map { }``), before
    its receiver is translated on its own."""
    if call.recv_node is None:
        return None
    base_node, stages = _stages(tr, call.recv_node)
    if not stages or base_node is None:
        return None
    if call.block is None and symbol_block(tr, call) is None and \
            call.name not in SHAPES | {"to_a", "entries"}:
        # (lines.each_line.grep(re), DATA.each_line.drop(1)): the method of
        # the Array the enumerator gives
        if any(stage.name in COLLECTING for stage in stages):
            raise tr.fail(call.node, f"{call.name} of an enumerator")
        base = tr.expr(base_node)
        src: Source | None = None
        for stage in stages:
            src = _shape(tr, src, base, stage)
        assert src is not None
        items = materialize(tr, src)
        call.recv = items
        return calls.dispatch(tr, call, items)
    return _run(tr, call, tr.expr(base_node), stages)


def iterate(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """A block given to an iterator of *recv* (an Array, Hash, Range,
    Integer, String or stream); an enumerator method without one used as a
    value (``a.each_slice(2)``); None for other methods."""
    name = call.name
    has_block = call.block is not None or symbol_block(tr, call) is not None
    if has_block and (name in SHAPES or name in OPS):
        return _run(tr, call, recv, [])
    if name in ("inject", "reduce") and call.args and not has_block:
        return _reduce(tr, call, source_of(tr, call.node, recv), None)
    if not has_block and name in SHAPES and name not in ("each", "each_pair", "each_entry"):
        return materialize(tr, _shape(tr, None, recv, call))
    return None


def _run(tr: Translator, call: Call, base: Expr, stages: list[Call]) -> Expr:
    src: Source | None = None
    pending = ""
    for stage in stages:
        if stage.name in COLLECTING:
            if pending or (src is not None and src.index is not None) or stage.args:
                raise tr.fail(stage.node, f"{stage.name} in a chain of enumerators")
            src = src or source_of(tr, stage.node, base)
            pending = stage.name
            continue
        if pending and stage.name not in ("with_index", "each_with_index"):
            raise tr.fail(stage.node, f"{stage.name} after {pending} without a block")
        src = _shape(tr, src, base, stage)
    symbol = symbol_block(tr, call)
    block: Block | None = symbol if symbol is not None else call.block
    if block is None:
        if pending or src is None:
            raise tr.fail(call.node, f"{call.name} of an enumerator")
        if call.name not in ("to_a", "entries"):
            src = _shape(tr, src, base, call)
        return materialize(tr, src)
    if call.name in SHAPES:
        src = _shape(tr, src, base, call)
        op = pending or "each"
    else:
        if pending:
            raise tr.fail(call.node, f"{call.name} after {pending} without a block")
        if call.name not in ("inject", "reduce", "each_with_object") and any(
                a.type != "block_argument" for a in call.args):
            # max_by(3) { ... }, sum(0.0) { ... }, find(-> { x }) { ... }
            raise tr.fail(call.node, f"{call.name} with arguments and a block")
        src = src or source_of(tr, call.node, base)
        op = call.name
    return _apply(tr, call, src, op, block, base)


# ---------------------------------------------------------------- blocks


def _names(tr: Translator, block: Block, splat_ok: bool = False) -> list[str]:
    return ["item"] if isinstance(block, SymbolBlock) else \
        blocks.block_params(tr, block, splat_ok)


def _splatted(tr: Translator, node: Node, src: Source, names: list[str]
              ) -> tuple[Source, list[str]]:
    """``|first, *rest|`` (and ``|*, last|``): each item taken apart as Ruby
    does (``ruby.splat_each``: nil for missing ones, the splat a list), and
    the parameters' names without the ``*``."""
    star = next(i for i, n in enumerate(names) if n.startswith("*"))
    if src.index is not None or sum(n.startswith("*") for n in names) > 1:
        raise tr.fail(node, "a splat block parameter with an index, or several")
    elem = src.item.elem if src.item.kind == "list" and src.item.elem is not None \
        else tr.unknown
    before, after = star, len(names) - star - 1
    items = (elem.nil(),) * before + (list_of(elem),) + (elem.nil(),) * after
    code = f"{tr.runtime('splat_each')}({src.code}, {before}, {after})"
    plain = [n[1:] or "_" if n.startswith("*") else n for n in names]
    return Source(code, T("list", elem=elem, items=items), pairs=src.pairs), plain


def _spread(tr: Translator, src: Source, names: list[str]) -> Source:
    """Several block parameters take an item apart as Ruby does: for items
    whose length is not known, ``ruby.each(items, n)`` pads or cuts them
    (Python's unpacking would raise)."""
    if len(names) == 1 and names[0].startswith("(") and "(" not in names[0][1:]:
        names = names[0].strip("()").split(",")  # |(a, b)|: the same as |a, b|
    n = len(names)
    item = src.item
    if n < 2 or src.index is not None or (item.kind == "list" and item.items is not None and
                                          len(item.items) == n):
        return src
    elem = item.elem if item.kind == "list" and item.elem is not None else \
        item if item.kind == "any" else tr.unknown
    each = f"{tr.runtime('each')}("
    code = src.code[len(each):-1] if src.code.startswith(each) else src.code
    # an item shorter than the parameters leaves nil in the last ones
    return Source(f"{each}{code}, {n})", T("list", elem=elem, items=(elem.nil(),) * n),
                  pairs=src.pairs)


def _types(tr: Translator, node: Node, src: Source, names: list[str]) -> list[T]:
    """What each block parameter receives from *src*."""
    if src.index is not None:
        if len(names) != 2:
            raise tr.fail(node, "an index given to a block of other than two parameters")
        return [src.item, INT]
    if len(names) <= 1:
        return [src.item]
    item = src.item
    if item.kind == "any":  # (taken apart at run time, as Ruby does)
        return [item.nil()] * len(names)
    if item.kind != "list":
        raise tr.fail(node, "several block parameters for items that may not be Arrays")
    if item.items is not None and len(item.items) == len(names):
        return list(item.items)
    return [item.elem or tr.unknown] * len(names)


def _value(tr: Translator, call: Call, block: Block, item: Expr) -> Expr:
    """The block's value, its parameters bound (*item*: the symbol block's)."""
    if isinstance(block, SymbolBlock):
        return calls.dispatch(tr, Call(block.node, block.name, None, [], None, recv=item), item)
    body = blocks.one_expression(block)
    if body is None:
        raise tr.fail(block, f"a {call.name} block of more than one expression")
    return tr.expr(body)


@contextmanager
def _each_item(tr: Translator, call: Call, src: Source,
               block: Block) -> Iterator[tuple[str, list[str]]]:
    """Bind the block's parameters for a loop over *src*; yields the ``for``
    clause (``for name, email in rows``, ``for i, x in enumerate(xs)``) and
    the parameters' Python targets."""
    names = _names(tr, block, splat_ok=True)
    if any(n.startswith("*") for n in names):
        src, names = _splatted(tr, call.node, src, names)
    elif src.index is not None and names and names[0].startswith("(") and \
            "(" not in names[0][1:]:
        # |(a, b), i|: the item taken apart as Ruby does, padded or cut
        parts = [p.strip() for p in names[0].strip("()").split(",")]
        src = replace(_spread(tr, replace(src, index=None), parts), index=src.index)
    else:
        src = _spread(tr, src, names)
    with blocks.params_bound(tr, names or ["_"], _types(tr, call.node, src, names)) as targets:
        if src.index is not None:
            start = "" if src.index == "0" else f", {src.index}"
            yield f"for {targets[1]}, {targets[0]} in enumerate({src.code}{start})", targets
        else:
            yield f"for {', '.join(targets)} in {src.code}", targets


@contextmanager
def _whole_item(tr: Translator, call: Call, src: Source, block: Block) -> Iterator[Expr]:
    """Bind the block's parameters to one Python name for the whole item
    (several parameters, or one ``(a, b)``, are its parts: ``pair[0]``);
    yields the item."""
    if src.index is not None:
        raise tr.fail(call.node, f"{call.name} with an index")
    names = _names(tr, block)
    if len(names) == 1 and not names[0].startswith("("):
        with blocks.params_bound(tr, names, [src.item]) as targets:
            yield Expr(targets[0], src.item)
        return
    item = tr.temp("pair" if src.pairs else "item")
    parts = names[0].strip("()").split(",") if len(names) == 1 else names
    if any(p.count("(") > 1 for p in parts):
        raise tr.fail(call.node, "block parameters nested more than one level")
    types = _types(tr, call.node, src, parts) if parts else []
    codes = {name: f"{item}[{i}]" for i, name in enumerate(parts)}
    if src.item.kind == "any":  # an Array spread, anything else the first
        codes = {name: f"{tr.runtime('fields')}({item}, {len(parts)})[{i}]"
                 for i, name in enumerate(parts)}
    elif _spread(tr, src, parts) != src:  # Arrays of unknown length: nil past the end
        codes = {name: f"{tr.runtime('index')}({item}, {i})" for i, name in enumerate(parts)}
        types = [t.nil() for t in types]
    flat: list[str] = []
    flat_types: list[T] = []
    for part, t in zip(parts, types):
        if not part.startswith("("):
            flat.append(part)
            flat_types.append(t)
            continue
        # |(status, path), n|: that part taken apart too, nil past its end
        outer = codes.pop(part)
        for j, name in enumerate(part.strip("()").split(",")):
            codes[name] = f"{tr.runtime('index')}({outer}, {j})"
            flat.append(name)
            held = t.items[j] if t.kind == "list" and t.items is not None and \
                j < len(t.items) else t.elem if t.kind == "list" and t.elem else tr.unknown
            flat_types.append(held.nil())
    with blocks.params_bound(tr, flat, flat_types, codes):
        yield Expr(item, src.item)


# ---------------------------------------------------------------- operations


def _apply(tr: Translator, call: Call, src: Source, op: str, block: Block,
           base: Expr) -> Expr:
    if base.type.kind == "any" and op in ("select", "filter", "find_all", "reject"):
        return _select_either(tr, call, base, op, block)
    if base.type.kind == "any" and op == "to_h":
        raise tr.fail(call.node, f"{op} of a value that may be an Array or a Hash (the "
                                 f"results differ)")
    if op in SHAPES or op == "each":
        if isinstance(block, SymbolBlock):
            raise tr.fail(call.node, f"{call.name}(&:{block.name})")
        return loop_over(tr, call, src, block, base)
    if op == "each_with_object":
        return tr.hoist(call.node, lambda: _with_object(tr, call, src, block))
    if op in ("inject", "reduce"):
        return _reduce(tr, call, src, block)
    if not isinstance(block, SymbolBlock) and blocks.one_expression(block) is None:
        return tr.hoist(call.node, lambda: _collect_loop(tr, call, src, op, block))
    if op in KEYED or op in ("select", "filter", "find_all", "reject", "find", "detect",
                             "find_index", "index", "rindex", "take_while", "drop_while"):
        return _by_item(tr, call, src, op, block)
    return _comprehension(tr, call, src, op, block)


def _select_either(tr: Translator, call: Call, base: Expr, op: str, block: Block) -> Expr:
    """``select``/``reject`` of a value that may be an Array or a Hash (parsed
    JSON): the runtime keeps an Array an Array and a Hash a Hash."""
    names = _names(tr, block)
    if len(names) != 1 or names[0].startswith("("):
        raise tr.fail(call.node, f"{op} with other than one block parameter of a value that "
                                 f"may be an Array or a Hash")
    part = _json_part(tr, base.type)
    keep = ", keep=False" if op == "reject" else ""
    if not isinstance(block, SymbolBlock) and blocks.one_expression(block) is None:
        # several statements: a function before the statement, its value Ruby's truth
        if not blocks.definable(tr, block):
            raise tr.fail(call.node, f"a {op} block of several statements inside an expression")
        test_of = blocks.function_for_block(tr, block, "kept", [part])
        return Expr(f"{tr.runtime('select')}({base.code}, lambda item: "
                    f"{tr.runtime('truthy')}({test_of}(item)){keep})",
                    replace(base.type, nilable=False), P_CALL)
    with blocks.params_bound(tr, names, [part]) as targets:
        test = tr.truth(_value(tr, call, block, Expr(targets[0], part)))
    return Expr(f"{tr.runtime('select')}({base.code}, lambda {targets[0]}: {test.code}{keep})",
                replace(base.type, nilable=False), P_CALL)


def loop_over(tr: Translator, call: Call, src: Source, block: Node, value: Expr) -> Expr:
    """``each`` and its family as a statement: a ``for`` loop; where the
    call's value goes it gets *value* (Ruby's iterators return their
    receiver)."""
    if not call.statement:
        raise tr.fail(call.node, f"{call.name} used for its value")
    tail = call.tail
    # ``x = items.each do ... break v ... end``: v when the block breaks
    # (nil for a bare break), the receiver when the loop runs out (else:)
    gives = tail if tail is not None and tail.kind in ("assign", "return") and \
        blocks.contains(block, ("break",)) else None
    with _each_item(tr, call, src, block) as (clause, _):
        tr.emit(f"{clause}:")
        with tr.loop(gives=gives):
            blocks.block_body(tr, block)
    if gives is not None:
        tr.emit("else:")
        with tr.indented():
            to_tail(tr, call, _kept_range(tr, call) if value.type.kind == "range" else value)
        return DONE
    to_tail(tr, call, value)
    return DONE


def _kept_range(tr: Translator, call: Call) -> Expr:
    """The Range an iterator over a range literal gives as its value: a
    ``ruby.Range``, which shows as Ruby writes it (Python's range would
    show as ``range(1, 4)``, whether ``1..3`` or ``1...4`` was written)."""
    node = unparenthesized(call.recv_node)
    if node is None or node.type != "range":
        raise tr.fail(call.node, f"the value of {call.name} over a Range held elsewhere")
    low = tr.expr(node.child_by_field_name("begin"))
    high = tr.expr(node.child_by_field_name("end"))
    exclusive = ", exclude_end=True" if tr.text(node.child_by_field_name("operator")) == "..." \
        else ""
    return Expr(f"{tr.runtime('Range')}({low.code}, {high.code}{exclusive})",
                T("obj", name="Range"), P_CALL)


def to_tail(tr: Translator, call: Call, value: Expr) -> None:
    """Where a call written as statements sends its value, *value* goes."""
    tail = call.tail
    if tail is None or tail.kind == "none":
        return
    tr.emit(f"return {value.code}" if tail.kind == "return" else
            f"{tail.target} = {value.code}")
    if tail.var_type is not None:
        tail.var_type(value.type)


def _comprehension(tr: Translator, call: Call, src: Source, op: str, block: Block) -> Expr:
    with _each_item(tr, call, src, block) as (clause, targets):
        value = _value(tr, call, block, Expr(targets[0], src.item))
        truth = tr.truth(value)
    if op in ("map", "collect"):
        return Expr(f"[{value.code} {clause}]", list_of(value.type))
    if op in ("flat_map", "collect_concat"):
        x = tr.temp("item")
        if value.type.kind == "any":  # an Array is spread, anything else kept whole
            return Expr(f"[{x} {clause} for {x} in {tr.runtime('spread')}({value.code})]",
                        T("list", elem=T("any", name=value.type.name)))
        if not value.type.is_("list"):
            raise tr.fail(call.node, f"{op} of values that may not be Arrays")
        return Expr(f"[{x} {clause} for {x} in {value.code}]", value.type)
    if op == "filter_map":
        if re.fullmatch(r"\w+", value.code):
            return Expr(f"[{value.code} {clause} if {truth.code}]",
                        list_of(value.type.non_nil()))
        kept = tr.temp("value")
        test = tr.truth(Expr(f"({kept} := {value.code})", value.type))
        return Expr(f"[{kept} {clause} if {test.code}]", list_of(value.type.non_nil()))
    if op == "count":
        return Expr(f"sum(1 {clause} if {truth.code})", INT, P_CALL)
    if op == "any?":
        return Expr(f"any({truth.code} {clause})", BOOL, P_CALL)
    if op == "all?":
        return Expr(f"all({truth.code} {clause})", BOOL, P_CALL)
    if op == "none?":
        return Expr(f"not any({truth.code} {clause})", BOOL, P_NOT)
    if op == "sum":
        if value.type.is_("int"):
            return Expr(f"sum({value.code} {clause})", INT, P_CALL)
        return Expr(f"{tr.runtime('sum')}({value.code} {clause})", value.type.non_nil(), P_CALL)
    if op == "to_h":
        pair = value.type.items if value.type.kind == "list" and value.type.items and \
            len(value.type.items) == 2 else None
        if pair is None and value.type.is_("list"):
            # pairs known only at run time: Ruby's errors for other lengths
            part = value.type.elem or tr.unknown
            return Expr(f"{tr.runtime('pairs_to_h')}({value.code} {clause})",
                        dict_of(part, part), P_CALL)
        if pair is None:
            raise tr.fail(call.node, "to_h of values that may not be pairs")
        return Expr(f"dict({value.code} {clause})", dict_of(pair[0], pair[1]), P_CALL)
    raise tr.fail(call.node, f"{op} with a block is not translated")


def _by_item(tr: Translator, call: Call, src: Source, op: str, block: Block) -> Expr:
    """Operations whose result holds the items themselves (select, find,
    sort_by, group_by, partition...)."""
    with _whole_item(tr, call, src, block) as whole:
        value = _value(tr, call, block, whole)
        truth = tr.truth(value)
    item, item_t = whole.code, src.item
    lam = f"lambda {item}: "
    if op in ("select", "filter", "find_all", "reject"):
        test = tr.wrap(truth if op != "reject" else expressions.negate(truth), P_OR)
        if src.pairs:  # a Hash's select keeps a Hash
            key, val = item_t.items or (tr.unknown, tr.unknown)
            return Expr(f"dict({item} for {item} in {src.code} if {test})",
                        T("dict", key=key, elem=val), P_CALL)
        return Expr(f"[{item} for {item} in {src.code} if {test}]", list_of(item_t))
    if op in ("find", "detect"):
        found = f"list({item})" if src.pairs else item
        return Expr(f"next(({found} for {item} in {src.code} if {truth.code}), None)",
                    item_t.nil(), P_CALL)
    if op in ("find_index", "index", "rindex"):
        if src.pairs:
            raise tr.fail(call.node, f"Hash#{op}")
        i = tr.temp("index")
        pairs = f"enumerate({src.code})" if op != "rindex" else \
            f"reversed(list(enumerate({src.code})))"
        return Expr(f"next(({i} for {i}, {item} in {pairs} if {truth.code}), None)",
                    INT.nil(), P_CALL)
    if op in ("take_while", "drop_while") and not src.pairs:
        tr.need("itertools")
        function = "takewhile" if op == "take_while" else "dropwhile"
        return Expr(f"list(itertools.{function}({lam}{truth.code}, {src.code}))",
                    list_of(item_t), P_CALL)
    if op == "partition":
        return Expr(f"{tr.runtime('partition')}({src.code}, {lam}{truth.code})",
                    T("list", elem=list_of(item_t), items=(list_of(item_t), list_of(item_t))),
                    P_CALL)
    if op == "group_by":
        return Expr(f"{tr.runtime('group_by')}({src.code}, {lam}{value.code})",
                    dict_of(value.type, list_of(item_t)), P_CALL)
    if op == "uniq":  # the first item for each value of the block
        return Expr(f"{tr.runtime('uniq_by')}({src.code}, {lam}{value.code})",
                    list_of(item_t), P_CALL)
    # nil raises in both; parts of parsed JSON compare as Ruby's do (Strings,
    # numbers) or raise in both (mixed kinds, Arrays of them, Hashes)
    if value.type.kind == "any" and collections.json_keys(value.type) is None:
        # values known only at run time: compared by Ruby's <=>
        value = Expr(f"{tr.runtime('order_key')}({value.code})", value.type, P_CALL)
    elif value.type.kind not in COMPARABLE and collections.json_keys(value.type) is None:
        raise tr.fail(call.node, f"{op} by values that may not compare alike")
    if op == "sort_by":
        # Ruby's sort_by is glibc's qsort_r, a merge sort: stable, as sorted() is
        return Expr(f"sorted({src.code}, key={lam}{value.code})", list_of(item_t), P_CALL)
    return Expr(f"{op[:3]}({src.code}, key={lam}{value.code}, default=None)", item_t.nil(),
                P_CALL)


def _collect_loop(tr: Translator, call: Call, src: Source, op: str, block: Node) -> Expr:
    """``map do ... end`` with several statements: a loop written before the
    statement collects the block's values (``select``: the items)."""
    if op not in COLLECTING | {"find", "detect", "to_h", "any?", "all?", "none?", "partition",
                               "count", "sum"} or op in ("flat_map", "collect_concat"):
        raise tr.fail(call.node, f"a {op} block of more than one expression")
    if not blocks.hoistable(tr, call.node):
        raise tr.fail(call.node, f"a {op} block of several statements inside an expression")
    mapping = op in ("map", "collect", "sum")  # the values collected (then added up)
    stops = ("break",) if mapping or op in ("select", "filter", "find_all", "filter_map") \
        else ("break", "next")
    if blocks.contains(block, stops):
        raise tr.fail(call.node, f"{' or '.join(stops)} in a {op} block")
    finding = op in ("find", "detect")
    testing = op in ("any?", "all?", "none?")  # (true or false; the loop stops at the answer)
    # a Hash's select and reject give a Hash, as to_h does
    entries = src.pairs and op in ("select", "filter", "reject") or op == "to_h"
    if src.pairs and not (entries or finding or op in ("map", "collect", "filter_map")):
        raise tr.fail(call.node, f"a Hash's {op} block of several statements")
    result = tr.temp({"map": "mapped", "collect": "mapped", "filter_map": "mapped",
                      "sum": "values", "count": "counted", "find": "found", "detect": "found",
                      "to_h": "pairs"}.get(op, "answer" if testing else "selected"))
    rejected = tr.temp("rejected") if op == "partition" else ""
    value = tr.temp("value")
    key = f"block:{call.node.start_byte}"
    start = "False" if op == "any?" else "True" if testing else "None" if finding else \
        "{}" if entries else "[]"
    tr.emit(f"{result} = {'0' if op == 'count' else start}")
    if rejected:
        tr.emit(f"{rejected} = []")
    with _each_item(tr, call, src, block) as (clause, targets):
        if entries and op != "to_h" and len(targets) != 2:
            raise tr.fail(block, f"a Hash's {op} block of several statements without |key, "
                                 f"value|")
        tr.emit(f"{clause}:")
        collects = (result, key) if mapping else None
        with tr.indented(), tr.loop(collects):
            blocks.block_code(tr, block, Tail("assign", value, lambda t: tr.learn(key, t)))
            seen = Expr(value, tr.known(key) or tr.unknown)
            item = targets[0] if len(targets) == 1 else f"[{', '.join(targets)}]"
            if mapping:
                tr.emit(f"{result}.append({value})")
            elif op == "count":
                tr.emit(f"if {tr.truth(seen).code}:")
                tr.emit(f"    {result} += 1")
            elif op == "partition":
                tr.emit(f"({result} if {tr.truth(seen).code} else {rejected}).append({item})")
            elif op == "to_h":  # each value a [key, value] pair (else it raises, as in Ruby)
                tr.emit(f"{result}.update([{value}])")
            elif op == "filter_map":
                tr.emit(f"if {tr.truth(seen).code}:")
                tr.emit(f"    {result}.append({value})")
            elif testing:  # the first answer that decides, and no further
                test = tr.truth(seen)
                if op != "any?":
                    test = expressions.negate(test) if op == "all?" else test
                tr.emit(f"if {test.code}:")
                tr.emit(f"    {result} = {'True' if op == 'any?' else 'False'}")
                tr.emit("    break")
            elif finding:  # the first item whose block is true, and no further
                tr.emit(f"if {tr.truth(seen).code}:")
                tr.emit(f"    {result} = {item}")
                tr.emit("    break")
            else:
                test = tr.truth(seen)
                tr.emit(f"if {(expressions.negate(test) if op == 'reject' else test).code}:")
                tr.emit(f"    {result}[{targets[0]}] = {targets[1]}" if entries else
                        f"    {result}.append({item})")
    if finding:
        return Expr(result, src.item.nil())
    if testing:
        return Expr(result, BOOL)
    if op == "count":
        return Expr(result, INT)
    if op == "partition":
        part = list_of(src.item)
        return Expr(f"[{result}, {rejected}]", T("list", elem=part, items=(part, part)), P_ATOM)
    if op == "sum":
        if seen.type.is_("int"):
            return Expr(f"sum({result})", INT, P_CALL)
        if not seen.type.is_("int", "float", "num"):
            raise tr.fail(call.node, "a sum block of values that may not be numbers")
        return Expr(f"{tr.runtime('sum')}({result})", seen.type.non_nil(), P_CALL)
    if op == "to_h":
        pair = seen.type.items or (seen.type.elem or tr.unknown,) * 2
        return Expr(result, T("dict", key=pair[0], elem=pair[1]))
    if entries:
        assert src.item.items is not None
        return Expr(result, T("dict", key=src.item.items[0], elem=src.item.items[1]))
    t = seen.type if op in ("map", "collect") else seen.type.non_nil() \
        if op == "filter_map" else src.item
    return Expr(result, list_of(t))


def _with_object(tr: Translator, call: Call, src: Source, block: Block) -> Expr:
    """``each_with_object(memo) { |x, memo| ... }``: *memo* set before a
    loop, the value after it."""
    if isinstance(block, SymbolBlock) or len(call.args) != 1:
        raise tr.fail(call.node, "each_with_object without a block or a memo")
    names = blocks.block_params(tr, block)
    if len(names) != 2 or names[1].startswith("("):
        raise tr.fail(block, "each_with_object with other than an item and a memo")
    return _memo_loop(tr, call, src, block, names[0], names[1],
                      blocks.block_statements(block))


def _memo_loop(tr: Translator, call: Call, src: Source, block: Node, item: str, memo: str,
               statements: list[Node]) -> Expr:
    """A loop over *src* running *statements* with *item* and *memo* bound,
    *memo* set before it to the call's argument; its value is *memo*."""
    if not call.statement and not blocks.hoistable(tr, call.node):
        raise tr.fail(call.node, f"{call.name} inside an expression")
    start = tr.expr(call.args[0])
    # |(a, b), memo|: the item taken apart (an index from each_with_index last)
    parts = item.strip("()").split(",") if item.startswith("(") else [item]
    if src.index is not None and len(parts) != 2:
        raise tr.fail(block, f"{call.name} of an indexed item without (item, index)")
    src = _spread(tr, src, parts)
    types = _types(tr, call.node, src, parts) + [start.type]
    with blocks.params_bound(tr, parts + [memo], types) as targets:
        tr.emit(f"{targets[-1]} = {start.code}")
        if src.index is not None:
            begin = "" if src.index == "0" else f", {src.index}"
            tr.emit(f"for {targets[1]}, {targets[0]} in enumerate({src.code}{begin}):")
        else:
            tr.emit(f"for {', '.join(targets[:-1])} in {src.code}:")
        with tr.loop(), tr.indented():
            tr.body(statements, NO_TAIL)
        var = tr.local(memo)
        value = Expr(targets[-1], var.type if var is not None else start.type)
    if call.statement:
        to_tail(tr, call, value)
        return DONE
    return value


def _memo_statements(tr: Translator, block: Node, memo: str) -> list[Node] | None:
    """The statements of an ``inject`` block that changes its running value
    in place and ends with it (``{ |h, x| h[x] += 1; h }``), without that
    last one; None for a block of another shape."""
    statements = [s for s in blocks.block_statements(block) if s.type != "comment"]
    if len(statements) < 2 or statements[-1].type != "identifier" or \
            tr.text(statements[-1]) != memo:
        return None
    for node in statements[:-1]:
        for found in walk(node):
            if found.type in ("assignment", "operator_assignment") and \
                    tr.text(found.child_by_field_name("left")) == memo or \
                    found.type in ("next", "break", "return", "rescue"):
                return None
    return statements[:-1]


def _reduce(tr: Translator, call: Call, src: Source, block: Block | None) -> Expr:
    """``inject(init) { |acc, x| expr }``, ``inject(:+)``, ``inject(init, :*)``:
    ``functools.reduce`` with a start value, else the runtime's ``inject``
    (nil for an empty Array)."""
    args = [a for a in call.args if a.type != "simple_symbol"]
    symbols = [tr.text(a)[1:] for a in call.args if a.type == "simple_symbol"]
    if len(args) > 1 or src.index is not None or len(symbols) > 1:
        raise tr.fail(call.node, f"{call.name} with these arguments")
    start = tr.expr(args[0]) if args else None
    elem = src.item
    start_code = f", {start.code}" if start is not None else ""
    if symbols:
        if symbols[0] not in ("+", "*", "-"):
            raise tr.fail(call.node, f"{call.name} with :{symbols[0]}")
        if symbols == ["+"] and start is not None and start.type.is_("int") and elem.is_("int"):
            return Expr(f"sum({src.code}, {start.code})", INT, P_CALL)
        t = elem if start is None else join(start.type, elem)
        return Expr(f"{tr.runtime('inject')}({src.code}, {tr.string(symbols[0])}{start_code})",
                    t.nil() if start is None else t, P_CALL)
    if block is None or isinstance(block, SymbolBlock):
        raise tr.fail(call.node, f"{call.name} without a block")
    names = blocks.block_params(tr, block)
    body = blocks.one_expression(block)
    if len(names) == 2 and body is None and start is not None and \
            not names[0].startswith("("):
        statements = _memo_statements(tr, block, names[0])
        if statements is not None:
            return _memo_loop(tr, call, src, block, names[1], names[0], statements)
    if len(names) != 2 or body is None:
        raise tr.fail(block, f"a {call.name} block of more than one expression")
    first = start.type if start is not None else elem
    if names[0].startswith("("):
        raise tr.fail(block, f"a {call.name} block that takes its running value apart")
    if names[1].startswith("("):
        # |acc, (a, b)|: a lambda cannot take an item apart; its parts are
        # read by index from an item of known length (padded as Ruby does).
        parts = names[1].strip("()").split(",")
        src = _spread(tr, src, parts)
        item = tr.temp("item")
        codes = {name: f"{item}[{i}]" for i, name in enumerate(parts)}
        with blocks.params_bound(tr, names[:1], [first]) as targets, \
                blocks.params_bound(tr, parts, _types(tr, call.node, src, parts), codes):
            value = tr.expr(body)
        targets.append(item)
    else:
        with blocks.params_bound(tr, names, [first, elem]) as targets:
            value = tr.expr(body)
    numbers = ("int", "float", "num")
    if not (value.type == first or value.type.kind == first.kind or
            value.type.is_(*numbers) and first.is_(*numbers)):
        raise tr.fail(block, f"a {call.name} block whose value changes kind")
    if value.type.kind != first.kind:  # (an Integer or a Float: known at run time)
        first = T("num")
    function = f"lambda {', '.join(targets)}: {value.code}"
    if start is None:
        return Expr(f"{tr.runtime('inject')}({src.code}, {function})", first.nil(), P_CALL)
    tr.need("functools")
    return Expr(f"functools.reduce({function}, {src.code}{start_code})", first, P_CALL)


def transform(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``transform_values { |v| ... }`` / ``transform_keys { |k| ... }``: a
    dict comprehension."""
    symbol = symbol_block(tr, call)
    block: Block | None = symbol if symbol is not None else call.block
    if block is None or call.args and symbol is None:
        raise tr.fail(call.node, f"{call.name} without a block")
    keys = call.name == "transform_keys"
    key_t, value_t = recv.type.key or tr.unknown, recv.type.elem or tr.unknown
    names = _names(tr, block)
    if len(names) != 1:
        raise tr.fail(call.node, f"{call.name} with other than one block parameter")
    other = tr.temp("value" if keys else "key")
    with blocks.params_bound(tr, names, [key_t if keys else value_t]) as targets:
        value = _value(tr, call, block, Expr(targets[0], key_t if keys else value_t))
    pair = f"{targets[0]}, {other}" if keys else f"{other}, {targets[0]}"
    entry = f"{value.code}: {other}" if keys else f"{other}: {value.code}"
    return Expr(f"{{{entry} for {pair} in {tr.wrap(recv, P_CALL)}.items()}}",
                dict_of(value.type, value_t) if keys else dict_of(key_t, value.type))
