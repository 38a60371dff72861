"""Arrays, hashes and ranges: literals, indexing, ``<<``, and the iterator
methods (``each``, ``each_with_index``, ``map``, ``select``, ``reject``,
``times``...) as ``for`` loops and comprehensions."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..engine import P_ATOM, P_CALL, P_CMP, P_MUL, P_NOT, P_OR, P_SHIFT, Call, Expr
from ..syntax import Node, unparenthesized
from ..types import ANY, BOOL, FLOAT, INT, PENDING, T, dict_of, join, list_of
from . import blocks, definitions, dynamic, env, files, io, iterators, regexps, smtp, strings
from .calls import register_kind

if TYPE_CHECKING:
    from collections.abc import Container

    from ..engine import Translator

__all__ = ["array_literal", "check_key", "covers", "element_reference", "element_target",
           "hash_key", "hash_literal", "iterable", "json_keys", "key_type", "list_method",
           "or_default", "part_of", "range_expr", "shovel"]


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
    return Expr("[" + ", ".join(items) + "]", T("list", elem=elem, site=str(node.start_byte),
                                                 items=tuple(positional) if exact else None))


def hash_key(tr: Translator, key: Node) -> str:
    if key.type == "hash_key_symbol":
        return tr.string(tr.text(key))
    value = tr.expr(key)
    if value.type.kind in ("list", "dict", "set"):  # (a Python dict cannot hold them)
        raise tr.fail(key, "a Hash key that is an Array or a Hash")
    return value.code


def hash_literal(tr: Translator, node: Node) -> Expr:
    return hash_of(tr, node.named_children, str(node.start_byte))


def hash_of(tr: Translator, children: list[Node], site: str) -> Expr:
    """A Hash from ``key => value`` / ``key: value`` pairs (a literal, or
    the pairs passed as a method's last argument)."""
    items = []
    value_t: T | None = None
    keys: set[str] = set()
    fields: dict[str, T] = {}
    key_types: list[T] = []
    for child in children:
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
                        fields=tuple(sorted(fields.items())), site=site))


def range_expr(tr: Translator, node: Node) -> Expr:
    low = tr.expr(node.child_by_field_name("begin"))
    high = tr.expr(node.child_by_field_name("end"))
    op = tr.text(node.child_by_field_name("operator"))
    if low.type.is_("date") and high.type.is_("date"):  # the days, as a list
        last = ", exclusive=True" if op == "..." else ""
        return Expr(f"{tr.runtime('date_range')}({low.code}, {high.code}{last})",
                    T("range", elem=low.type.non_nil()), P_CALL)
    if not (low.type.is_("int") and high.type.is_("int")):
        raise tr.fail(node, "a range of values that may not be Integers")
    end = high.code if op == "..." else (
        str(int(high.code) + 1) if high.code.isdigit() else f"{tr.wrap(high, 11)} + 1")
    start = "" if low.code == "0" else f"{low.code}, "
    return Expr(f"range({start}{end})", T("range", elem=INT), P_CALL)


def or_default(tr: Translator, node: Node) -> Expr:
    """``(h[k] ||= [])`` used as a value (``<< x`` after it): ``setdefault``,
    where no value the Hash holds is nil or false (Ruby would replace one)."""
    left = node.child_by_field_name("left")
    op = tr.text(node.child_by_field_name("operator"))
    obj_node = left.child_by_field_name("object") if left.type == "element_reference" else None
    args = [c for c in left.named_children if c != obj_node] if obj_node is not None else []
    if op in ("+=", "-=") and left.type == "identifier":
        # (attempts += 1) <= 3: a walrus for a local number
        current = tr.expr(left)
        step = tr.expr(node.child_by_field_name("right"))
        if not (current.type.is_("int", "float") and step.type.is_("int", "float")):
            raise tr.fail(node, f"{op} used as a value on something but a number")
        t = FLOAT if "float" in (current.type.kind, step.type.kind) else INT
        var = tr.declare(tr.text(left), t)
        return Expr(f"({var.py} := {current.code} {op[0]} {tr.wrap(step, 11)})", t, P_ATOM)
    if op == "||=":
        env_value = env.env_or_assigned(tr, left, node.child_by_field_name("right"))
        if env_value is not None:
            return env_value
    if op != "||=" or obj_node is None or len(args) != 1:
        raise tr.fail(node, f"{op} used as a value")
    obj = tr.expr(obj_node)
    value = tr.expr(node.child_by_field_name("right"))
    held = obj.type.elem
    if not obj.type.is_("dict") or not value.type.always_true or \
            held is not None and held is not PENDING and not held.always_true:
        raise tr.fail(node, "||= used as a value on an entry that may be nil or false")
    check_key(tr, args[0], obj.type, key_type(tr, args[0]))
    key = hash_key(tr, args[0])
    tr.store(obj.type, value.type, key, key_type(tr, args[0]))
    return Expr(f"{tr.wrap(obj, P_CALL)}.setdefault({key}, {value.code})", value.type, P_CALL)


def part_of(tr: Translator, obj: Expr, start: Expr, length: Expr) -> Expr:
    """``s[start, length]`` / ``slice(start, length)``: a plain slice for the
    first *length* items (both written as numbers), else the runtime's (a
    negative start counts from the end; past the end, or for a negative
    length, Ruby gives nil where a Python slice gives an empty one)."""
    t = _part(obj.type.non_nil())
    if start.code == "0" and length.code.isdigit():
        return Expr(f"{tr.wrap(obj, P_CALL)}[:{length.code}]", t, P_CALL)
    return Expr(f"{tr.runtime('slice')}({obj.code}, {start.code}, {length.code})", t.nil(),
                P_CALL)


def iterable(tr: Translator, node: Node) -> Expr:
    e = tr.expr(node)
    if e.type.kind == "dict":
        return Expr(f"{tr.wrap(e, P_CALL)}.items()", list_of(list_of(ANY)), P_CALL)
    if e.type.kind == "set":
        return Expr(f"list({e.code})", list_of(e.type.elem or tr.unknown), P_CALL)
    if e.type.kind not in ("list", "range", "argv"):
        raise tr.fail(node, "iterating over a value that may not be an Array")
    return e


def element_text(tr: Translator, node: Node) -> str | None:
    """``h[:key]`` of a local h and a literal key (a Symbol, a String
    without interpolation, an Integer), as narrowing names it; else None."""
    obj = node.child_by_field_name("object")
    args = [c for c in node.named_children if c != obj and c.type != "comment"]
    if obj is None or obj.type != "identifier" or len(args) != 1 or \
            args[0].type not in ("simple_symbol", "string", "integer") or \
            any(c.type == "interpolation" for c in args[0].named_children):
        return None
    return f"{tr.text(obj)}[{tr.text(args[0])}]"


def element_reference(tr: Translator, node: Node) -> Expr:
    """``obj[key]``; an entry a condition showed not nil (``if opts[:limit]``)
    is not nil there."""
    found = _element_value(tr, node)
    text = element_text(tr, node)
    if found.type.nilable and text is not None and tr.element_narrowed(text):
        return Expr(found.code, found.type.non_nil(), found.prec)
    return found


def _element_value(tr: Translator, node: Node) -> Expr:
    obj_node = node.child_by_field_name("object")
    args = [c for c in node.named_children if c != obj_node and c.type != "comment"]
    special = env.element_reference(tr, node, obj_node, args)
    if special is not None:
        return special
    if obj_node.type == "constant" and tr.text(obj_node) == "Dir" and len(args) == 1:
        return files.dir_glob(tr, node, tr.expr(args[0]))
    if obj_node.type == "constant" and tr.text(obj_node) == "Hash" and len(args) == 1:
        # Hash[pairs] / Hash[hash]: a new Hash
        source = tr.expr(args[0])
        if source.type.is_("dict"):
            return Expr(f"dict({source.code})", replace(source.type, site=""), P_CALL)
        pair = source.type.elem if source.type.is_("list") else None
        t = T("dict", key=pair.elem, elem=pair.elem) if pair is not None and \
            pair.is_("list") and pair.items is None else \
            T("dict", key=pair.items[0], elem=pair.items[1]) if pair is not None and \
            pair.is_("list") and pair.items is not None and len(pair.items) == 2 else \
            T("dict", key=ANY, elem=ANY)
        return Expr(f"{tr.runtime('hash_of')}({source.code})", t, P_CALL)
    obj = tr.expr(obj_node)
    if obj.type.kind == "proc":
        return smtp.proc_call(tr, node, obj, args)
    if len(args) != 1:
        if obj.type.non_nil().is_("str", "list") and len(args) == 2:  # nil raises in both
            a, b = tr.expr(args[0]), tr.expr(args[1])
            if args[0].type == "regex":
                return regexps.capture(tr, node, obj, args[0], b)
            if a.type.is_("int") and b.type.is_("int"):
                return part_of(tr, obj, a, b)
        if obj.type.kind == "any" and len(args) == 2 and args[0].type == "regex":
            # only a String takes a Regexp (another value raises in both languages)
            text = Expr(obj.code, T("str", nilable=obj.type.nilable), obj.prec)
            return regexps.capture(tr, node, text, args[0], tr.expr(args[1]))
        if obj.type.kind == "any" and len(args) == 2:
            # a String's or an Array's part, whichever it turns out to be
            a, b = tr.expr(args[0]), tr.expr(args[1])
            return Expr(f"{tr.runtime('slice')}({obj.code}, {a.code}, {b.code})",
                        T("any", nilable=True, name=obj.type.name), P_CALL)
        raise tr.fail(node, "indexing with several arguments")
    arg = args[0]
    t = obj.type
    if t.kind == "dict":
        check_key(tr, node, t, key_type(tr, arg))
        key = hash_key(tr, arg) if arg.type != "simple_symbol" else tr.string(tr.text(arg)[1:])
        value = t.field(key) or t.elem or tr.unknown
        if t.name.startswith("default:"):
            return Expr(f"{tr.wrap(obj, P_CALL)}.get({key}, {t.name[8:]})", value, P_CALL)
        if t.keys is not None and key in t.keys and not t.nilable or t.name == "defaultdict":
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
            return Expr(f"{tr.wrap(obj, P_CALL)}[{low.code}:{stop}]", _part(t.non_nil()), P_CALL)
        if arg.type == "regex":
            return regexps.capture(tr, node, obj, arg, None)
        index = tr.expr(arg)
        if not index.type.non_nil().is_("int") or index.type.nilable and t.kind == "str":
            # (nil: Ruby's TypeError for an Array, and Python's)
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
        literal = re.fullmatch(r"-?\d+", index.code)
        if literal and t.items is not None and -len(t.items) <= int(index.code) < len(t.items):
            return Expr(f"{tr.wrap(obj, P_CALL)}[{index.code}]", t.items[int(index.code)], P_CALL)
        # past the end Ruby gives nil where Python raises IndexError
        return Expr(f"{tr.runtime('index')}({obj.code}, {index.code})", elem.nil(), P_CALL)
    if t.kind == "any" and arg.type not in ("range", "regex"):
        return dynamic.index(tr, obj, arg)
    if t.kind == "match" and arg.type in ("integer", "simple_symbol", "string"):
        return Expr(f"{tr.wrap(obj, P_CALL)}.group({tr.expr(arg).code})", T("str", nilable=True),
                    P_CALL)
    found = _own_index(tr, obj, arg)
    if found is not None:
        return found
    raise tr.fail(node, "indexing a value that may not be an Array or Hash")


def _own_index(tr: Translator, obj: Expr, arg: Node) -> Expr | None:
    """``obj[key]`` of an object whose class defines ``def [](key)``: its
    ``__getitem__``."""
    info = tr.classes.get(obj.type.name) if obj.type.is_("obj") else None
    owner = next((c for c in definitions.ancestry(tr, info) if "[]" in c.methods), None) \
        if info is not None else None
    if owner is None:
        return None
    method = owner.methods["[]"]
    key = tr.expr(arg)
    if method.params:
        tr.learn(f"param:{owner.path}#[]:{method.params[0]}", key.type)
    return Expr(f"{tr.wrap(obj, P_CALL)}[{key.code}]",
                tr.known(f"ret:{owner.path}#[]") or tr.unknown, P_CALL)


def _part(t: T) -> T:
    """A slice of a String or an Array: a new one, of unknown length and end."""
    if t.kind == "str":
        return T("str")
    return replace(t, items=None, site="")


def store_entry(tr: Translator, obj_node: Node, obj_t: T, key: str, key_t: T, t: T) -> None:
    """Learn that the Hash *obj_node* (of type *obj_t*) holds *t* under
    *key* (Python code of a key of type *key_t*): for the Hash's type and,
    in a local, its entry."""
    tr.store(obj_t, t, key, key_t)
    if obj_node.type == "identifier":
        var = tr.local(tr.text(obj_node))
        if var is not None:
            old = obj_t.field(key)
            fields = dict(obj_t.fields or ())
            fields[key] = t if old is None else join(old, t)
            tr.bind(tr.text(obj_node), replace(
                obj_t, elem=t if obj_t.elem is None else join(obj_t.elem, t),
                fields=tuple(sorted(fields.items())), items=None))


def element_target(tr: Translator, node: Node, t: T) -> str:
    text = element_text(tr, node)
    if text is not None:
        tr.forget_element(text)
    obj_node = node.child_by_field_name("object")
    args = [c for c in node.named_children if c != obj_node and c.type != "comment"]
    special = env.element_target(tr, node, obj_node, args, t)
    if special is not None:
        return special
    obj = tr.expr(obj_node)
    if len(args) != 1:
        raise tr.fail(node, "indexing with several arguments")
    if obj.type.kind == "dict":
        check_key(tr, node, obj.type, key_type(tr, args[0]))
        key = hash_key(tr, args[0])
        store_entry(tr, obj_node, obj.type, key, key_type(tr, args[0]), t)
        return f"{tr.wrap(obj, P_CALL)}[{key}]"
    if obj.type.kind == "list":
        index = tr.expr(args[0])
        tr.store(obj.type, t)
        return f"{tr.wrap(obj, P_CALL)}[{index.code}]"
    if obj.type.kind == "any" and args[0].type not in ("range", "regex"):
        # parsed JSON: a Hash's entry or an Array's item as in Ruby; an index
        # past an Array's end or a String raise where Ruby would grow them
        check_key(tr, node, obj.type, key_type(tr, args[0]))
        return f"{tr.wrap(obj, P_CALL)}[{tr.expr(args[0]).code}]"
    raise tr.fail(node, "assigning into a value that may not be an Array or Hash")


def key_type(tr: Translator, key: Node) -> T:
    """The type of a Hash key written in the script (``:a``, ``a:``, ``'a'``...)."""
    if key.type in ("hash_key_symbol", "simple_symbol"):
        return T("str", nl="no", symbol=True)
    return tr.expr(key).type


def _key_kind(t: T) -> str:
    """``'Symbol'``, ``'String'`` or ``''`` (neither, or not known)."""
    if t.kind != "str":
        return ""
    return "Symbol" if t.symbol else "String"


def json_keys(t: T) -> T | None:
    """The keys of the Hashes inside parsed JSON *t*: Strings, or Symbols
    after ``symbolize_names: true``; None for a value not known to be JSON."""
    if t.name not in ("json", "json:symbols"):
        return None
    return T("str", nl="no", symbol=t.name == "json:symbols")


def check_key(tr: Translator, node: Node, hash_t: T, key_t: T) -> None:
    """Ruby's ``:a`` and ``'a'`` are different keys, Python's ``'a'`` is both:
    a key of the other kind than the Hash's keys (which Ruby never finds or
    keeps apart), or any text key of a Hash holding both kinds, is marked.
    *hash_t* may also be parsed JSON of unknown shape."""
    held = hash_t.key if hash_t.kind == "dict" else json_keys(hash_t)
    asked = _key_kind(key_t)
    if held is None or not asked:
        return
    if held.kind == "any" and held.symbol:
        raise tr.fail(node, "a key of a Hash whose keys may be Symbols or Strings")
    if _key_kind(held) not in ("", asked):
        raise tr.fail(node, f"a {asked} key for a Hash whose keys are {_key_kind(held)}s "
                            f"(Ruby tells them apart)")


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
        tr.store(var.type, t, key, key_type(tr, args[0]))
        tr.bind(tr.text(obj_node), replace(var.type, fields=tuple(sorted(fields.items()))))


def shovel(tr: Translator, node: Node, right: Node) -> Expr:
    """``a << b``: append to an Array; extend a String in place."""
    values = [right]
    base = node.child_by_field_name("left")
    while base.type == "binary" and tr.text(base.child_by_field_name("operator")) == "<<":
        values.insert(0, base.child_by_field_name("right"))
        base = base.child_by_field_name("left")
    root = tr.expr(base)
    t = root.type.non_nil() if root.type.kind in ("list", "str") else root.type
    if t.kind == "set":
        exprs = [tr.expr(v) for v in values]
        for e in exprs:
            tr.store(t, e.type)
        code = tr.wrap(root, P_CALL) + "".join(f".add({e.code})" for e in exprs)
        return Expr(code, t, P_CALL)
    if t.is_("list"):
        if len(values) != 1:
            exprs = [tr.expr(v) for v in values]
            for e in exprs:
                tr.store(t, e.type)
            return _in_place_statement(tr, node, root, f"{tr.wrap(root, P_CALL)}.extend(["
                                                       f"{', '.join(e.code for e in exprs)}])")
        v = tr.expr(values[0])
        tr.store(t, v.type)
        learn_place(tr, base, replace(t, elem=v.type if t.elem is None else join(t.elem, v.type),
                                      items=None))
        if tr.stmt_node != node:  # used as a value: Ruby gives the Array itself
            return Expr(f"{tr.runtime('push')}({root.code}, {v.code})", t, P_CALL)
        return _in_place_statement(tr, node, root, f"{tr.wrap(root, P_CALL)}.append({v.code})")
    if t.is_("str"):
        return extend_text(tr, node, base, root, [tr.expr(v) for v in values])
    if t.kind == "io":
        # (its value is the stream itself, as in Ruby)
        return _in_place_statement(tr, node, root, io.io_write(tr, root, values))
    if t.is_("date") and len(values) == 1:  # d << 2: two months earlier
        months = tr.expr(values[0])
        if months.type.is_("int"):
            return Expr(f"{tr.runtime('months_later')}({root.code}, -{tr.wrap(months, P_MUL + 1)})",
                        T("date"), P_CALL)
    if t.is_("int") and len(values) == 1:  # 1 << 30: a shift
        shift = tr.expr(values[0])
        if shift.type.is_("int"):
            return Expr(f"{tr.wrap(root, P_SHIFT)} << {tr.wrap(shift, P_SHIFT + 1)}", INT, P_SHIFT)
    operands = [tr.expr(v) for v in values] if t.kind == "obj" else []
    result = definitions.operator_call(tr, t, "<<", [e.type for e in operands]) \
        if operands else None
    if result is not None:
        # the script's own ``def <<(x)`` is __lshift__: Python's << calls it
        code = tr.wrap(root, P_SHIFT) + "".join(
            f" << {tr.wrap(e, P_SHIFT + 1)}" for e in operands)
        return Expr(code, result, P_SHIFT)
    if t.kind == "any" or t.kind == "list" or t.kind == "str":
        raise tr.fail(node, "<< on a value that may not be a String or an Array")
    raise tr.fail(node, f"<< on {t.kind}")


def extend_text(tr: Translator, node: Node, base: Node, root: Expr, pieces: list[Expr],
                before: bool = False) -> Expr:
    """``text << a << b`` / ``text.concat(a, b)``: ``text += a + b`` on the
    variable holding the String (none other may hold it); with *before*,
    ``text.prepend(a, b)``: ``text = a + b + text``."""
    if _fresh_text(tr, base) and not before:
        # a String nothing else holds (``lines.join("\n") << "\n"``): the longer one
        for piece in pieces:
            if not piece.type.is_("str"):
                raise tr.fail(node, "<< of something that may not be a String")
        return Expr(" + ".join(tr.wrap(p, 11) for p in [root, *pieces]),
                    T("str", nl=pieces[-1].type.nl if pieces else root.type.nl), 11)
    if base.type not in ("identifier", "instance_variable"):
        raise tr.fail(node, "<< on a String that is not in a variable")
    if base.type == "identifier" and env.is_aliased(tr, tr.text(base), node):
        raise tr.fail(node, "<< on a String that something else may also hold (a parameter, "
                            "another name, a collection) or that is frozen")
    for piece in pieces:  # (nil: Ruby's TypeError, and Python's)
        if not piece.type.non_nil().is_("str"):
            raise tr.fail(node, "<< of something that may not be a String")
    joined = " + ".join(tr.wrap(piece, 11) for piece in pieces)
    if before:
        return _in_place_statement(tr, node, root, f"{root.code} = {joined} + {root.code}")
    nl = pieces[-1].type.nl
    if base.type == "identifier":
        tr.bind(tr.text(base), T("str", nl=nl if nl == root.type.nl else "?"))
    return _in_place_statement(tr, node, root, f"{root.code} += {joined}")


# Methods that return a new String each time they are called.
_NEW_TEXT = frozenset({"join", "format", "sprintf", "strftime", "dup", "+", "*"})


def _fresh_text(tr: Translator, node: Node) -> bool:
    """*node* makes a new String that only the expression holds."""
    node = unparenthesized(node) or node
    if node.type == "binary":
        operator = node.child_by_field_name("operator")
        return operator is not None and tr.text(operator) in _NEW_TEXT
    return node.type == "call" and node.child_by_field_name("block") is None and \
        tr.text(node.child_by_field_name("method")) in _NEW_TEXT


def _in_place_statement(tr: Translator, node: Node, root: Expr, code: str) -> Expr:
    """*code* changes *root* in place: a statement of its own, written
    before the statement when the value is used (it is *root*, which a
    statement's tail gets too: a method's last ``out << x`` returns out)."""
    if tr.stmt_node == node:
        tr.emit(code)
        return root if re.fullmatch(r"[\w.]+", root.code) else DONE_EXPR
    if not blocks.hoistable(tr, node):
        raise tr.fail(node, "a String or Array changed in place inside an expression")
    def write() -> Expr:
        tr.emit(code)
        return root
    return tr.hoist(node, write)


DONE_EXPR = Expr("", T("nil"))


# Methods that change an Array or Hash in place, and what they do otherwise.
_IN_PLACE = {"map!": "map", "collect!": "map", "select!": "select", "filter!": "select",
             "rotate!": "rotate",
             "keep_if": "select", "reject!": "reject", "delete_if": "reject",
             "compact!": "compact", "uniq!": "uniq", "sort!": "sort", "sort_by!": "sort_by",
             "reverse!": "reverse", "flatten!": "flatten", "transform_values!": "transform_values"}


# in-place methods whose value is always the receiver (never nil)
_GIVES_ITSELF = frozenset({"map!", "collect!", "sort!", "sort_by!", "reverse!", "keep_if",
                           "rotate!",
                           "delete_if"})
# methods that give a new Array
_NEW_ARRAYS = frozenset({"split", "lines", "chars", "map", "collect", "select", "filter",
                         "reject", "to_a", "keys", "values", "sort", "sort_by", "scan",
                         "flat_map", "compact", "uniq", "dup", "each_line", "readlines"})


def _fresh(node: Node | None) -> bool:
    """Whether *node* makes a new Array that no name holds (a literal, or
    a method that gives a new one)."""
    if node is None:
        return False
    if node.type in ("array", "string_array", "symbol_array"):
        return True
    method = node.child_by_field_name("method") if node.type == "call" else None
    return method is not None and method.text.decode() in _NEW_ARRAYS


def _in_place(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``list.map!(&:strip)`` as a statement: the contents replaced by what
    ``map`` gives (a Hash: cleared, then updated)."""
    plain = Call(call.node, _IN_PLACE[call.name], call.recv_node, call.args, call.block,
                 recv=recv)
    if not call.statement or (call.tail is not None and call.tail.kind != "none"):
        if call.name not in _GIVES_ITSELF or not _fresh(call.recv_node):
            raise tr.fail(call.node, f"the value of {call.name} (nil when nothing changed)")
        # a new Array nothing else holds: changing it is making the new one
        found = list_method(tr, plain, recv)
        if found is None:
            raise tr.fail(call.node, f"{call.name} is not translated")
        return found
    value = (list_method if recv.type.kind != "dict" else _dict_method)(tr, plain, recv)
    if value is None:
        raise tr.fail(call.node, f"{call.name} is not translated")
    r = tr.wrap(recv, P_CALL)
    if recv.type.kind == "dict":
        kept = tr.temp("kept")
        tr.emit(f"{kept} = {value.code}")
        tr.emit(f"{r}.clear()")
        tr.emit(f"{r}.update({kept})")
        tr.store(recv.type, value.type.elem or tr.unknown)
    else:
        tr.emit(f"{r}[:] = {value.code}")
        tr.store(recv.type, value.type.elem or tr.unknown)
    return DONE_EXPR


def _in_place_or_iterate(tr: Translator, call: Call, recv: Expr,
                         in_place: Container[str]) -> Expr | None:
    """What every collection's methods try first: a bang method that
    changes *recv* in place, then the iterators (None: neither)."""
    if call.name in in_place:
        return _in_place(tr, call, recv)
    return iterators.iterate(tr, call, recv)


def _sort_with_block(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``sort { |a, b| ... }``: the block compares two items (``<=>``), as
    the comparison function of ``functools.cmp_to_key``."""
    assert call.block is not None
    names = blocks.block_params(tr, call.block)
    body = blocks.one_expression(call.block)
    if len(names) != 2 or any(n.startswith("(") for n in names) or body is None:
        raise tr.fail(call.node, "sort with a block of other than two parameters and one "
                                 "expression")
    elem = recv.type.elem or tr.unknown
    with blocks.params_bound(tr, names, [elem, elem]) as targets:
        order = tr.expr(body)
    if not order.type.non_nil().is_("int"):
        raise tr.fail(call.node, "sort with a block that may not give -1, 0 or 1")
    tr.need("functools")
    compare = f"lambda {targets[0]}, {targets[1]}: {order.code}"
    return Expr(f"sorted({recv.code}, key=functools.cmp_to_key({compare}))", _part(recv.type),
                P_CALL)


# kinds whose values Python's dict can hold as keys, as Ruby's Hash does
_HASHABLE = frozenset({"str", "int", "float", "num", "bool", "nil", "time", "date", "obj",
                       "smtp", "response", "error", "smtp_error", "class", "range"})


def list_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """Methods of an Array (and of a list standing for another collection)."""
    if call.name == "sort" and call.block is not None and not call.args:
        return _sort_with_block(tr, call, recv)
    found = _in_place_or_iterate(tr, call, recv, _IN_PLACE)
    if found is not None:
        return found
    name = call.name
    r = tr.wrap(recv, P_CALL)
    elem = recv.type.elem or tr.unknown
    if name == "fetch" and call.block is not None and len(call.args) == 1:
        # fetch(i) { |i| ... }: the block only for an index past either end
        at = tr.expr(call.args[0])
        if not at.type.is_("int") or not re.fullmatch(r"[\w.]+", recv.code):
            raise tr.fail(call.node, "Array#fetch with a block of a computed Array or index")
        missing = blocks.fallback(tr, call.block, call.args[0], at, INT, "Array#fetch")
        assert missing is not None
        return Expr(f"{r}[{at.code}] if -len({recv.code}) <= {at.code} < len({recv.code}) "
                    f"else {tr.wrap(missing, 1)}", join(elem, missing.type), 1)
    if call.block is not None or any(a.type == "block_argument" for a in call.args):
        return None  # (a &:name the iterators did not take: not dropped)
    args = [tr.expr(a) for a in call.args]
    if not args:
        if name in ("size", "length", "count"):
            return Expr(f"len({recv.code})", INT, P_CALL)
        if name == "rotate":
            return Expr(f"{tr.runtime('rotate')}({recv.code})", _part(recv.type), P_CALL)
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
            items = recv.type.items
            if items:  # an Array of known items: that item
                return Expr(f"{r}[{index}]", items[int(index)], P_CALL)
            if re.fullmatch(r"[\w.]+", recv.code):
                test = f"len({recv.code})" if call.maybe_nil else recv.code
                return Expr(f"{r}[{index}] if {test} else None", elem.nil(), 1)
            if name == "first":
                return Expr(f"next(iter({recv.code}), None)", elem.nil(), P_CALL)
            return Expr(f"({recv.code} or [None])[-1]", elem.nil(), P_CALL)
        if name in ("dup", "clone", "to_a", "entries"):
            return Expr(f"list({recv.code})", _part(recv.type), P_CALL)
        if name in ("freeze", "itself"):
            return recv
        if name in ("sort",):
            if elem.kind == "any" and json_keys(elem) is None:  # by Ruby's <=>
                return Expr(f"{tr.runtime('sort')}({recv.code})", _part(recv.type), P_CALL)
            # what Ruby cannot compare (nil, mixed kinds) Python cannot either
            if elem.kind not in iterators.COMPARABLE + ("any",) and not _compares(tr, elem):
                raise tr.fail(call.node, "sort of items that may not compare alike")
            return Expr(f"sorted({recv.code})", _part(recv.type), P_CALL)
        if name == "transpose":  # rows of different lengths: Ruby's IndexError
            return Expr(f"{tr.runtime('transpose')}({recv.code})", list_of(
                list_of(elem.elem or tr.unknown)), P_CALL)
        if name == "reverse":
            return Expr(f"{r}[::-1]", _part(recv.type), P_CALL)
        if name == "uniq":
            if elem.kind in _HASHABLE:
                return Expr(f"list(dict.fromkeys({recv.code}))", _part(recv.type), P_CALL)
            # Arrays (or values that may be) compared by their items
            return Expr(f"{tr.runtime('uniq')}({recv.code})", _part(recv.type), P_CALL)
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
                return Expr(f"list({recv.code})", _part(recv.type), P_CALL)
            if call.args:
                raise tr.fail(call.node, "flatten with a depth")
            return Expr(f"{tr.runtime('flatten')}({recv.code})", list_of(tr.unknown), P_CALL)
        if name in ("join",):
            return _join(tr, call, recv, "''")
        if name in ("pop", "shift"):
            return Expr(f"{r}.pop({'0' if name == 'shift' else ''}) if {recv.code} else None",
                        elem.nil(), 1)
        if name in ("max", "min", "minmax"):
            if elem.kind not in iterators.COMPARABLE + ("any",) and not _compares(tr, elem):
                raise tr.fail(call.node, f"{name} of items that may not compare alike")
            if name == "minmax":
                return Expr(f"[min({recv.code}, default=None), max({recv.code}, default=None)]",
                            T("list", elem=elem.nil(), items=(elem.nil(), elem.nil())))
            if recv.type.items:  # an Array written with its items: never empty
                return Expr(f"{name}({recv.code})", elem, P_CALL)
            return Expr(f"{name}({recv.code}, default=None)", elem.nil(), P_CALL)
        if name == "sum":
            if elem.is_("int"):
                return Expr(f"sum({recv.code})", INT, P_CALL)
            return Expr(f"{tr.runtime('sum')}({recv.code})", elem, P_CALL)
        if name == "tally":
            if elem.kind not in _HASHABLE:
                return Expr(f"{tr.runtime('tally')}({recv.code})", dict_of(elem, INT), P_CALL)
            tr.need("collections")
            return Expr(f"dict(collections.Counter({recv.code}))", dict_of(elem, INT), P_CALL)
        if name == "none?":
            x = tr.temp("item")
            return Expr(f"not any({tr.truth(Expr(x, elem)).code} for {x} in {recv.code})", BOOL,
                        P_NOT)
        if name == "to_h":
            pair = elem.items if elem.kind == "list" and elem.items and len(elem.items) == 2 \
                else (elem.elem, elem.elem) if elem.kind == "list" and elem.elem else (ANY, ANY)
            return Expr(f"dict({recv.code})", dict_of(pair[0], pair[1]), P_CALL)
        if name in ("inspect", "to_s"):
            return Expr(strings.inspect_code(tr, recv, call.node), T("str", nl="no"),
                        P_CALL)
        if name == "clear":
            if not call.statement:
                raise tr.fail(call.node, "the value of Array#clear")
            return Expr(f"{r}.clear()", T("nil"), P_CALL)
        return None
    if name == "join":
        return _join(tr, call, recv, args[0].code)
    if name in ("include?", "member?"):
        return Expr(f"{tr.wrap(args[0], P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}", BOOL, P_CMP)
    if name in ("push", "append", "unshift", "prepend", "concat"):
        for arg in args:
            tr.store(recv.type, (arg.type.elem or tr.unknown) if name == "concat" else arg.type)
    used = not call.statement or call.tail is not None and call.tail.kind != "none"
    if name in ("push", "append", "unshift", "prepend", "concat") and used:
        # used as a value (a branch's last, too): Ruby gives the Array itself
        # (list.append gives None)
        listed = ", ".join(a.code if name != "concat" else f"*{tr.wrap(a, P_CALL)}"
                           for a in args)
        helper = "unshift" if name in ("unshift", "prepend") else "push"
        return Expr(f"{tr.runtime(helper)}({recv.code}, {listed})", recv.type, P_CALL)
    if name in ("push", "append") and len(args) == 1:
        return Expr(f"{r}.append({args[0].code})", recv.type, P_CALL)
    if name in ("push", "append", "concat"):
        listed = ", ".join(a.code for a in args)
        return Expr(f"{r}.extend({'[' + listed + ']' if name != 'concat' else listed})",
                    recv.type, P_CALL)
    if name in ("unshift", "prepend") and len(args) == 1:
        return Expr(f"{r}.insert(0, {args[0].code})", recv.type, P_CALL)
    if name == "values_at" and all(a.type.is_("int") for a in args):
        # an index past the end gives nil, as Ruby's
        indexes = ", ".join(a.code for a in args)
        return Expr(f"{tr.runtime('values_at')}({recv.code}, {indexes})", list_of(elem.nil()),
                    P_CALL)
    if name in ("max", "min") and len(args) == 1 and args[0].type.is_("int"):
        # the n largest (smallest) items, largest (smallest) first
        if elem.kind not in ("str", "int", "float", "num", "time", "date") or elem.nilable:
            raise tr.fail(call.node, f"{name}(n) of items that may not compare alike")
        reverse = ", reverse=True" if name == "max" else ""
        return Expr(f"sorted({recv.code}{reverse})[:{args[0].code}]", _part(recv.type), P_CALL)
    if name == "rotate" and len(args) <= 1 and all(a.type.is_("int") for a in args):
        return Expr(f"{tr.runtime('rotate')}({', '.join([recv.code] + [a.code for a in args])})",
                    _part(recv.type), P_CALL)
    if name in ("first", "last", "take", "drop") and args[0].type.is_("int"):
        n = args[0].code
        if name == "last":
            start = f"-{n}" if n.isdigit() and n != "0" else f"max(len({recv.code}) - {n}, 0)"
            return Expr(f"{r}[{start}:]", _part(recv.type), P_CALL)
        return Expr(f"{r}[{n}:]" if name == "drop" else f"{r}[:{n}]", _part(recv.type), P_CALL)
    if name == "pack" and len(args) == 1 and args[0].code in ("'m'", "'m0'", "'M'") and \
            recv.type.items is not None and len(recv.type.items) == 1 and \
            recv.type.items[0].is_("str", "bytes"):
        # [text].pack('m'): base64 in lines of 60 (m0: in one line)
        if args[0].code == "'M'":  # quoted-printable
            return Expr(f"{tr.runtime('quoted_printable')}({r}[0])", T("str"), P_CALL)
        if args[0].code == "'m'":
            return Expr(f"{tr.runtime('encode64')}({r}[0])", T("str", nl="yes"), P_CALL)
        tr.need("base64")
        raw = f"{r}[0]" if recv.type.items[0].kind == "bytes" else f"{r}[0].encode()"
        return Expr(f"base64.b64encode({raw}).decode()", T("str", nl="no"), P_CALL)
    if name in ("grep", "grep_v") and len(call.args) == 1 and call.args[0].type == "regex":
        x = tr.temp("item")
        if not elem.is_("str"):
            raise tr.fail(call.node, f"{name} of items that may not be Strings")
        match = regexps.search(tr, regexps.compiled(tr, call.args[0]), x)
        test = f"{match} is not None" if name == "grep" else f"{match} is None"
        return Expr(f"[{x} for {x} in {recv.code} if {test}]", _part(recv.type))
    if name == "zip" and all(a.type.non_nil().is_("list", "argv") for a in args):
        # (nil raises in both languages)
        # an item of a shorter list is nil (unless the lengths are known to fit)
        count = len(recv.type.items) if recv.type.items is not None else None
        parts = (elem,) + tuple(
            (a.type.elem or tr.unknown) if count is not None and a.type.items is not None and
            len(a.type.items) >= count else (a.type.elem or tr.unknown).nil() for a in args)
        return Expr(f"{tr.runtime('zip')}({', '.join([recv.code] + [a.code for a in args])})",
                    list_of(T("list", elem=functools.reduce(join, parts), items=parts)), P_CALL)
    if name == "delete_at" and len(args) == 1 and args[0].type.is_("int"):
        if re.fullmatch(r"[\w.]+", recv.code) and re.fullmatch(r"-?\w+", args[0].code):
            i = args[0].code
            return Expr(f"{r}.pop({i}) if -len({recv.code}) <= {i} < len({recv.code}) else None",
                        elem.nil(), 1)
        return Expr(f"{tr.runtime('delete_at')}({recv.code}, {args[0].code})", elem.nil(),
                    P_CALL)
    if name == "slice!" and len(args) == 2 and all(a.type.is_("int") for a in args):
        return Expr(f"{tr.runtime('slice_out')}({recv.code}, {args[0].code}, {args[1].code})",
                    replace(recv.type, nilable=True, items=None, site=""), P_CALL)
    if name == "rindex" and len(args) == 1 and re.fullmatch(r"[\w.]+", recv.code):
        i = tr.temp("index")
        return Expr(f"next(({i} for {i} in range(len({recv.code}) - 1, -1, -1) if {r}[{i}] == "
                    f"{args[0].code}), None)", INT.nil(), P_CALL)
    if name == "count" and len(args) == 1:
        x = tr.temp("item")
        return Expr(f"sum(1 for {x} in {recv.code} if {x} == {args[0].code})", INT, P_CALL)
    if name in ("index", "find_index") and len(args) == 1:
        i, x = tr.temp("index"), tr.temp("item")
        return Expr(f"next(({i} for {i}, {x} in enumerate({recv.code}) if {x} == "
                    f"{args[0].code}), None)", INT.nil(), P_CALL)
    if name == "delete" and len(args) == 1:
        if not call.statement:  # its value: the item deleted, or nil
            return Expr(f"{tr.runtime('delete_item')}({recv.code}, {args[0].code})",
                        join(elem, args[0].type).nil(), P_CALL)
        x = tr.temp("item")
        tr.emit(f"{recv.code}[:] = [{x} for {x} in {recv.code} if {x} != {args[0].code}]")
        return DONE_EXPR
    if name == "fetch" and len(args) <= 2:
        if len(args) == 1:  # Ruby's IndexError text (index 5 outside of array bounds...)
            return Expr(f"{tr.runtime('fetch')}({recv.code}, {args[0].code})", elem, P_CALL)
        return Expr(f"{r}[{args[0].code}] if -len({recv.code}) <= {args[0].code} < "
                    f"len({recv.code}) else {args[1].code}", join(elem, args[1].type), 1)
    if name == "each_slice" and len(args) == 1 and call.block is None:
        return None
    if name == "assoc" and len(args) == 1:
        return Expr(f"{tr.runtime('assoc')}({recv.code}, {args[0].code})", elem.nil(), P_CALL)
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
    if elem.kind in ("list", "any", "dict"):
        # nested Arrays are joined too: Ruby's join, for any items
        args = recv.code if sep == "''" else f"{recv.code}, {sep}"
        return Expr(f"{tr.runtime('join')}({args})", T("str"), P_CALL)
    x = tr.temp("item")
    return Expr(f"{sep}.join({tr.runtime('to_s')}({x}) for {x} in {recv.code})", T("str"),
                P_CALL)


def fetch_or_block(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``h.fetch(k) { |key| ... }``: the value, or the block's when k is missing."""
    assert call.block is not None
    key_node = call.args[0]
    key = tr.expr(key_node)
    computed = key_node.type not in blocks.PLAIN_KEYS or "(" in key.code
    if computed and blocks.block_params(tr, call.block):
        raise tr.fail(call.node, "Hash#fetch with a block taking a key that is computed")
    check_key(tr, key_node, recv.type, key.type)
    found = blocks.fallback(tr, call.block, key_node, key, key.type, "Hash#fetch")
    assert found is not None
    r = tr.wrap(recv, P_CALL)
    test = f"{tr.wrap(key, P_CMP + 1)} in {r}"
    if computed:  # the key computed once, then looked up
        held = tr.temp("key")
        test, key = f"({held} := {key.code}) in {r}", Expr(held, key.type, P_ATOM)
    return Expr(f"{r}[{key.code}] if {test} else {tr.wrap(found, 1)}",
                join(recv.type.elem or tr.unknown, found.type), 1)


def merge_operand(tr: Translator, call: Call) -> Expr | None:
    """What ``merge`` is given: its ``key: value`` pairs as a Hash, or its
    one argument; None for several Hashes."""
    if all(a.type == "pair" for a in call.args):
        return hash_of(tr, call.args, str(call.node.start_byte))
    return tr.expr(call.args[0]) if len(call.args) == 1 else None


def _merge(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``h.merge(key: value, ...)`` (a Hash without braces) and
    ``h.merge(other) { |key, old, new| ... }``, the block deciding each key
    both have (``ruby.merge``)."""
    other = merge_operand(tr, call)
    if other is None:
        raise tr.fail(call.node, "Hash#merge of several Hashes")
    if not other.type.is_("dict"):
        raise tr.fail(call.node, "Hash#merge of something that may not be a Hash")
    merged = _merged(recv.type, other.type, str(call.node.start_byte))
    if recv.type.name == "defaultdict":
        raise tr.fail(call.node, "Hash#merge of a Hash with a default block")
    if recv.type.name.startswith("default:"):
        merged = replace(merged, name=recv.type.name)  # (the receiver's default stays)
    if call.block is None:
        return Expr(f"{{**{recv.code}, **{other.code}}}", merged)
    names = blocks.block_params(tr, call.block)
    body = blocks.one_expression(call.block)
    if len(names) != 3 or body is None:
        raise tr.fail(call.block, "Hash#merge with a block other than { |key, old, new| ... }")
    value_t = join(recv.type.elem or tr.unknown, other.type.elem or tr.unknown)
    with blocks.params_bound(tr, names, [merged.key or ANY, value_t, value_t]) as pys:
        resolved = tr.expr(body)
    return Expr(f"{tr.runtime('merge')}({recv.code}, {other.code}, "
                f"lambda {', '.join(pys)}: {resolved.code})",
                replace(merged, elem=join(value_t, resolved.type), fields=None), P_CALL)


def _keys_splatted(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``h.values_at(*keys)``, ``h.slice(*keys)``, ``h.except(*keys)``: the
    keys of an Array."""
    keys = tr.expr(call.args[0].named_children[0])
    if not keys.type.is_("list"):
        raise tr.fail(call.node, f"{call.name} of a splat that may not be an Array")
    check_key(tr, call.args[0], recv.type, keys.type.elem or tr.unknown)
    return _entries_of(tr, call.name, recv, keys.code, (tr.temp("key"), tr.temp("value")))


def _entries_of(tr: Translator, name: str, recv: Expr, listed: str,
                names: tuple[str, str]) -> Expr:
    """``values_at``, ``slice`` or ``except`` of the Hash *recv* for the
    keys the Python iterable *listed* holds (*names*: the comprehension's
    key and value)."""
    r = tr.wrap(recv, P_CALL)
    k, v = names
    if name == "values_at":
        return Expr(f"[{r}.get({k}) for {k} in {listed}]",
                    list_of((recv.type.elem or tr.unknown).nil()))
    if name == "slice":  # in the order of the keys asked for
        return Expr(f"{{{k}: {r}[{k}] for {k} in {listed} if {k} in {recv.code}}}",
                    replace(recv.type, keys=None, site=""))
    return Expr(f"{{{k}: {v} for {k}, {v} in {r}.items() if {k} not in {listed}}}",
                replace(recv.type, keys=None, site=""))


_KEYED = frozenset({"fetch", "key?", "has_key?", "include?", "member?", "dig", "delete",
                    "values_at", "slice", "except"})
"""Hash methods whose arguments are keys (only the first, for fetch and delete)."""

_DICT_IN_PLACE = ("select!", "filter!", "keep_if", "reject!", "delete_if", "transform_values!")


def _dict_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name in ("values_at", "slice", "except") and len(call.args) == 1 and \
            call.args[0].type == "splat_argument" and call.block is None:
        return _keys_splatted(tr, call, recv)
    if call.name == "sort" and call.block is not None and not call.args:
        # a Hash's [key, value] pairs, compared by the block
        key_t, value_t = recv.type.key or tr.unknown, recv.type.elem or tr.unknown
        pair = T("list", elem=join(key_t, value_t), items=(key_t, value_t))
        pairs = Expr(f"[list(pair) for pair in {tr.wrap(recv, P_CALL)}.items()]",
                     list_of(pair), P_ATOM)
        return _sort_with_block(tr, call, pairs)
    found = _in_place_or_iterate(tr, call, recv, _DICT_IN_PLACE)
    if found is not None:
        return found
    if call.name in ("transform_values", "transform_keys"):
        return iterators.transform(tr, call, recv)
    if call.name == "fetch" and call.block is not None and len(call.args) == 1:
        return fetch_or_block(tr, call, recv)
    if call.name == "merge" and call.args and (call.block is not None or all(
            a.type == "pair" for a in call.args)):
        return _merge(tr, call, recv)
    if call.block is not None:
        return None
    name = call.name
    r = tr.wrap(recv, P_CALL)
    args = [tr.expr(a) for a in call.args]
    value = recv.type.elem or tr.unknown
    key = recv.type.key or ANY
    pair = T("list", elem=join(key, value), items=(key, value))
    k, v = tr.temp("key"), tr.temp("value")
    if name in _KEYED:
        for node, arg in list(zip(call.args, args))[:1 if name in ("fetch", "delete") else None]:
            check_key(tr, node, recv.type, arg.type)
    if not args:
        if name == "sort":  # [key, value] pairs by key (keys are never equal)
            # (parsed JSON compares as Ruby's does, or raises in both)
            if key.kind == "any" and json_keys(key) is None:  # by Ruby's <=>
                return Expr(f"{tr.runtime('sort')}(list(pair) for pair in {r}.items())",
                            list_of(pair), P_CALL)
            if key.kind not in ("str", "int", "float", "num", "time", "date") and \
                    json_keys(key) is None:
                raise tr.fail(call.node, "sort of keys that may not compare alike")
            return Expr(f"[list(pair) for pair in sorted({r}.items())]", list_of(pair))
        if name == "invert":
            return Expr(f"{{{v}: {k} for {k}, {v} in {r}.items()}}", dict_of(value, key))
        if name == "compact":
            return Expr(f"{{{k}: {v} for {k}, {v} in {r}.items() if {v} is not None}}",
                        replace(recv.type, elem=value.non_nil(), keys=None, site=""))
        if name == "any?":
            return Expr(f"len({recv.code}) > 0", BOOL, P_CMP)
        if name in ("keys",):
            return Expr(f"list({recv.code})", list_of(key), P_CALL)
        if name == "values":
            return Expr(f"list({r}.values())", list_of(value), P_CALL)
        if name in ("size", "length", "count"):
            return Expr(f"len({recv.code})", INT, P_CALL)
        if name == "empty?":
            return Expr(f"len({recv.code}) == 0", BOOL, P_CMP)
        if name in ("dup", "clone", "to_h"):
            return Expr(f"dict({recv.code})", replace(recv.type, site=""), P_CALL)
        if name in ("freeze",):
            return recv
        if name in ("to_a",):
            return Expr(f"[list(pair) for pair in {r}.items()]", list_of(pair))
        if name in ("inspect", "to_s"):
            return Expr(strings.inspect_code(tr, recv, call.node), T("str", nl="no"),
                        P_CALL)
        return None
    if name == "fetch":
        if len(args) == 1 and key_type(tr, call.args[0]).symbol:
            # the KeyError names a Symbol (key not found: :k), as Ruby's
            symbol = f"{tr.runtime('Symbol')}({args[0].code})"
            return Expr(f"{tr.runtime('fetch')}({recv.code}, {symbol})", value, P_CALL)
        if len(args) == 1:
            return Expr(f"{r}[{args[0].code}]", value, P_CALL)
        return Expr(f"{r}.get({args[0].code}, {args[1].code})", join(value, args[1].type),
                    P_CALL)
    if name in ("key?", "has_key?", "include?", "member?"):
        return Expr(f"{tr.wrap(args[0], P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}", BOOL, P_CMP)
    if name in ("value?", "has_value?") and len(args) == 1:
        return Expr(f"{tr.wrap(args[0], P_CMP + 1)} in {r}.values()", BOOL, P_CMP)
    if name == "store" and len(args) == 2 and call.statement:
        check_key(tr, call.args[0], recv.type, key_type(tr, call.args[0]))
        tr.store(recv.type, args[1].type, args[0].code, key_type(tr, call.args[0]))
        tr.emit(f"{r}[{args[0].code}] = {args[1].code}")
        return DONE_EXPR
    if name == "dig":
        return Expr(f"{tr.runtime('dig')}({', '.join([recv.code] + [a.code for a in args])})",
                    ANY, P_CALL)
    if name == "delete" and len(args) == 1:
        return Expr(f"{r}.pop({args[0].code}, None)", value.nil(), P_CALL)
    if name in ("merge!", "update") and len(args) == 1:
        other = args[0].type
        for entry, entry_t in other.fields or ():
            tr.store(recv.type, entry_t, entry, other.key)
        if not other.fields:
            tr.store(recv.type, other.elem or tr.unknown, None, other.key)
        if not call.statement:  # used as a value: Ruby gives the Hash itself
            return Expr(f"{tr.runtime('update')}({recv.code}, {args[0].code})",
                        replace(recv.type, site=""), P_CALL)
        return Expr(f"{r}.update({args[0].code})", T("nil"), P_CALL)
    if name == "merge" and len(args) == 1:
        return Expr(f"{{**{recv.code}, **{args[0].code}}}",
                    _merged(recv.type, args[0].type, str(call.node.start_byte)))
    if name == "key" and len(args) == 1:
        return Expr(f"next(({k} for {k}, {v} in {r}.items() if {v} == {args[0].code}), None)",
                    key.nil(), P_CALL)
    if name in ("values_at", "slice", "except"):
        return _entries_of(tr, name, recv, f"({', '.join(a.code for a in args)},)", (k, v))
    return None


def _compares(tr: Translator, t: T) -> bool:
    """Objects of one class of the script that includes Comparable (never
    nil): Python's sort, max and min compare them through its ``<=>``."""
    return t.kind == "obj" and not t.nilable and definitions.compares(tr, tr.classes.get(t.name))


def _merged(a: T, b: T, site: str) -> T:
    """The type of ``a.merge(b)``: *b*'s entries over *a*'s."""
    if b.kind != "dict":
        return T("dict", key=a.key, elem=join(a.elem, b) if a.elem else None, site=site)
    fields = dict(a.fields or ())
    if b.keys is None:  # b may hold any key: each of a's may be replaced by b's values
        for name in fields:
            fields[name] = join(fields[name], b.elem) if b.elem is not None else ANY
    for name, t in b.fields or ():
        surely = b.keys is not None and name in b.keys
        fields[name] = t if surely or name not in fields else join(fields[name], t)
    keys = a.keys | b.keys if a.keys is not None and b.keys is not None else None
    elem = join(a.elem, b.elem) if a.elem is not None and b.elem is not None else \
        a.elem or b.elem
    key = join(a.key, b.key) if a.key is not None and b.key is not None else a.key or b.key
    return T("dict", key=key, elem=elem, keys=keys, fields=tuple(sorted(fields.items())),
             site=site)


def _range_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    found = iterators.iterate(tr, call, recv)
    if found is not None:
        return found
    if call.name == "to_a" and not call.args:
        return Expr(f"list({recv.code})", list_of(INT), P_CALL)
    if call.name == "sum" and not call.args:
        return Expr(f"sum({recv.code})", INT, P_CALL)
    if call.name in ("include?", "member?", "cover?", "===") and len(call.args) == 1:
        # a Range held in a value: its Integers (a Python range) or its days
        value = tr.expr(call.args[0])
        elem = recv.type.elem or tr.unknown
        if not (elem.is_("int") and value.type.non_nil().is_("int") or
                elem.is_("date") and value.type.non_nil().is_("date")):
            raise tr.fail(call.node, f"Range#{call.name} of a value that may be of another kind")
        return Expr(f"{tr.wrap(value, P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}", BOOL, P_CMP)
    return None


def covers(tr: Translator, call: Call) -> Expr | None:
    """``(low..high).cover?(x)`` (``include?`` of numbers and dates is the
    same test): a chained comparison with the literal's bounds, x computed
    once. None for a Range held elsewhere; marked for values that may not
    compare with the bounds (Ruby answers false for nil)."""
    node = unparenthesized(call.recv_node)
    if call.name not in ("cover?", "include?", "member?", "===") or len(call.args) != 1 or \
            node is None or node.type != "range" or node.child_by_field_name("begin") is None or \
            node.child_by_field_name("end") is None:
        return None
    low = tr.expr(node.child_by_field_name("begin"))
    high = tr.expr(node.child_by_field_name("end"))
    value = tr.expr(call.args[0])
    kinds = [e.type for e in (low, high, value)]
    if not (all(t.is_("int", "float", "num") for t in kinds) or
            all(t.is_("date") for t in kinds)):
        raise tr.fail(call.node, f"Range#{call.name} of values that may not compare alike")
    last = "<" if tr.text(node.child_by_field_name("operator")) == "..." else "<="
    return Expr(f"{tr.wrap(low, P_CMP + 1)} <= {tr.wrap(value, P_CMP + 1)} {last} "
                f"{tr.wrap(high, P_CMP + 1)}", BOOL, P_CMP)


def _bounded(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """A number's ``clamp(low, high)`` and ``between?(low, high)``."""
    if call.name not in ("clamp", "between?") or len(call.args) != 2 or call.block is not None:
        return None
    low, high = (tr.expr(a) for a in call.args)
    if call.name == "clamp":
        return Expr(f"min(max({recv.code}, {low.code}), {high.code})", join(recv.type, join(
            low.type, high.type)), P_CALL)
    if not (low.type.is_("int", "float", "num") and high.type.is_("int", "float", "num")):
        raise tr.fail(call.node, "between? values that may not be numbers")
    return Expr(f"{tr.wrap(low, P_CMP + 1)} <= {tr.wrap(recv, P_CMP + 1)} <= "
                f"{tr.wrap(high, P_CMP + 1)}", BOOL, P_CMP)


def _int_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    found = iterators.iterate(tr, call, recv)
    if found is not None:
        return found
    bounded = _bounded(tr, call, recv)
    if bounded is not None:
        return bounded
    if call.args or call.block is not None:
        if name in ("round",) and call.args:
            return _num_method(tr, call, recv)
        if name == "fdiv" and len(call.args) == 1 and call.block is None:
            other = tr.expr(call.args[0])
            if other.type.is_("int", "float", "num"):  # by zero: Infinity or NaN, as Ruby
                return Expr(f"{tr.runtime('fdiv')}({recv.code}, {other.code})", T("float"),
                            P_CALL)
        if name == "divmod" and len(call.args) == 1 and call.block is None:
            other = tr.expr(call.args[0])
            if other.type.is_("int"):  # both floor, as Ruby's
                return Expr(f"list(divmod({recv.code}, {other.code}))", list_of(INT), P_CALL)
        if name == "to_s" and len(call.args) == 1 and tr.text(call.args[0]) in _BASES:
            return Expr(f"format({recv.code}, '{_BASES[tr.text(call.args[0])]}')",
                        T("str", nl="no"), P_CALL)
        return None
    r = tr.wrap(recv, P_CALL)
    simple = {"to_i": recv, "to_int": recv, "floor": recv, "ceil": recv, "round": recv,
              "abs": Expr(f"abs({recv.code})", recv.type, P_CALL),
              "to_f": Expr(f"float({recv.code})", T("float"), P_CALL),
              "to_s": Expr(f"str({recv.code})", T("str", nl="no"), P_CALL),
              "inspect": Expr(f"str({recv.code})", T("str", nl="no"), P_CALL),
              "zero?": Expr(f"{r} == 0", BOOL, P_CMP),
              "nonzero?": Expr(f"{tr.wrap(recv, P_OR + 1)} or None", recv.type.nil(), P_OR),
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
    bounded = _bounded(tr, call, recv)
    if bounded is not None:
        return bounded
    if name == "round" and call.block is None and len(call.args) <= 1:
        digits = [tr.expr(a) for a in call.args]
        if digits and not digits[0].type.is_("int"):
            raise tr.fail(call.node, "Float#round with options")
        args = "".join(f", {d.code}" for d in digits)
        return Expr(f"{tr.runtime('round')}({recv.code}{args})",
                    T("float") if digits and digits[0].code != "0" else INT, P_CALL)
    if name == "div" and len(call.args) == 1 and call.block is None:
        # Float#div: the floored quotient, an Integer (by zero: ZeroDivisionError in both)
        other = tr.expr(call.args[0])
        if other.type.is_("int", "float", "num"):
            return Expr(f"int({tr.wrap(recv, P_MUL)} // {tr.wrap(other, P_MUL + 1)})", INT,
                        P_CALL)
    if call.args or call.block is not None:
        return None
    simple = {"to_f": recv, "to_i": Expr(f"int({recv.code})", INT, P_CALL),
              "truncate": Expr(f"int({recv.code})", INT, P_CALL),
              "floor": Expr(f"math.floor({recv.code})", INT, P_CALL),
              "ceil": Expr(f"math.ceil({recv.code})", INT, P_CALL),
              "abs": Expr(f"abs({recv.code})", recv.type, P_CALL),
              "to_s": Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no"), P_CALL)}
    if name in ("floor", "ceil"):
        tr.need("math")
    return simple.get(name) or sign_test(tr, call, recv)


def sign_test(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """A number's ``zero?``, ``positive?``, ``negative?`` (a value of parsed
    JSON that is no number raises in both languages)."""
    op = {"zero?": "==", "positive?": ">", "negative?": "<"}.get(call.name)
    if op is None or call.args or call.block is not None:
        return None
    return Expr(f"{tr.wrap(recv, P_CMP + 1)} {op} 0", BOOL, P_CMP)


_BASES = {"2": "b", "8": "o", "10": "d", "16": "x"}
"""Integer#to_s(base): the bases Python's format writes alike."""


def _num_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """A number that may be an Integer or a Float: the forms right for both
    (``round`` through the runtime, which keeps an Integer one)."""
    name = call.name
    bounded = _bounded(tr, call, recv)
    if bounded is not None or call.block is not None:
        return bounded
    if name == "round" and len(call.args) <= 1:
        digits = [tr.expr(a) for a in call.args]
        if digits and not digits[0].type.is_("int"):
            raise tr.fail(call.node, f"{name} with options")
        args = "".join(f", {d.code}" for d in digits)
        result = INT if not digits or recv.type.is_("int") else recv.type
        return Expr(f"{tr.runtime('round')}({recv.code}{args})", result, P_CALL)
    if name == "divmod" and len(call.args) == 1:  # floored, an Integer quotient
        other = tr.expr(call.args[0])
        if other.type.is_("int", "float", "num"):
            return Expr(f"{tr.runtime('divmod')}({recv.code}, {other.code})",
                        list_of(T("num")), P_CALL)
    if call.args:
        return _bounded(tr, call, recv)
    simple = {"to_i": Expr(f"int({recv.code})", INT, P_CALL),
              "to_f": Expr(f"float({recv.code})", T("float"), P_CALL),
              "abs": Expr(f"abs({recv.code})", recv.type, P_CALL),
              "to_s": Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no"), P_CALL),
              "zero?": Expr(f"{tr.wrap(recv, P_CMP + 1)} == 0", BOOL, P_CMP),
              "nonzero?": Expr(f"{tr.wrap(recv, P_OR + 1)} or None", recv.type.nil(), P_OR),
              # (an Integer's floor is itself; a Float's an Integer, as math's gives)
              "floor": Expr(f"math.floor({recv.code})", INT, P_CALL),
              "ceil": Expr(f"math.ceil({recv.code})", INT, P_CALL),
              "truncate": Expr(f"int({recv.code})", INT, P_CALL)}
    if name in ("floor", "ceil"):
        tr.need("math")
    return simple.get(name) or sign_test(tr, call, recv)


register_kind("list", list_method)
register_kind("argv", list_method)
register_kind("dict", _dict_method)
register_kind("range", _range_method)
register_kind("int", _int_method)
register_kind("float", _float_method)
register_kind("num", _num_method)
