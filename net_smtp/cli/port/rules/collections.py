"""Arrays, hashes and ranges: literals, indexing, ``<<``, and the iterator
methods (``each``, ``each_with_index``, ``map``, ``select``, ``reject``,
``times``...) as ``for`` loops and comprehensions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine import P_CALL, P_CMP, P_NOT, Call, Expr
from ..syntax import Node
from ..types import ANY, BOOL, INT, T, dict_of, join, list_of
from . import blocks, calls, definitions, env, io, regexps, strings
from .calls import DONE, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["array_literal", "element_reference", "element_target", "hash_key", "hash_literal",
           "iterable", "range_expr", "shovel"]


def array_literal(tr: Translator, node: Node) -> Expr:
    items = []
    elem: T | None = None
    positional: list[T] = []
    for child in node.named_children:
        if child.type == "comment":
            continue
        if child.type == "splat_argument":
            inner = tr.expr(child.named_children[0])
            items.append("*" + tr.wrap(inner, P_CALL))
            t = inner.type.elem or tr.unknown
        elif child.type == "pair":
            raise tr.fail(child, "a hash without braces inside an array")
        else:
            e = tr.expr(child)
            items.append(e.code)
            t = e.type
            positional.append(t)
        elem = t if elem is None else join(elem, t)
    exact = len(positional) == len(items)
    return Expr("[" + ", ".join(items) + "]", T("list", elem=elem,
                                                 items=tuple(positional) if exact else None))


def hash_key(tr: Translator, key: Node) -> str:
    if key.type == "hash_key_symbol":
        return tr.string(tr.text(key))
    return tr.expr(key).code


def hash_literal(tr: Translator, node: Node) -> Expr:
    items = []
    value_t: T | None = None
    keys: set[str] = set()
    fields: dict[str, T] = {}
    key_types: list[T] = []
    for child in node.named_children:
        if child.type == "comment":
            continue
        if child.type == "hash_splat_argument":
            inner = tr.expr(child.named_children[0])
            items.append("**" + tr.wrap(inner, P_CALL))
            continue
        if child.type != "pair":
            raise tr.fail(child, "an unusual hash entry")
        key = child.child_by_field_name("key")
        k = hash_key(tr, key)
        keys.add(k)
        key_types.append(T("str", nl="no", symbol=True) if key.type in (
            "hash_key_symbol", "simple_symbol") else tr.expr(key).type)
        value_node = child.child_by_field_name("value")
        if value_node is None:
            raise tr.fail(child, "a hash shorthand {x:}")
        v = tr.expr(value_node)
        items.append(f"{k}: {v.code}")
        fields[k] = v.type
        value_t = v.type if value_t is None else join(value_t, v.type)
    code = "{" + ", ".join(items) + "}"
    if len(code) > 70 and len(items) > 1:
        pad = "    " * (tr.level + 1)
        code = "{\n" + "".join(f"{pad}{item},\n" for item in items) + "    " * tr.level + "}"
    key_t: T | None = None
    for t in key_types:
        key_t = t if key_t is None else join(key_t, t)
    return Expr(code, T("dict", key=key_t, elem=value_t, keys=frozenset(keys),
                        fields=tuple(sorted(fields.items()))))


def range_expr(tr: Translator, node: Node) -> Expr:
    low = tr.expr(node.child_by_field_name("begin"))
    high = tr.expr(node.child_by_field_name("end"))
    op = tr.text(node.child_by_field_name("operator"))
    if not (low.type.is_("int") and high.type.is_("int")):
        raise tr.fail(node, "a range of values that may not be Integers")
    end = high.code if op == "..." else (
        str(int(high.code) + 1) if high.code.isdigit() else f"{tr.wrap(high, 11)} + 1")
    start = "" if low.code == "0" else f"{low.code}, "
    return Expr(f"range({start}{end})", T("range", elem=INT), P_CALL)


def iterable(tr: Translator, node: Node) -> Expr:
    e = tr.expr(node)
    if e.type.kind == "dict":
        return Expr(f"{tr.wrap(e, P_CALL)}.items()", list_of(list_of(ANY)), P_CALL)
    if e.type.kind not in ("list", "range", "argv"):
        raise tr.fail(node, "iterating over a value that may not be an Array")
    return e


def element_reference(tr: Translator, node: Node) -> Expr:
    obj_node = node.child_by_field_name("object")
    args = [c for c in node.named_children if c != obj_node and c.type != "comment"]
    special = env.element_reference(tr, node, obj_node, args)
    if special is not None:
        return special
    obj = tr.expr(obj_node)
    if len(args) != 1:
        if obj.type.is_("str", "list") and len(args) == 2:
            a, b = tr.expr(args[0]), tr.expr(args[1])
            if args[0].type == "regex":
                return regexps.capture(tr, node, obj, args[0], b)
            if a.type.is_("int") and b.type.is_("int"):
                return Expr(f"{tr.wrap(obj, P_CALL)}[{a.code}:{a.code} + {b.code}]", obj.type,
                            P_CALL)
        raise tr.fail(node, "indexing with several arguments")
    arg = args[0]
    t = obj.type
    if t.kind == "dict":
        key = hash_key(tr, arg) if arg.type != "simple_symbol" else tr.string(tr.text(arg)[1:])
        value = t.field(key) or t.elem or tr.unknown
        if t.name.startswith("default:"):
            return Expr(f"{tr.wrap(obj, P_CALL)}.get({key}, {t.name[8:]})", value, P_CALL)
        if t.keys is not None and key in t.keys and not t.nilable:
            return Expr(f"{tr.wrap(obj, P_CALL)}[{key}]", value, P_CALL)
        return Expr(f"{tr.wrap(obj, P_CALL)}.get({key})", value.nil(), P_CALL)
    if t.kind in ("list", "str"):
        if arg.type == "range":
            low = tr.expr(arg.child_by_field_name("begin"))
            high_node = arg.child_by_field_name("end")
            op = tr.text(arg.child_by_field_name("operator"))
            high = tr.expr(high_node) if high_node is not None else None
            if high is None:
                stop = ""
            elif op == "..." :
                stop = high.code
            elif high.code == "-1":
                stop = ""
            else:
                stop = f"{tr.wrap(high, 11)} + 1" if not high.code.lstrip("-").isdigit() else \
                    str(int(high.code) + 1)
            return Expr(f"{tr.wrap(obj, P_CALL)}[{low.code}:{stop}]", t.non_nil(), P_CALL)
        if arg.type == "regex":
            return regexps.capture(tr, node, obj, arg, None)
        index = tr.expr(arg)
        if not index.type.is_("int"):
            raise tr.fail(arg, "an index that may not be an Integer")
        if t.kind == "str":
            if not re.fullmatch(r"-?\d+", index.code):
                raise tr.fail(node, "String#[] with a computed index")
            i = int(index.code)
            end = "" if i == -1 else str(i + 1)
            # one character, or nil past the end (Python would raise)
            return Expr(f"{tr.wrap(obj, P_CALL)}[{i}:{end}] or None", T("str", nilable=True,
                                                                        nl="?"), 2)
        elem = (t.elem or tr.unknown)
        return Expr(f"{tr.wrap(obj, P_CALL)}[{index.code}]", elem, P_CALL)
    raise tr.fail(node, "indexing a value that may not be an Array or Hash")


def element_target(tr: Translator, node: Node, t: T) -> str:
    obj_node = node.child_by_field_name("object")
    args = [c for c in node.named_children if c != obj_node and c.type != "comment"]
    special = env.element_target(tr, node, obj_node, args, t)
    if special is not None:
        return special
    obj = tr.expr(obj_node)
    if len(args) != 1:
        raise tr.fail(node, "indexing with several arguments")
    if obj.type.kind == "dict":
        key = hash_key(tr, args[0])
        if obj_node.type == "identifier":
            var = tr.local(tr.text(obj_node))
            if var is not None:
                old = obj.type.field(key)
                fields = dict(obj.type.fields or ())
                fields[key] = t if old is None else join(old, t)
                tr.bind(tr.text(obj_node), T("dict", key=obj.type.key,
                                            elem=t if obj.type.elem is None else
                                            join(obj.type.elem, t), keys=obj.type.keys,
                                            fields=tuple(sorted(fields.items())),
                                            name=obj.type.name))
        return f"{tr.wrap(obj, P_CALL)}[{key}]"
    if obj.type.kind == "list":
        index = tr.expr(args[0])
        return f"{tr.wrap(obj, P_CALL)}[{index.code}]"
    raise tr.fail(node, "assigning into a value that may not be an Array or Hash")


def learn_place(tr: Translator, place: Node, t: T) -> None:
    """A local, or an entry of a local Hash, now (also) holds a *t*."""
    if place.type == "identifier" and tr.local(tr.text(place)) is not None:
        tr.bind(tr.text(place), t)
    elif place.type == "instance_variable":
        definitions.ivar(tr, place, t)
    elif place.type == "element_reference":
        obj_node = place.child_by_field_name("object")
        args = [c for c in place.named_children if c != obj_node]
        if obj_node.type != "identifier" or len(args) != 1:
            return
        var = tr.local(tr.text(obj_node))
        if var is None or var.type.kind != "dict":
            return
        key = hash_key(tr, args[0])
        fields = dict(var.type.fields or ())
        fields[key] = join(fields[key], t) if key in fields else t
        tr.bind(tr.text(obj_node), T("dict", key=var.type.key, elem=var.type.elem,
                                    keys=var.type.keys, fields=tuple(sorted(fields.items()))))


def shovel(tr: Translator, node: Node, right: Node) -> Expr:
    """``a << b``: append to an Array; extend a String in place."""
    values = [right]
    base = node.child_by_field_name("left")
    while base.type == "binary" and tr.text(base.child_by_field_name("operator")) == "<<":
        values.insert(0, base.child_by_field_name("right"))
        base = base.child_by_field_name("left")
    root = tr.expr(base)
    t = root.type.non_nil() if root.type.kind in ("list", "str") else root.type
    if t.is_("list"):
        if len(values) != 1:
            exprs = [tr.expr(v).code for v in values]
            tr.emit(f"{tr.wrap(root, P_CALL)}.extend([{', '.join(exprs)}])")
            return DONE_EXPR
        v = tr.expr(values[0])
        learn_place(tr, base, T("list", elem=v.type if t.elem is None else join(t.elem, v.type)))
        return Expr(f"{tr.wrap(root, P_CALL)}.append({v.code})", T("nil"), P_CALL)
    if t.is_("str"):
        if base.type not in ("identifier", "instance_variable"):
            raise tr.fail(node, "<< on a String that is not in a variable")
        if base.type == "identifier" and env.is_aliased(tr, tr.text(base)):
            raise tr.fail(node, "<< on a String that another variable also holds")
        pieces = [tr.expr(v) for v in values]
        for piece in pieces:
            if not piece.type.is_("str"):
                raise tr.fail(node, "<< of something that may not be a String")
        joined = " + ".join(tr.wrap(piece, 11) for piece in pieces)
        nl = pieces[-1].type.nl
        if base.type == "identifier":
            tr.bind(tr.text(base), T("str", nl=nl if nl == t.nl else "?"))
        tr.emit(f"{root.code} += {joined}")
        return DONE_EXPR
    if t.kind == "io":
        return io.io_write(tr, node, root, values)
    if t.kind == "any" or t.kind == "list" or t.kind == "str":
        raise tr.fail(node, "<< on a value that may not be a String or an Array")
    raise tr.fail(node, f"<< on {t.kind}")


DONE_EXPR = Expr("", T("nil"))


# ---------------------------------------------------------------- iterators


def _elem_types(tr: Translator, recv: Expr) -> list[T]:
    t = recv.type
    if t.kind == "dict":
        return [t.key or tr.unknown, t.elem or tr.unknown]
    return [t.elem or tr.unknown]


def _loop_header(tr: Translator, recv: Expr, targets: list[str], index: bool = False,
                 names: list[str] | None = None) -> str:
    r = recv.code
    if recv.type.kind == "dict":
        if len(targets) == 1:
            source = f"{tr.wrap(recv, P_CALL)}.items()"
        else:
            source = f"{tr.wrap(recv, P_CALL)}.items()"
        return f"for {', '.join(targets)} in {source}:"
    if index:
        return f"for {', '.join(targets)} in enumerate({r}):"
    return f"for {', '.join(targets)} in {r}:"


def _each(tr: Translator, call: Call, recv: Expr, index: bool = False) -> Expr:
    if call.block is None or not call.statement:
        raise tr.fail(call.node, f"{call.name} without a block, or used for its value")
    names = blocks.block_params(tr, call.block)
    types = _elem_types(tr, recv)
    if index:
        if recv.type.kind == "dict":
            raise tr.fail(call.node, "each_with_index on a Hash")
        types = [types[0], INT]
        if len(names) > 2:
            raise tr.fail(call.node, "each_with_index with more than two parameters")
    if recv.type.kind == "dict" and len(names) == 1:
        types = [list_of(ANY)]
    if recv.type.kind == "list" and len(names) > 1 and not index:
        elem = recv.type.elem or tr.unknown
        if elem.kind != "list":
            raise tr.fail(call.node, "several block parameters for items that may not be Arrays")
        if elem.items is not None and len(elem.items) == len(names):
            types = list(elem.items)
        else:
            types = [(elem.elem or tr.unknown)] * len(names)
    with blocks.params_bound(tr, names or ["_"], types) as targets:
        if index:
            targets = [targets[1] if len(targets) > 1 else "_", targets[0]]
        tr.emit(_loop_header(tr, recv, targets, index, names))
        with tr.loop():
            blocks.block_body(tr, call.block)
    _after_statement(tr, call, recv)
    return DONE


def _after_statement(tr: Translator, call: Call, value: Expr | None) -> None:
    tail = call.tail
    if tail is None or tail.kind == "none":
        return
    code = value.code if value is not None else "None"
    if tail.kind == "return":
        tr.emit(f"return {code}")
    else:
        tr.emit(f"{tail.target} = {code}")


def _comprehension(tr: Translator, call: Call, recv: Expr) -> tuple[str, Expr, str]:
    """(``for`` clause, the block's value, the loop variable list)."""
    if call.block is None:
        raise tr.fail(call.node, f"{call.name} without a block")
    expr_node = blocks.one_expression(call.block)
    if expr_node is None:
        raise tr.fail(call.block, f"a {call.name} block of more than one expression")
    names = blocks.block_params(tr, call.block)
    types = _elem_types(tr, recv)
    if recv.type.kind == "list" and len(names) > 1:
        elem = recv.type.elem or tr.unknown
        types = list(elem.items) if elem.items is not None and len(elem.items) == len(names) \
            else [(elem.elem or tr.unknown)] * len(names)
    if recv.type.kind == "dict" and len(names) == 1:
        types = [list_of(ANY)]
    with blocks.params_bound(tr, names or ["_"], types) as targets:
        value = tr.expr(expr_node)
    source = f"{tr.wrap(recv, P_CALL)}.items()" if recv.type.kind == "dict" else recv.code
    return f"for {', '.join(targets)} in {source}", value, ", ".join(targets)


def _symbol_block(tr: Translator, call: Call) -> None:
    """``map(&:strip)``: the same as ``map { |x| x.strip }``."""
    if call.block is None and len(call.args) == 1 and call.args[0].type == "block_argument":
        inner = call.args[0].named_children
        if inner and inner[0].type == "simple_symbol":
            call.block = _SymbolBlock(tr, tr.text(inner[0])[1:], call.args[0])
            call.args = []


class _SymbolBlock:
    """Stands in for the block ``{ |item| item.name }`` of ``&:name``."""

    def __init__(self, tr: Translator, name: str, node: Node) -> None:
        self.name = name
        self.node = node
        self.start_point = node.start_point
        self.end_point = node.end_point
        self.type = "symbol_block"


def _iterator(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    _symbol_block(tr, call)
    if isinstance(call.block, _SymbolBlock):
        return _symbol_iterator(tr, call, recv, call.block)
    if name in ("each", "each_pair") and call.block is not None:
        return _each(tr, call, recv)
    if name == "each_with_index" and call.block is not None:
        return _each(tr, call, recv, index=True)
    if name == "each_slice" and call.block is not None and len(call.args) == 1:
        size = tr.expr(call.args[0])
        if not size.type.is_("int") or not re.fullmatch(r"[\w.]+", recv.code):
            raise tr.fail(call.node, "each_slice of a computed Array or size")
        i = tr.temp("start")
        batches = Expr(f"({recv.code}[{i}:{i} + {size.code}] for {i} in range(0, len({recv.code}), "
                       f"{size.code}))", T("list", elem=recv.type))
        return _each(tr, Call(call.node, "each", None, [], call.block, tail=call.tail), batches)
    if name in ("map", "collect", "flat_map", "select", "filter", "reject", "count", "any?",
                "all?", "none?", "find", "detect", "sum", "sort_by", "min_by", "max_by",
                "each_with_object", "filter_map", "group_by", "partition", "find_all",
                "to_h", "uniq", "inject", "reduce") and (call.block is not None or name in (
                    "inject", "reduce")):
        return _block_value(tr, call, recv)
    return None


def _symbol_iterator(tr: Translator, call: Call, recv: Expr, block: _SymbolBlock) -> Expr:
    if call.name not in ("map", "collect", "select", "reject", "each", "filter", "sum", "min_by",
                         "max_by"):
        raise tr.fail(call.node, f"{call.name}(&:{block.name})")
    elem = recv.type.elem or tr.unknown
    item = tr.temp("item")
    fake = Call(call.node, block.name, None, [], None, recv=Expr(item, elem))
    value = calls._dispatch(tr, fake, Expr(item, elem))
    source = recv.code
    if call.name in ("map", "collect"):
        return Expr(f"[{value.code} for {item} in {source}]", list_of(value.type))
    if call.name in ("select", "filter"):
        return Expr(f"[{item} for {item} in {source} if {tr.truth(value).code}]", recv.type)
    if call.name == "reject":
        return Expr(f"[{item} for {item} in {source} if not {tr.wrap(tr.truth(value), P_NOT)}]",
                    recv.type)
    if call.name == "sum":
        return Expr(f"sum({value.code} for {item} in {source})", value.type, P_CALL)
    if call.name in ("min_by", "max_by") and value.type.kind in ("int", "float", "str"):
        return Expr(f"{call.name[:3]}({source}, key=lambda {item}: {value.code}, default=None)",
                    elem.nil(), P_CALL)
    raise tr.fail(call.node, f"{call.name}(&:{block.name})")


def _block_value(tr: Translator, call: Call, recv: Expr) -> Expr:
    name = call.name
    if name == "each_with_object":
        raise tr.fail(call.node, "each_with_object is not translated")
    if name in ("inject", "reduce"):
        return _reduce(tr, call, recv)
    clause, value, targets = _comprehension(tr, call, recv)
    truth = tr.truth(value)
    elem = recv.type.elem if recv.type.kind != "dict" else list_of(ANY)
    if recv.type.kind == "dict" and name in ("select", "filter", "reject", "find_all"):
        negate = "not " if name == "reject" else ""
        keys = targets.split(", ")
        pair = f"{keys[0]}: {keys[1]}" if len(keys) == 2 else None
        if pair is None:
            raise tr.fail(call.node, f"Hash#{name} with one block parameter")
        return Expr(f"{{{pair} {clause} if {negate}{tr.wrap(truth, P_NOT)}}}", recv.type)
    if name in ("map", "collect"):
        return Expr(f"[{value.code} {clause}]", list_of(value.type))
    if name == "flat_map":
        x = tr.temp("item")
        return Expr(f"[{x} {clause} for {x} in {value.code}]", value.type)
    if name in ("select", "filter", "find_all"):
        return Expr(f"[{targets} {clause} if {truth.code}]", recv.type)
    if name == "reject":
        return Expr(f"[{targets} {clause} if not {tr.wrap(truth, P_NOT)}]", recv.type)
    if name == "filter_map":
        return Expr(f"[{value.code} {clause} if {truth.code}]", list_of(value.type.non_nil()))
    if name == "count":
        return Expr(f"sum(1 {clause} if {truth.code})", INT, P_CALL)
    if name == "any?":
        return Expr(f"any({truth.code} {clause})", BOOL, P_CALL)
    if name == "all?":
        return Expr(f"all({truth.code} {clause})", BOOL, P_CALL)
    if name == "none?":
        return Expr(f"not any({truth.code} {clause})", BOOL, P_NOT)
    if name in ("find", "detect"):
        return Expr(f"next(({targets} {clause} if {truth.code}), None)", (elem or tr.unknown).nil(),
                    P_CALL)
    if name == "sum":
        return Expr(f"sum({value.code} {clause})", value.type, P_CALL)
    if name in ("min_by", "max_by"):
        targets_list = targets.split(", ")
        if len(targets_list) != 1 or recv.type.kind == "dict":
            raise tr.fail(call.node, f"{name} with several block parameters")
        if value.type.kind not in ("int", "float", "str"):
            raise tr.fail(call.node, f"{name} by values that may not compare alike")
        return Expr(f"{name[:3]}({recv.code}, key=lambda {targets}: {value.code}, default=None)",
                    (elem or tr.unknown).nil(), P_CALL)
    if name == "sort_by":
        raise tr.fail(call.node, "sort_by (Ruby's sort is not stable)")
    if name == "to_h":
        return Expr(f"dict({value.code} {clause})", dict_of(ANY, ANY), P_CALL)
    raise tr.fail(call.node, f"{name} with a block is not translated")


def _reduce(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``inject(init) { |acc, x| expr }`` and ``inject(init, :+)``."""
    args = [a for a in call.args if a.type != "simple_symbol"]
    symbols = [tr.text(a)[1:] for a in call.args if a.type == "simple_symbol"]
    if len(args) != 1:
        raise tr.fail(call.node, f"{call.name} without a start value (nil for an empty Array)")
    start = tr.expr(args[0])
    elem = recv.type.elem or tr.unknown
    if symbols:
        if symbols != ["+"] or not (start.type.is_("int", "float") and elem.is_("int", "float")):
            raise tr.fail(call.node, f"{call.name} with :{symbols[0]}")
        return Expr(f"sum({recv.code}, {start.code})", join(start.type, elem), P_CALL)
    if call.block is None:
        raise tr.fail(call.node, f"{call.name} without a block")
    names = blocks.block_params(tr, call.block)
    body = blocks.one_expression(call.block)
    if len(names) != 2 or body is None:
        raise tr.fail(call.block, f"a {call.name} block of more than one expression")
    with blocks.params_bound(tr, names, [start.type, elem]) as targets:
        value = tr.expr(body)
    if not (value.type == start.type or value.type.kind == start.type.kind):
        raise tr.fail(call.block, f"a {call.name} block whose value changes kind")
    tr.need("functools")
    return Expr(f"functools.reduce(lambda {', '.join(targets)}: {value.code}, {recv.code}, "
                f"{start.code})", start.type, P_CALL)


def _list_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    found = _iterator(tr, call, recv)
    if found is not None:
        return found
    name = call.name
    r = tr.wrap(recv, P_CALL)
    elem = recv.type.elem or tr.unknown
    if call.block is not None:
        return None
    args = [tr.expr(a) for a in call.args if a.type not in ("block_argument",)]
    if not args:
        if name in ("size", "length"):
            return Expr(f"len({recv.code})", INT, P_CALL)
        if name == "count":
            return Expr(f"len({recv.code})", INT, P_CALL)
        if name == "empty?":
            return Expr(f"len({recv.code}) == 0", BOOL, P_CMP)
        if name == "any?":
            if elem.always_true:
                return Expr(f"len({recv.code}) > 0", BOOL, P_CMP)
            x = tr.temp("item")
            return Expr(f"any({tr.truth(Expr(x, elem)).code} for {x} in {recv.code})", BOOL,
                        P_CALL)
        if name == "all?":
            if elem.kind == "bool":
                return Expr(f"all({recv.code})", BOOL, P_CALL)
            x = tr.temp("item")
            return Expr(f"all({tr.truth(Expr(x, elem)).code} for {x} in {recv.code})", BOOL,
                        P_CALL)
        if name in ("first", "last"):
            index = "0" if name == "first" else "-1"
            if re.fullmatch(r"[\w.]+", recv.code):
                test = f"len({recv.code})" if call.maybe_nil else recv.code
                return Expr(f"{r}[{index}] if {test} else None", elem.nil(), 1)
            if name == "first":
                return Expr(f"next(iter({recv.code}), None)", elem.nil(), P_CALL)
            return Expr(f"({recv.code} or [None])[-1]", elem.nil(), P_CALL)
        if name in ("dup", "clone", "to_a", "entries"):
            return Expr(f"list({recv.code})", recv.type, P_CALL)
        if name in ("freeze", "itself"):
            return recv
        if name in ("sort",):
            if elem.kind not in ("str", "int", "float"):
                raise tr.fail(call.node, "sort of items that may not compare alike")
            return Expr(f"sorted({recv.code})", recv.type, P_CALL)
        if name == "reverse":
            return Expr(f"{r}[::-1]", recv.type, P_CALL)
        if name == "uniq":
            return Expr(f"list(dict.fromkeys({recv.code}))", recv.type, P_CALL)
        if name == "compact":
            x = tr.temp("item")
            return Expr(f"[{x} for {x} in {recv.code} if {x} is not None]",
                        list_of(elem.non_nil()))
        if name == "flatten":
            inner = elem.elem or tr.unknown
            if elem.kind == "list" and inner.kind not in ("list", "any"):
                x, y = tr.temp("item"), tr.temp("inner")
                return Expr(f"[{y} for {x} in {recv.code} for {y} in {x}]", list_of(inner))
            if elem.kind in ("str", "int", "float"):
                return Expr(f"list({recv.code})", recv.type, P_CALL)
            raise tr.fail(call.node, "flatten of items that may be nested Arrays")
        if name in ("join",):
            return _join(tr, call, recv, "''")
        if name in ("pop", "shift"):
            return Expr(f"{r}.pop({'0' if name == 'shift' else ''}) if {recv.code} else None",
                        elem.nil(), 1)
        if name in ("max", "min", "sum"):
            return Expr(f"{name}({recv.code})", elem, P_CALL)
        if name == "to_h":
            pair = elem.items if elem.kind == "list" and elem.items and len(elem.items) == 2 \
                else (ANY, ANY)
            return Expr(f"dict({recv.code})", dict_of(pair[0], pair[1]), P_CALL)
        if name in ("inspect", "to_s"):
            return Expr(strings.inspect_code(tr, recv, call.node), T("str", nl="no"),
                        P_CALL)
        if name == "clear":
            return Expr(f"{r}.clear()", T("nil"), P_CALL)
        return None
    if name == "join":
        return _join(tr, call, recv, args[0].code)
    if name in ("include?", "member?"):
        return Expr(f"{tr.wrap(args[0], P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}", BOOL, P_CMP)
    if name in ("push", "append") and len(args) == 1:
        return Expr(f"{r}.append({args[0].code})", recv.type, P_CALL)
    if name in ("push", "append", "concat"):
        listed = ", ".join(a.code for a in args)
        return Expr(f"{r}.extend({'[' + listed + ']' if name != 'concat' else listed})",
                    recv.type, P_CALL)
    if name in ("unshift", "prepend") and len(args) == 1:
        return Expr(f"{r}.insert(0, {args[0].code})", recv.type, P_CALL)
    if name in ("first", "last", "take") and args[0].type.is_("int"):
        n = args[0].code
        return Expr(f"{r}[:{n}]" if name != "last" else f"{r}[-{n}:]", recv.type, P_CALL)
    if name == "delete" and len(args) == 1:
        x = tr.temp("item")
        tr.emit(f"{recv.code}[:] = [{x} for {x} in {recv.code} if {x} != {args[0].code}]")
        return DONE_EXPR
    if name == "fetch" and len(args) <= 2:
        if len(args) == 1:
            return Expr(f"{r}[{args[0].code}]", elem, P_CALL)
        return Expr(f"{r}[{args[0].code}] if -len({recv.code}) <= {args[0].code} < "
                    f"len({recv.code}) else {args[1].code}", join(elem, args[1].type), 1)
    if name == "each_slice" and len(args) == 1 and call.block is None:
        return None
    return None
    return None


def _join(tr: Translator, call: Call, recv: Expr, sep: str) -> Expr:
    elem = recv.type.elem or tr.unknown
    if elem.is_("str"):
        return Expr(f"{sep}.join({recv.code})" if not sep.startswith("(") else
                    f"({sep}).join({recv.code})", T("str", nl="no" if elem.nl == "no" else "?"),
                    P_CALL)
    if elem.is_("int", "float"):
        x = tr.temp("item")
        return Expr(f"{sep}.join(str({x}) for {x} in {recv.code})", T("str", nl="no"), P_CALL)
    x = tr.temp("item")
    if elem.kind in ("list", "any", "dict"):
        raise tr.fail(call.node, "join of items that may be Arrays")
    return Expr(f"{sep}.join({tr.runtime('to_s')}({x}) for {x} in {recv.code})", T("str"),
                P_CALL)


def _dict_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    found = _iterator(tr, call, recv)
    if found is not None:
        return found
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if call.block is not None:
        if name == "fetch":
            return None
        return None
    args = [tr.expr(a) for a in call.args]
    value = recv.type.elem or tr.unknown
    key = recv.type.key or ANY
    if not args:
        if name in ("keys",):
            return Expr(f"list({recv.code})", list_of(key), P_CALL)
        if name == "values":
            return Expr(f"list({r}.values())", list_of(value), P_CALL)
        if name in ("size", "length", "count"):
            return Expr(f"len({recv.code})", INT, P_CALL)
        if name == "empty?":
            return Expr(f"len({recv.code}) == 0", BOOL, P_CMP)
        if name in ("dup", "clone", "to_h"):
            return Expr(f"dict({recv.code})", recv.type, P_CALL)
        if name in ("freeze",):
            return recv
        if name in ("to_a",):
            return Expr(f"[list(pair) for pair in {r}.items()]", list_of(list_of(ANY)))
        if name in ("inspect", "to_s"):
            return Expr(strings.inspect_code(tr, recv, call.node), T("str", nl="no"),
                        P_CALL)
        return None
    if name == "fetch":
        if len(args) == 1:
            return Expr(f"{r}[{args[0].code}]", value, P_CALL)
        return Expr(f"{r}.get({args[0].code}, {args[1].code})", join(value, args[1].type),
                    P_CALL)
    if name in ("key?", "has_key?", "include?", "member?"):
        return Expr(f"{tr.wrap(args[0], P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}", BOOL, P_CMP)
    if name == "dig":
        raise tr.fail(call.node, "Hash#dig is not translated")
    if name == "delete" and len(args) == 1:
        return Expr(f"{r}.pop({args[0].code}, None)", value.nil(), P_CALL)
    if name in ("merge", "update") and len(args) == 1:
        if name == "merge":
            return Expr(f"{{**{recv.code}, **{args[0].code}}}", recv.type)
        return Expr(f"{r}.update({args[0].code})", T("nil"), P_CALL)
    return None


def _range_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name == "each" and call.block is not None:
        return _each(tr, call, recv)
    if call.name in ("map", "select", "to_a"):
        if call.name == "to_a":
            return Expr(f"list({recv.code})", list_of(INT), P_CALL)
        return _list_method(tr, call, Expr(recv.code, list_of(INT), recv.prec))
    if call.name == "include?" and len(call.args) == 1:
        value = tr.expr(call.args[0])
        return Expr(f"{value.code} in {recv.code}", BOOL, P_CMP)
    return None


def _int_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    if name == "times" and call.block is not None:
        if not call.statement:
            _symbol_block(tr, call)
            if call.block is not None and not isinstance(call.block, _SymbolBlock):
                rng = Expr(f"range({recv.code})", list_of(INT), P_CALL)
                return _block_value(tr, Call(call.node, "map", None, [], call.block), rng)
            raise tr.fail(call.node, "times used for its value")
        rng = Expr(f"range({recv.code})", T("range", elem=INT), P_CALL)
        return _each(tr, Call(call.node, "each", None, [], call.block, tail=call.tail), rng)
    if name in ("upto", "downto") and call.block is not None and call.statement:
        end = tr.expr(call.args[0])
        if name == "upto":
            rng = Expr(f"range({recv.code}, {tr.wrap(end, 11)} + 1)", T("range", elem=INT))
        else:
            rng = Expr(f"range({recv.code}, {tr.wrap(end, 11)} - 1, -1)", T("range", elem=INT))
        return _each(tr, Call(call.node, "each", None, [], call.block, tail=call.tail), rng)
    if call.args or call.block is not None:
        if name in ("round",) and call.args:
            n = tr.expr(call.args[0])
            return Expr(f"round({recv.code}, {n.code})", recv.type, P_CALL)
        return None
    r = tr.wrap(recv, P_CALL)
    simple = {"to_i": recv, "to_int": recv, "floor": recv, "ceil": recv, "round": recv,
              "abs": Expr(f"abs({recv.code})", recv.type, P_CALL),
              "to_f": Expr(f"float({recv.code})", T("float"), P_CALL),
              "to_s": Expr(f"str({recv.code})", T("str", nl="no"), P_CALL),
              "inspect": Expr(f"str({recv.code})", T("str", nl="no"), P_CALL),
              "zero?": Expr(f"{r} == 0", BOOL, P_CMP),
              "positive?": Expr(f"{r} > 0", BOOL, P_CMP),
              "negative?": Expr(f"{r} < 0", BOOL, P_CMP),
              "even?": Expr(f"{tr.wrap(recv, 11)} % 2 == 0", BOOL, P_CMP),
              "odd?": Expr(f"{tr.wrap(recv, 11)} % 2 == 1", BOOL, P_CMP),
              "succ": Expr(f"{tr.wrap(recv, 10)} + 1", recv.type, 10),
              "pred": Expr(f"{tr.wrap(recv, 10)} - 1", recv.type, 10),
              "chr": Expr(f"chr({recv.code})", T("str"), P_CALL)}
    return simple.get(name)


def _float_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    if name == "round" and call.block is None and len(call.args) <= 1:
        digits = [tr.expr(a) for a in call.args]
        if digits and not digits[0].type.is_("int"):
            raise tr.fail(call.node, "Float#round with options")
        args = "".join(f", {d.code}" for d in digits)
        return Expr(f"{tr.runtime('round')}({recv.code}{args})",
                    T("float") if digits and digits[0].code != "0" else INT, P_CALL)
    if call.args or call.block is not None:
        return None
    simple = {"to_f": recv, "to_i": Expr(f"int({recv.code})", INT, P_CALL),
              "floor": Expr(f"math.floor({recv.code})", INT, P_CALL),
              "ceil": Expr(f"math.ceil({recv.code})", INT, P_CALL),
              "abs": Expr(f"abs({recv.code})", recv.type, P_CALL),
              "to_s": Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no"), P_CALL)}
    if name in ("floor", "ceil"):
        tr.need("math")
    return simple.get(name)


register_kind("list", _list_method)
register_kind("argv", _list_method)
register_kind("dict", _dict_method)
register_kind("range", _range_method)
register_kind("int", _int_method)
register_kind("float", _float_method)
