"""Calls: take a Ruby call apart and find the rule that knows it, by the
receiver's type (a String, an Array, a Net::SMTP session...), by the
constant it is called on (``Net::SMTP``, ``File``, ``Time``...), or as a
Kernel method (``puts``, ``exit``...), a method of the script, or an
attribute of one of its classes. A call nobody knows is marked."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Callable, Optional

from ..engine import P_ATOM, P_CALL, Call, Expr
from ..scope import MethodInfo, py_name
from ..syntax import Node
from ..types import T

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["DONE", "args_code", "call_expr", "dispatch", "register_const",
           "register_kernel", "register_kind", "split_call"]

KindRule = Callable[["Translator", Call, Expr], Optional[Expr]]
PlainRule = Callable[["Translator", Call], Optional[Expr]]

_KINDS: dict[str, list[KindRule]] = {}
_CONSTS: dict[str, list[PlainRule]] = {}
_KERNEL: dict[str, PlainRule] = {}
_ANY: list[KindRule] = []

DONE = Expr("", T("nil"))
"""What a rule returns after writing the call as statements itself."""


def register_kind(kind: str, rule: KindRule, first: bool = False) -> None:
    """*rule* knows methods of values of *kind* (``'any'``: of any value);
    *first*: before the rules registered so far (a narrower kind's)."""
    rules = _ANY if kind == "any" else _KINDS.setdefault(kind, [])
    rules.insert(0 if first else len(rules), rule)


def register_const(path: str, rule: PlainRule) -> None:
    """*rule* knows methods called on the constant *path* (``'Net::SMTP'``)."""
    _CONSTS.setdefault(path, []).append(rule)


def register_kernel(name: str, rule: PlainRule) -> None:
    """*rule* knows the receiver-less call *name* (``puts``, ``exit``...)."""
    _KERNEL[name] = rule


def split_call(tr: Translator, node: Node) -> Call:
    """A :class:`Call` from a ``call`` (or bare ``identifier``) node."""
    if node.type == "identifier":
        return Call(node, tr.text(node), None, [], None)
    method = node.child_by_field_name("method")
    recv = node.child_by_field_name("receiver")
    arguments = node.child_by_field_name("arguments")
    block = node.child_by_field_name("block")
    args = [a for a in arguments.named_children if a.type not in ("comment", "heredoc_body")] \
        if arguments is not None else []
    if method is None:  # recv.() / recv::()
        name = "call"
    else:
        name = tr.text(method)
    op = node.child_by_field_name("operator")
    safe = op is not None and tr.text(op) == "&."
    return Call(node, name, recv, args, block, safe_nav=safe)


def _keywords_taken_before(tr: Translator, value: Node) -> set[str]:
    """For ``**rest`` where rest is the ``**`` parameter of the method around
    it: the keywords that method declares itself (rest cannot hold them)."""
    method = value.parent
    while method is not None and method.type not in ("method", "singleton_method"):
        method = method.parent
    params = method.child_by_field_name("parameters") if method is not None else None
    if value.type != "identifier" or params is None:
        return set()
    rest = [p for p in params.named_children if p.type == "hash_splat_parameter"]
    if not rest or rest[0].child_by_field_name("name") is None or \
            tr.text(rest[0].child_by_field_name("name")) != tr.text(value):
        return set()
    return {tr.text(p.child_by_field_name("name")) for p in params.named_children
            if p.type == "keyword_parameter"}


def keyword_of(tr: Translator, key: Node) -> str | None:
    """The keyword a pair's *key* passes: ``name:`` and, as Ruby 3 reads a
    Hash without braces as keywords, ``:name =>``; None for another key."""
    if key.type == "hash_key_symbol":
        return tr.text(key)
    text = tr.text(key)
    if key.type == "simple_symbol" and text[1:].replace("?", "").isidentifier():
        return text[1:]
    return None


def _keyword_checks(tr: Translator, call: Call, method: MethodInfo | None) -> str:
    """The arguments of ``ruby.keywords`` that check a ``**hash`` given to
    *method* as Ruby does: the keywords it requires that the call does not
    name, and (without ``**opts``) those it takes at all."""
    if method is None or not method.takes_keywords:
        return ""
    named = {keyword_of(tr, a.child_by_field_name("key")) for a in call.args if a.type == "pair"}
    required = [k for k in method.required if k not in named]
    checks = f", required=[{', '.join(tr.string(k) for k in required)}]" if required else ""
    if not method.any_keyword:
        taken = [k for k in method.keywords if k not in named]
        checks += f", accepted=[{', '.join(tr.string(k) for k in taken)}]"
    return checks


def args_code(tr: Translator, call: Call, keyword_ok: bool = True,
              rename: Callable[[str], str] | None = None, block: str = "block",
              declared: Collection[str] | None = None,
              method: MethodInfo | None = None) -> list[str]:
    """The Python arguments of *call*: positional, ``*splat``, keywords
    (from ``key: value`` pairs), ``**hash``, and ``&blk`` as ``block=blk``
    (the keyword named *block*). A keyword that Python reserves (``from:``)
    is renamed (``from_=``) where the method of the script declares it
    (*declared*: its Ruby keywords); else it reaches the method's ``**opts``
    under its own name (``**{'from': ...}``). A ``**hash`` given to the
    script's *method* is checked as Ruby checks it (``ruby.keywords``: a
    missing or unknown keyword is Ruby's ArgumentError, not Python's
    TypeError)."""
    out: list[str] = []
    pairs_as_dict: list[str] = []
    spread: list[str] = []
    for arg in call.args:
        kind = arg.type
        if kind == "splat_argument":
            inner = tr.expr(arg.named_children[0])
            out.append("*" + tr.wrap(inner, P_CALL))
        elif kind == "hash_splat_argument":
            renamed = sorted(k for k in declared or () if py_name(k) != k and
                             k not in _keywords_taken_before(tr, arg.named_children[0]))
            inner = tr.expr(arg.named_children[0])
            checks = _keyword_checks(tr, call, method)
            if renamed or checks:  # the Hash's keys are Ruby's names, the parameters Python's
                names = ", ".join(f"{tr.string(k)}: {tr.string(py_name(k))}" for k in renamed)
                out.append(f"**{tr.runtime('keywords')}({inner.code}, {{{names}}}{checks})")
            else:
                out.append("**" + tr.wrap(inner, P_CALL))
        elif kind == "pair":
            key = arg.child_by_field_name("key")
            value = tr.expr(arg.child_by_field_name("value"))
            name = keyword_of(tr, key)
            if name is not None and keyword_ok:
                if declared is not None and py_name(name) != name and name not in declared:
                    spread.append(f"{tr.string(name)}: {value.code}")
                else:
                    out.append(f"{rename(name) if rename else py_name(name)}={value.code}")
            else:
                k = collections.hash_key(tr, key)
                pairs_as_dict.append(f"{k}: {value.code}")
        elif kind == "block_argument":
            inner = arg.named_children
            if not inner:
                raise tr.fail(arg, "anonymous block argument")
            if inner[0].type == "simple_symbol":
                raise tr.fail(arg, f"&{tr.text(inner[0])} passed to a method of the script")
            out.append(f"{block}={tr.expr(inner[0]).code}")
        elif kind == "heredoc_body" or kind == "comment":
            continue
        else:
            out.append(tr.expr(arg).code)
    if pairs_as_dict:
        out.append("{" + ", ".join(pairs_as_dict) + "}")
    if spread:
        out.append("**{" + ", ".join(spread) + "}")
    return out


def call_expr(tr: Translator, node: Node, tail: object | None = None) -> Expr:
    """Translate a call; with *tail* (a statement), rules may write it as
    statements (a ``with`` or ``for``) and return :data:`DONE`."""
    call = split_call(tr, node)
    call.tail = tail  # type: ignore[assignment]
    if call.recv_node is None:
        return _receiverless(tr, call)
    chained = optparse.chained(tr, call) or iterators.chained(tr, call)
    if chained is not None:
        return chained
    path = constants.constant_path(tr, call.recv_node)
    if path is not None:
        for rule in _CONSTS.get(path, []):
            result = rule(tr, call)
            if result is not None:
                return result
        user = definitions.class_call(tr, call, path)
        if user is not None:
            return user
        value = constants.constant_named(tr, call.recv_node, path)
        if call.name in ("new", "exception") and path in statements.EXCEPTIONS and \
                call.block is None and len(call.args) <= 1:
            # an exception made to be raised or handed on later
            args = args_code(tr, call, keyword_ok=False)
            smtp = path.startswith("Net::SMTP")
            return Expr(f"{value.code}({', '.join(args)})",
                        T("smtp_error") if smtp else T("error", name=path), P_CALL)
        if value.type.kind in ("class", "module") or value.type.kind == "any" and \
                not constants.holds_a_value(tr, path):
            raise tr.fail(node, f"{path}.{call.name} is not something the translator knows")
        call.recv = value
        return dispatch(tr, call, value)
    covered = collections.covers(tr, call)  # (a Range of Floats is no Python range)
    if covered is not None:
        return covered
    recv = tr.expr(call.recv_node)
    call.recv = recv
    if call.safe_nav:
        inner = dispatch(tr, call, recv.__class__(recv.code, recv.type.non_nil(), recv.prec))
        return Expr(f"{inner.code} if {tr.wrap(recv, 6)} is not None else None",
                    inner.type.nil(), 1)
    return dispatch(tr, call, recv)


# What Ruby's nil answers itself; any other method called on a value that
# may be nil raises NoMethodError in Ruby when it is nil, as the Python form
# raises then too, so it is translated for the value's kind.
NIL_METHODS = frozenset({
    "to_s", "to_a", "to_i", "to_f", "to_h", "inspect", "nil?", "==", "!=", "!", "&", "|", "^",
    "class", "frozen?", "is_a?", "kind_of?", "instance_of?", "respond_to?", "tap", "then",
    "dup", "clone", "freeze", "hash", "object_id", "send", "===", "=~", "eql?", "equal?",
    "itself", "instance_variables", "method", "methods", "display", "to_json",
})


# what nil's conversions give, for an object of the script that may be nil
_NIL_CONVERSIONS = {"to_a": "[]", "to_h": "{}"}


def dispatch(tr: Translator, call: Call, recv: Expr) -> Expr:
    """*call* on *recv*, already translated: the rules for *recv*'s kind, then
    those for any value (a receiver that may be nil first goes through what
    nil answers)."""
    if recv.type.nilable and recv.type.kind == "obj" and call.name in _NIL_CONVERSIONS and \
            not call.args and call.block is None:
        held = tr.temp("value")
        present = Expr(held, recv.type.non_nil(), P_ATOM)
        call.recv = present
        value = dispatch(tr, call, present)
        # (a lambda, not a walrus: this may be a comprehension's iterable)
        return Expr(f"(lambda {held}: {_NIL_CONVERSIONS[call.name]} if {held} is None else "
                    f"{value.code})({recv.code})", value.type, P_CALL)
    if recv.type.nilable and recv.type.kind not in ("any", "nil") and \
            call.name in NIL_METHODS:
        # nil answers it too: the forms that do what Ruby does for any value
        t = recv.type
        if call.name == "to_s" and not call.args:
            return strings.str_of(tr, recv)
        anything = Expr(recv.code, T("any", nilable=True, name="mixed", symbol=t.symbol),
                        recv.prec)
        return dispatch(tr, call, anything)
    if recv.type.nilable and recv.type.kind not in ("any", "nil") and \
            call.name not in NIL_METHODS:
        present = Expr(recv.code, recv.type.non_nil(), recv.prec)
        call.recv = present
        call.maybe_nil = True
        translated = dispatch(tr, call, present)
        if translated.code == recv.code and call.name == "to_sym" and not call.args:
            # ruby.to_sym raises for nil as Ruby does
            return Expr(f"{tr.runtime('to_sym')}({recv.code})", translated.type, P_CALL)
        if translated.code == recv.code:
            # An identity in Python (to_sym, encode...) would let nil through
            # where Ruby raises NoMethodError.
            raise tr.fail(call.node, f".{call.name} on a value that may be nil")
        return translated
    kind = recv.type.kind
    for rule in _KINDS.get(kind, []):
        result = rule(tr, call, recv)
        if result is not None:
            return result
    for rule in _ANY:
        result = rule(tr, call, recv)
        if result is not None:
            return result
    if kind == "any":
        found = dynamic.method(tr, call, recv) or definitions.duck_member(tr, call, recv)
        if found is not None:
            return found
    # (a symbol block's call has no receiver node: the item stands for it)
    what = tr.text(call.recv_node) if call.recv_node is not None else "the item"
    if len(what) > 30:
        what = what[:27] + "..."
    if kind in ("any", "num", "error"):
        raise tr.fail(call.node, f"cannot tell what `{what}` is, so not what "
                                 f".{call.name} does on it")
    ruby_kind = {"str": "String", "int": "Integer", "float": "Float", "list": "Array",
                 "dict": "Hash", "smtp": "Net::SMTP", "response": "Net::SMTP::Response",
                 "nil": "nil", "bool": "true/false", "time": "Time",
                 "date": "Date"}.get(kind, kind)
    raise tr.fail(call.node, f"{ruby_kind}#{call.name} is not translated")


def _receiverless(tr: Translator, call: Call) -> Expr:
    name = call.name
    if name == "super":
        return definitions.super_expr(tr, call.node, call.args)
    if not call.args and call.block is None:
        var = tr.local(name)
        if var is not None:
            return Expr(var.py, var.type, P_ATOM)
    user = definitions.self_call(tr, call)
    if user is not None:
        return user
    rule = _KERNEL.get(name)
    if rule is not None:
        result = rule(tr, call)
        if result is not None:
            return result
    raise tr.fail(call.node, f"unknown method `{name}`")




# The rule families register with this module, so they load after it.
from . import collections, constants, definitions, dynamic, iterators, optparse, statements, strings  # noqa: E402
