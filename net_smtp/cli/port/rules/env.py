"""The environment and the command line: ``ENV['X']``, ``ENV.fetch``,
``ENV['X'] ||= v`` (``os.environ.setdefault``), ``ARGV`` (a list the
script may shift), ``x || default`` and ``x ||= value`` with Ruby's idea
of a missing value."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine import P_ATOM, P_CALL, P_CMP, Call, Expr, Tail
from ..syntax import Node
from ..types import BOOL, INT, T, join, list_of
from . import blocks, calls, collections, expressions, optparse, statements
from .calls import register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["element_reference", "element_target", "env_or_assigned", "is_aliased", "or_assign",
           "or_default", "special_assignment"]

ENV_VALUE = T("str", nilable=True, nl="no")
ARG = T("str", nl="no")


def _is_env(tr: Translator, node: Node) -> bool:
    return node.type == "constant" and tr.text(node) == "ENV"


def _is_argv(tr: Translator, node: Node) -> bool:
    return node.type == "constant" and tr.text(node) in ("ARGV",)


def argv(tr: Translator) -> Expr:
    """The script's arguments: ``sys.argv[1:]``, or ``argv`` when the
    script changes ARGV (``shift``, ``parse!``)."""
    tr.need("sys")
    if tr.argv_mutated:
        return Expr("argv", T("list", elem=ARG))  # a list of the script's own
    return Expr("sys.argv[1:]", T("argv", elem=ARG), P_CALL)


ENVIRONMENT = T("env")
"""``ENV`` itself, as a value: ``os.environ`` (the same live environment)."""


def element_reference(tr: Translator, node: Node, obj: Node, args: list[Node]) -> Expr | None:
    if _is_env(tr, obj) and len(args) == 1:
        key = tr.expr(args[0])
        tr.need("os")
        return Expr(f"os.environ.get({key.code})", ENV_VALUE, P_CALL)
    if obj.type == "identifier" and len(args) == 1:
        held = tr.local(tr.text(obj))
        if held is not None and held.type.is_("env"):
            return Expr(f"{held.py}.get({tr.expr(args[0]).code})", ENV_VALUE, P_CALL)
    if _is_argv(tr, obj) and len(args) == 1 and args[0].type == "integer":
        index = int(tr.text(args[0]))
        tr.need("sys")
        if tr.argv_mutated:
            a = argv(tr)
            if index >= 0:
                return Expr(f"{a.code}[{index}] if len({a.code}) > {index} else None",
                            ARG.nil(), 1)
            return Expr(f"{a.code}[{index}] if len({a.code}) >= {-index} else None", ARG.nil(), 1)
        if index >= 0:
            return Expr(f"sys.argv[{index + 1}] if len(sys.argv) > {index + 1} else None",
                        ARG.nil(), 1)
        return Expr(f"sys.argv[{index}] if len(sys.argv) > {-index} else None", ARG.nil(), 1)
    return None


def assign_maybe_nil(tr: Translator, left: Node, value: Expr) -> bool:
    """``ENV[k] = v`` for a *value* that may be nil, as a statement (Ruby
    deletes k for nil); False where it is not that."""
    if left.type != "element_reference" or not (value.type.kind == "str" and
                                                 value.type.nilable):
        return False
    obj = left.child_by_field_name("object")
    args = [c for c in left.named_children if c != obj]
    if not (_is_env(tr, obj) and len(args) == 1):
        return False
    tr.need("os")
    key = _held(tr, tr.expr(args[0]), "key")
    value = _held(tr, value, "value")
    tr.emit(f"if {value.code} is None:")
    tr.emit(f"    os.environ.pop({key.code}, None)")
    tr.emit("else:")
    tr.emit(f"    os.environ[{key.code}] = {value.code}")
    return True


def element_target(tr: Translator, node: Node, obj: Node, args: list[Node],
                   t: T) -> str | None:
    held = tr.local(tr.text(obj)) if obj.type == "identifier" else None
    if len(args) == 1 and (_is_env(tr, obj) or held is not None and held.type.is_("env")):
        key = tr.expr(args[0])
        tr.need("os")
        if not t.is_("str"):
            raise tr.fail(node, "ENV[...] = a value that may not be a String")
        return f"{held.py if held is not None else 'os.environ'}[{key.code}]"
    return None


def or_default(tr: Translator, left: Node, a: Expr, b: Expr) -> Expr | None:
    """``ENV['X'] || d`` and ``ARGV[0] || d``: Python forms that read well
    (``os.environ.get('X', d)`` only for a *d* that is safe to compute
    when it is not needed)."""
    if left.type == "element_reference" and _plain(b):
        obj = left.child_by_field_name("object")
        args = [c for c in left.named_children if c != obj]
        if _is_env(tr, obj) and len(args) == 1:
            key = tr.expr(args[0])
            return Expr(f"os.environ.get({key.code}, {b.code})", join(ENV_VALUE.non_nil(), b.type),
                        P_CALL)
        if _is_argv(tr, obj) and len(args) == 1 and args[0].type == "integer":
            index = int(tr.text(args[0]))
            if index >= 0:
                if tr.argv_mutated:
                    return Expr(f"argv[{index}] if len(argv) > {index} else {tr.wrap(b, 1)}",
                                join(ARG, b.type), 1)
                return Expr(f"sys.argv[{index + 1}] if len(sys.argv) > {index + 1} else "
                            f"{tr.wrap(b, 1)}", join(ARG, b.type), 1)
    if left.type == "call":
        call = calls.split_call(tr, left)
        if call.recv_node is not None and _is_argv(tr, call.recv_node) and call.name in (
                "first", "shift", "pop") and not call.args:
            a_expr = argv(tr)
            if call.name == "first":
                return Expr(f"{a_expr.code}[0] if {a_expr.code} else {tr.wrap(b, 1)}",
                            join(ARG, b.type), 1)
            if call.name == "shift":
                return Expr(f"argv.pop(0) if argv else {tr.wrap(b, 1)}", join(ARG, b.type), 1)
    return None


def _held(tr: Translator, e: Expr, base: str) -> Expr:
    """*e* computed once: itself when :func:`_plain`, else a local the
    statement written here assigns."""
    if _plain(e):
        return e
    held = tr.temp(base)
    tr.emit(f"{held} = {e.code}")
    return Expr(held, e.type)


def _plain(e: Expr) -> bool:
    """A name, a number or a string literal: computing it does nothing."""
    return re.fullmatch(r"[\w.]+|'[^'\\]*'|\"[^\"\\]*\"", e.code) is not None


def env_or_assigned(tr: Translator, left: Node, right: Node) -> Expr | None:
    """``(ENV['X'] ||= 'd')`` used as a value, with a String computed at no
    cost: ``os.environ.setdefault('X', 'd')``, which gives the value either
    way; None for anything else."""
    obj = left.child_by_field_name("object") if left.type == "element_reference" else None
    args = [c for c in left.named_children if c != obj] if obj is not None else []
    if obj is None or not _is_env(tr, obj) or len(args) != 1:
        return None
    value = tr.expr(right)
    if not (value.type.is_("str") and _plain(value)):
        return None
    tr.need("os")
    return Expr(f"os.environ.setdefault({tr.expr(args[0]).code}, {value.code})",
                ENV_VALUE.non_nil(), P_CALL)


def or_assign(tr: Translator, node: Node, left: Node, right: Node) -> None:
    """``x ||= value``."""
    if left.type == "element_reference":
        obj = left.child_by_field_name("object")
        args = [c for c in left.named_children if c != obj]
        if _is_env(tr, obj) and len(args) == 1:
            key = tr.expr(args[0])
            value = tr.expr(right)
            tr.need("os")
            nilable = value.type.kind == "str" and value.type.nilable
            if not (nilable or value.type.is_("str")):
                raise tr.fail(node, "ENV[...] ||= a value that may not be a String")
            if _plain(value) and not nilable:
                tr.emit(f"os.environ.setdefault({key.code}, {value.code})")
                return
            # Ruby computes the key, then the value only when the key is not
            # set; ENV[k] = nil deletes k, so for a k not set nothing happens.
            key = _held(tr, key, "key")
            tr.emit(f"if {tr.wrap(key, P_CMP + 1)} not in os.environ:")
            with tr.indented():
                if not nilable:
                    tr.emit(f"os.environ[{key.code}] = {value.code}")
                    return
                value = _held(tr, value, "value")
                tr.emit(f"if {value.code} is not None:")
                tr.emit(f"    os.environ[{key.code}] = {value.code}")
            return
        current = tr.expr(left)
        value = tr.expr(right)
        target = collections.element_target(tr, left, value.type)
        tr.emit(f"if {expressions.negate(tr.truth(current)).code}:")
        with tr.indented():
            tr.emit(f"{target} = {value.code}")
        return
    if left.type == "identifier":
        name = tr.text(left)
        var = tr.local(name)
        value = tr.expr(right)
        if var is None:
            declared = tr.declare(name, value.type)
            tr.emit(f"{declared.py} = {value.code}")
            return
        current = Expr(var.py, var.type)
        test = tr.truth(current)
        tr.declare(name, value.type)
        negated = expressions.negate(test)
        tr.emit(f"if {negated.code}:")
        with tr.indented():
            tr.emit(f"{var.py} = {value.code}")
        return
    if left.type in ("instance_variable", "class_variable") and \
            right.type in statements.VALUE_STATEMENTS:
        # @x ||= begin ... end: the statements run only when @x is nil or false
        current = tr.expr(left)
        tr.emit(f"if {expressions.negate(tr.truth(current)).code}:")
        with tr.indented():
            held = tr.temp("value")
            found: list[T] = []
            statements.statement(tr, right, Tail("assign", held, found.append))
            held_t = found[0] if found else tr.unknown
            for t in found[1:]:
                held_t = join(held_t, t)
            tr.emit(f"{statements.assignment_target(tr, left, held_t)} = {held}")
        return
    if left.type in ("instance_variable", "class_variable", "global_variable", "call"):
        current = tr.expr(left)
        value = tr.expr(right)
        target = statements.assignment_target(tr, left, value.type)
        negated = expressions.negate(tr.truth(current))
        tr.emit(f"if {negated.code}:")
        with tr.indented():
            tr.emit(f"{target} = {value.code}")
        return
    raise tr.fail(node, "||= on this kind of target")


def special_assignment(tr: Translator, node: Node, left: Node, right: Node) -> str | None:
    """``x = ENV.fetch('X') { ... }``: the block runs only when X is unset;
    ``parser = OptionParser.new do ... end``."""
    parser = optparse.assignment(tr, left, right)
    if parser is not None:
        return parser
    if right.type != "call" or left.type != "identifier":
        return None
    call = calls.split_call(tr, right)
    if call.recv_node is None or not _is_env(tr, call.recv_node) or call.name != "fetch" or \
            call.block is None or len(call.args) != 1:
        return None
    key = tr.expr(call.args[0])
    tr.need("os")
    var = tr.declare(tr.text(left), T("str", nl="no"))
    tr.emit(f"{var.py} = os.environ.get({key.code})")
    tr.emit(f"if {var.py} is None:")
    from ..engine import Tail

    def learned(t: T) -> None:
        tr.declare(tr.text(left), t)
    blocks.fallback(tr, call.block, call.args[0], key, T("str", nl="no"), "ENV.fetch",
                    Tail("assign", var.py, learned))
    return var.py


def is_aliased(tr: Translator, name: str, use: Node) -> bool:
    """Whether the String in local *name* may be held by something else
    where *use* changes it in place (so that Python's ``+=``, which makes a
    new String, would leave the other holder unchanged)."""
    from ..declarations import is_shared_at

    return is_shared_at(tr.aliased, name, use)


def _env_call(tr: Translator, call: Call) -> Expr | None:
    tr.need("os")
    return _env_method(tr, call, "os.environ")


def _env_kind(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """A method of ``ENV`` held in a variable (``def initialize(env = ENV)``)."""
    return _env_method(tr, call, tr.wrap(recv, P_CALL))


def _env_method(tr: Translator, call: Call, environ: str) -> Expr | None:
    """``ENV.name(...)`` on *environ*, the Python for the environment."""
    name = call.name
    if name == "fetch" and call.block is None:
        args = [tr.expr(a) for a in call.args]
        if len(args) == 1:
            return Expr(f"{environ}[{args[0].code}]", T("str", nl="no"), P_CALL)
        if len(args) == 2:
            return Expr(f"{environ}.get({args[0].code}, {args[1].code})",
                        join(T("str", nl="no"), args[1].type), P_CALL)
    if name == "fetch" and call.block is not None and len(call.args) == 1:
        key = tr.expr(call.args[0])
        fallback = blocks.fallback(tr, call.block, call.args[0], key, T("str", nl="no"),
                                   "ENV.fetch")
        assert fallback is not None
        return Expr(f"{environ}[{key.code}] if {tr.wrap(key, P_CMP + 1)} in {environ} else "
                    f"{tr.wrap(fallback, 1)}", join(T("str", nl="no"), fallback.type), 1)
    if name in ("key?", "has_key?", "include?", "member?") and len(call.args) == 1:
        key = tr.expr(call.args[0])
        return Expr(f"{tr.wrap(key, P_CMP + 1)} in {environ}", BOOL, P_CMP)
    if name == "delete" and len(call.args) == 1:
        key = tr.expr(call.args[0])
        return Expr(f"{environ}.pop({key.code}, None)", ENV_VALUE, P_CALL)
    if name in ("to_h", "to_hash") and not call.args:
        return Expr(f"dict({environ})", T("dict", key=T("str"), elem=T("str")), P_CALL)
    if name == "values_at" and call.block is None and all(
            a.type not in ("splat_argument", "pair", "block_argument") for a in call.args):
        values = [f"{environ}.get({tr.expr(a).code})" for a in call.args]
        return Expr(f"[{', '.join(values)}]", T("list", elem=ENV_VALUE,
                                                items=(ENV_VALUE,) * len(values)), P_ATOM)
    if call.block is not None or name in _READ_AS_HASH and not call.args:
        # ENV.keys, ENV.select { |k, v| ... }: os.environ as a Hash (a copy,
        # as Ruby's methods give a new Hash or Array)
        whole = Expr(environ, T("dict", key=T("str", nl="no"), elem=T("str", nl="no")),
                     P_CALL)
        call.recv = whole
        return calls.dispatch(tr, call, whole)
    return None


_READ_AS_HASH = frozenset({"keys", "values", "to_a", "sort", "size", "length", "empty?"})


def _argv_call(tr: Translator, call: Call) -> Expr | None:
    name = call.name
    a = argv(tr)
    if name == "fetch" and call.args and call.args[0].type == "integer" and \
            not tr.argv_mutated and int(tr.text(call.args[0])) >= 0 and (
                len(call.args) == 2 and call.block is None or
                len(call.args) == 1 and call.block is not None):
        # ARGV.fetch(0, default) / ARGV.fetch(0) { abort 'usage: ...' }: the
        # script's argument, read as a person would; the default only when
        # it is missing
        place = int(tr.text(call.args[0])) + 1
        missing = tr.expr(call.args[1]) if call.block is None else blocks.fallback(
            tr, call.block, call.args[0], tr.expr(call.args[0]), INT, "ARGV.fetch")
        assert missing is not None
        return Expr(f"sys.argv[{place}] if len(sys.argv) > {place} else "
                    f"{tr.wrap(missing, 1)}", join(ARG, missing.type), 1)
    if name in ("shift", "pop") and not call.args:
        if not tr.argv_mutated:
            tr.want_argv = True
        return Expr(f"argv.pop({'0' if name == 'shift' else ''}) if argv else None", ARG.nil(), 1)
    if name in ("empty?", "any?", "size", "length", "count", "first", "last", "include?",
                "each", "map", "join", "reject", "select", "dup", "each_with_index",
                "find", "grep", "index", "to_a", "fetch", "take", "[]"):
        return collections.list_method(tr, call, Expr(a.code, list_of(ARG), a.prec))
    if name in ("clear", "delete", "parse!", "replace", "concat", "push", "unshift", "<<",
                "delete_if", "reject!", "select!", "keep_if", "slice!"):
        if not tr.argv_mutated:
            tr.want_argv = True
        return collections.list_method(tr, call, Expr("argv", list_of(ARG)))
    return None


def _argv_kind(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name in ("shift", "pop") and not call.args:
        if recv.code != "argv":
            raise tr.fail(call.node, "shift on a copy of ARGV")
        return Expr(f"argv.pop({'0' if call.name == 'shift' else ''}) if argv else None",
                    ARG.nil(), 1)
    return None


register_const("ENV", _env_call)
register_kind("env", _env_kind)
register_const("ARGV", _argv_call)
register_kind("argv", _argv_kind)
