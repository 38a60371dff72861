"""Statements and control flow: assignment (``||=`` included), ``if`` /
``unless`` / ``while`` / ``until`` and their modifier forms, ``case`` /
``when`` (values, ranges, regexps, classes), ``begin`` / ``rescue`` /
``else`` / ``ensure`` with ``retry`` (a loop), ``return``, ``break``,
``next``, and where the value of the last statement goes."""

from __future__ import annotations

import errno
import keyword
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..declarations import struct_fields
from ..engine import NO_TAIL, P_ATOM, P_CMP, Expr, Tail
from ..syntax import Node, unparenthesized
from ..types import ANY, BOOL, NIL, PENDING, T, join
from . import blocks, calls, collections, constants, definitions, env, expressions, io, regexps
from .times import arithmetic

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["assignment_expr", "statement"]

# Ruby exception classes -> Python (``rescue X``, ``raise X``).
EXCEPTIONS = {
    "StandardError": "Exception", "Exception": "BaseException", "RuntimeError": "RuntimeError",
    "ArgumentError": "ValueError", "TypeError": "TypeError", "KeyError": "KeyError",
    "IndexError": "IndexError", "NameError": "NameError", "NoMethodError": "AttributeError",
    "ZeroDivisionError": "ZeroDivisionError", "IOError": "OSError", "EOFError": "EOFError",
    "SystemCallError": "OSError", "SocketError": "socket.gaierror",
    "Timeout::Error": "TimeoutError",
    "Errno::ECONNREFUSED": "ConnectionRefusedError", "Errno::ECONNRESET": "ConnectionResetError",
    "Errno::EPIPE": "BrokenPipeError", "Errno::ETIMEDOUT": "TimeoutError",
    "Errno::ENOENT": "FileNotFoundError", "Errno::EACCES": "PermissionError",
    "Errno::ECONNABORTED": "ConnectionAbortedError", "Interrupt": "KeyboardInterrupt",
    "SystemExit": "SystemExit", "NotImplementedError": "NotImplementedError",
    "FrozenError": "TypeError", "Net::OpenTimeout": "Net.OpenTimeout",
    "Net::ReadTimeout": "Net.ReadTimeout", "Net::WriteTimeout": "Net.WriteTimeout",
    "SignalException": "BaseException", "ScriptError": "SyntaxError",
    "Encoding::UndefinedConversionError": "UnicodeError", "Date::Error": "ValueError",
    "JSON::ParserError": "json.JSONDecodeError",
}


def statement(tr: Translator, node: Node, tail: Tail) -> None:
    """Translate the statement *node*; its value goes to *tail*."""
    kind = node.type
    handler = _STATEMENTS.get(kind)
    if handler is not None:
        handler(tr, node, tail)
        return
    if kind in ("method", "singleton_method", "class", "module", "singleton_class"):
        definitions.definition(tr, node)
        if tail.kind == "return" and kind in ("method", "singleton_method"):
            pass
        return
    if kind == "binary" and tr.text(node.child_by_field_name("operator")) in (
            "or", "||", "and", "&&") and tail.kind == "none":
        _logical_statement(tr, node)
        return
    if kind == "conditional" and tail.kind == "none":
        tr.emit(f"if {tr.cond(node.child_by_field_name('condition'))}:")
        with tr.indented():
            statement(tr, node.child_by_field_name("consequence"), NO_TAIL)
        tr.emit("else:")
        with tr.indented():
            statement(tr, node.child_by_field_name("alternative"), NO_TAIL)
        return
    if kind == "call":
        result = calls.call_expr(tr, node, tail)
        if result is calls.DONE:
            return
        _value(tr, result, tail)
        return
    if kind in ("identifier", "nil", "true", "false", "integer", "string") and \
            tail.kind == "none" and (kind != "identifier" or tr.local(tr.text(node)) is not None):
        return  # a value alone on a line does nothing
    e = tr.expr(node)
    _value(tr, e, tail)


def _logical_statement(tr: Translator, node: Node) -> None:
    """``a or b`` / ``a and b`` as a statement: ``b`` runs when ``a`` is
    false (true); ``a`` may be an assignment (``x = ARGV.shift or abort``)."""
    op = tr.text(node.child_by_field_name("operator"))
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    if left.type == "assignment":
        statement(tr, left, NO_TAIL)
        target = left.child_by_field_name("left")
        if target.type != "identifier":
            raise tr.fail(node, f"{op} after an assignment to something but a local")
        test = tr.truth(tr.expr(target))
    else:
        test = tr.truth(tr.expr(left))
    if op in ("or", "||"):
        test = expressions.negate(test)
    tr.emit(f"if {test.code}:")
    with tr.indented():
        statement(tr, right, NO_TAIL)
    if op in ("or", "||") and _stops(tr, right):
        subject = left.child_by_field_name("left") if left.type == "assignment" else left
        if subject.type == "identifier":
            tr.narrow(tr.text(subject))


_STOPPERS = ("abort", "exit", "raise", "fail")


def _stops(tr: Translator, node: Node) -> bool:
    """Whether *node* always leaves (abort, exit, raise, return, next...)."""
    if node.type in ("return", "break", "next", "retry"):
        return True
    if node.type == "call" and node.child_by_field_name("receiver") is None:
        method = node.child_by_field_name("method")
        return method is not None and tr.text(method) in _STOPPERS
    if node.type == "identifier":
        return tr.text(node) in ("abort", "exit", "raise")
    return False


def _narrow_after_guard(tr: Translator, node: Node, negate: bool) -> None:
    """``abort ... unless x`` / ``exit if x.nil? || x.zero?``: what the
    condition shows of the locals when the script goes on (it failed; with
    unless, it held) is true after it."""
    body = node.child_by_field_name("body")
    cond = node.child_by_field_name("condition")
    if body is None or cond is None or not _stops(tr, body):
        return
    for name in present_locals(tr, cond, negate):
        tr.narrow(name)


def _value(tr: Translator, e: Expr, tail: Tail) -> None:
    if tail.kind == "return":
        if e.type.kind in ("nil", "never") and e.code != "None":
            tr.emit(e.code)  # and the function returns None, as Ruby's returns nil
        else:
            tr.emit(f"return {e.code}")
        if tail.var_type is not None:
            tail.var_type(e.type)
    elif tail.kind == "assign":
        if e.type.kind == "never":  # x = case ... else raise ... end: nothing to assign
            tr.emit(e.code)
            return
        tr.emit(f"{tail.target} = {e.code}")
        if tail.var_type is not None:
            tail.var_type(e.type)
    elif e.code and (keyword.iskeyword(e.code) or not re.fullmatch(r"[\w.]+", e.code)):
        tr.emit(e.code)  # (a name alone does nothing; raise, pass, break do)


def _comment(tr: Translator, node: Node, tail: Tail) -> None:
    text = tr.text(node)
    if text.startswith("#!"):
        if tr.line_of(node) == 1:
            tr.emit("#!/usr/bin/env python3")
        return
    lowered = text.lower()
    if "frozen_string_literal" in lowered or "encoding:" in lowered or "coding:" in lowered:
        return
    if text.startswith("=begin"):
        for line in text.splitlines()[1:-1]:
            tr.emit(("# " + line).rstrip())
        return
    tr.emit(text)


def _skip(tr: Translator, node: Node, tail: Tail) -> None:
    return


def _data_section(tr: Translator, node: Node, tail: Tail) -> None:
    text = tr.text(node)
    tr.data_text = text.split("\n", 1)[1] if "\n" in text else ""


# ---------------------------------------------------------------- assignment


def assignment_target(tr: Translator, left: Node, t: T) -> str:
    """The Python target of an assignment to *left* (a local, an instance,
    class or global variable, a constant, an element, an attribute), which
    now holds a *t*."""
    kind = left.type
    if kind == "identifier":
        return tr.declare(tr.text(left), t).py
    if kind == "instance_variable":
        return definitions.ivar(tr, left, t).code
    if kind == "class_variable":
        return definitions.cvar(tr, left, t).code
    if kind == "constant":
        return constants.assign_constant(tr, left, t)
    if kind == "element_reference":
        return collections.element_target(tr, left, t)
    if kind == "call":
        return definitions.attribute_target(tr, left, t)
    if kind == "global_variable":
        return io.global_target(tr, left, t)
    raise tr.fail(left, f"assignment to {kind.replace('_', ' ')}")


VALUE_STATEMENTS = ("if", "unless", "case", "case_match", "begin", "while", "until")


def _assignment(tr: Translator, node: Node, tail: Tail) -> None:
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    if left.type == "left_assignment_list" and right.type in VALUE_STATEMENTS:
        # a, b = case ... end: the statement's value first, then taken apart
        _multiple(tr, left, right, tail, _held_value(tr, right))
        return
    if left.type == "left_assignment_list" or right.type == "right_assignment_list":
        _multiple(tr, left, right, tail)
        return
    inner = right.child_by_field_name("left") if right.type == "assignment" else None
    if inner is not None and inner.type in ("identifier", "instance_variable", "call") and \
            left.type in ("identifier", "instance_variable", "call"):
        # a = b = value: b first (Ruby assigns from the right), then a gets b
        statement(tr, right, NO_TAIL)
        value = tr.expr(inner)
        tr.emit(f"{assignment_target(tr, left, value.type)} = {value.code}")
        _after_assign(tr, tr.expr(left).code, tail, value.type)
        return
    if right.type in VALUE_STATEMENTS or (right.type == "call" and right.child_by_field_name(
            "block") is not None and _block_as_statement(tr, right)) or (
                right.type == "call" and _tap_of_symbol(tr, right)):
        if left.type != "identifier" and _plain_target(left):
            # h[k] = case ... end: the value into a name first (the target's
            # parts are names or literals, which the statement cannot change)
            held = _held_value(tr, right)
            target = assignment_target(tr, left, held.type)
            tr.emit(f"{target} = {held.code}")
            _after_assign(tr, target, tail, held.type)
            return
        if left.type != "identifier":
            raise tr.fail(node, "a statement's value assigned to something but a local")
        name = tr.text(left)
        var = tr.declare(name, PENDING) if tr.local(name) is None else tr.local(name)
        assert var is not None

        def learned(t: T) -> None:
            tr.declare(name, t)
        statement(tr, right, Tail("assign", var.py, learned))
        _after_assign(tr, var.py, tail, var.type)
        return
    if left.type == "constant" and struct_fields(tr, right):
        definitions.struct_class(tr, left, right)
        return
    if right.type == "rescue_modifier":
        _rescue_modifier_assign(tr, left, right, tail)
        return
    if left.type == "call" and tr.text(left) in ("$stdout.sync", "STDOUT.sync", "$stderr.sync",
                                                  "STDERR.sync"):
        return  # Python flushes what a script prints when it ends, as Ruby does
    special = env.special_assignment(tr, node, left, right)
    if special:
        _after_assign(tr, special, tail, ANY)
        return
    value = tr.expr(right)
    if tail.kind == "none" and env.assign_maybe_nil(tr, left, value):
        return
    if left.type == "identifier":
        tr.retype(tr.text(left), node)
    target = assignment_target(tr, left, value.type)
    if target != value.code:  # a def named after its local is assigned already
        tr.emit(f"{target} = {value.code}")
    _after_assign(tr, target, tail, value.type)


def _after_assign(tr: Translator, target: str, tail: Tail, t: T) -> None:
    if tail.kind == "return" and t.kind == "nil":
        return  # Python returns None anyway
    if tail.kind == "return":
        tr.emit(f"return {target}")
    elif tail.kind == "assign" and tail.target != target:
        tr.emit(f"{tail.target} = {target}")
        if tail.var_type is not None:
            tail.var_type(t)


def _block_as_statement(tr: Translator, node: Node) -> bool:
    return blocks.is_statement_block(tr, node)


def _tap_of_symbol(tr: Translator, node: Node) -> bool:
    """``x.tap(&:name)``: a statement whose value is x (as with a block)."""
    method = node.child_by_field_name("method")
    args = node.child_by_field_name("arguments")
    return method is not None and tr.text(method) == "tap" and args is not None and \
        len(args.named_children) == 1 and args.named_children[0].type == "block_argument"


def assignment_expr(tr: Translator, node: Node) -> Expr:
    """``(x = value)`` used as a value: a walrus for a local."""
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    if left.type != "identifier":
        raise tr.fail(node, "assignment used as a value")
    value = tr.expr(right)
    var = tr.declare(tr.text(left), value.type)
    return Expr(f"({var.py} := {value.code})", value.type, P_ATOM)


def _multiple(tr: Translator, left: Node, right: Node, tail: Tail,
              held: Expr | None = None) -> None:
    targets = []
    rest_elem: T | None = None  # what a splat target's items are (never padding nils)
    if held is None and right.type == "right_assignment_list":
        values = [tr.expr(v) for v in right.named_children]
        types = [v.type for v in values]
        rhs = ", ".join(v.code for v in values)
    else:
        value = held if held is not None else tr.expr(right)
        if value.type.kind not in ("list", "argv"):
            # anything else: Ruby's rules at run time (nil gives nils, another
            # value is the first target's; the others nil)
            value = Expr(value.code, T("list", elem=ANY, nilable=True), value.prec)
        elem = value.type.elem or tr.unknown
        rest_elem = elem
        types = []
        rhs = value.code
        count = len(left.named_children)
        types = [elem] * count
        items = value.type.items
        exact = items is not None and len(items) == count and not value.type.nilable
        rest = any(c.type == "rest_assignment" for c in left.named_children)
        if not exact and not rest:
            rhs = f"{tr.runtime('fields')}({value.code}, {count})"
            types = [elem.nil()] * count
        elif rest and (value.type.nilable or not (items is not None and len(items) >= count - 1)):
            # a, *b = [] gives a nil: enough values for the names around the splat
            rhs = f"{tr.runtime('fields')}({value.code}, {count - 1}, rest=True)"
            types = [elem.nil()] * count
        if items is not None and not rest:  # each target its item's type, nil past the end
            types = [items[i] if i < len(items) else NIL for i in range(count)]
            if value.type.nilable:  # a, b = nil: every target nil
                types = [t.nil() for t in types]
    if left.type != "left_assignment_list":
        targets_nodes = [left]
    else:
        targets_nodes = list(left.named_children)
    if right.type == "right_assignment_list" and len(values) != len(targets_nodes):
        raise tr.fail(left, "different numbers of targets and values")
    for i, target in enumerate(targets_nodes):
        t = types[i] if i < len(types) else ANY
        if target.type == "rest_assignment":
            inner = target.named_children
            if not inner:
                targets.append("*_")
                continue
            targets.append("*" + assignment_target(tr, inner[0], T("list", elem=rest_elem or t)))
        elif target.type == "destructured_left_assignment":
            raise tr.fail(target, "nested destructuring")
        else:
            targets.append(assignment_target(tr, target, t))
    # (a, = list: one target still takes the first item)
    comma = "," if len(targets) == 1 and left.type == "left_assignment_list" else ""
    tr.emit(f"{', '.join(targets)}{comma} = {rhs}")


def _held_value(tr: Translator, right: Node) -> Expr:
    """The value of the statement *right* (``case``, ``if``, ``begin``...),
    assigned to a new name by each of its branches: the name, of the type
    of any branch's value."""
    held = tr.temp("value")
    found: list[T] = []
    statement(tr, right, Tail("assign", held, found.append))
    held_t = found[0] if found else tr.unknown
    for t in found[1:]:
        held_t = join(held_t, t)
    return Expr(held, held_t, P_ATOM)


def _plain_target(left: Node) -> bool:
    """``h[k]`` or ``obj.attr`` whose parts are names, symbols, strings or
    numbers (nothing a statement computed before it could change)."""
    plain = ("identifier", "constant", "instance_variable", "simple_symbol", "integer",
             "self")
    if left.type == "element_reference":
        parts = [c for c in left.named_children if c.type != "comment"]
        return all(p.type in plain or p.type == "string" and not any(
            c.type == "interpolation" for c in p.named_children) for p in parts)
    if left.type == "call":
        receiver = left.child_by_field_name("receiver")
        return receiver is not None and receiver.type in plain and \
            left.child_by_field_name("arguments") is None
    return False


def _rescue_modifier_assign(tr: Translator, left: Node, right: Node, tail: Tail) -> None:
    body = right.child_by_field_name("body")
    handler = right.child_by_field_name("handler")
    value = tr.expr(body)
    inside = [c for c in handler.named_children if c.type != "comment"] \
        if handler.type == "parenthesized_statements" else []
    if len(inside) > 1 and _stops(tr, inside[-1]):
        # x = a rescue (warn "..."; exit 2): the statements, which leave
        target = assignment_target(tr, left, value.type)
        tr.emit("try:")
        with tr.indented():
            tr.emit(f"{target} = {value.code}")
        tr.emit("except Exception:")
        with tr.indented():
            _inner_statement(tr, handler, NO_TAIL)
        _after_assign(tr, target, tail, value.type)
        return
    fallback = tr.expr(handler)
    target = assignment_target(tr, left, join(value.type, fallback.type))
    tr.emit("try:")
    with tr.indented():
        tr.emit(f"{target} = {value.code}")
    tr.emit("except Exception:")
    with tr.indented():
        tr.emit(f"{target} = {fallback.code}")
    _after_assign(tr, target, tail, value.type)


def _inner_statement(tr: Translator, node: Node, tail: Tail) -> None:
    """The statement a modifier (``x if c``, ``x rescue y``, ``x while c``)
    applies to, translated as a statement of its own (``a << b if c``
    changes ``a``; its value goes nowhere)."""
    saved, tr.stmt_node = tr.stmt_node, node
    try:
        statement(tr, node, tail)
    finally:
        tr.stmt_node = saved


def _rescue_modifier(tr: Translator, node: Node, tail: Tail) -> None:
    body = node.child_by_field_name("body")
    handler = node.child_by_field_name("handler")
    tr.emit("try:")
    with tr.indented():
        _inner_statement(tr, body, tail)
    tr.emit("except Exception:")
    with tr.indented():
        _inner_statement(tr, handler, tail)


def _operator_assignment(tr: Translator, node: Node, tail: Tail) -> None:
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    op = tr.text(node.child_by_field_name("operator"))
    if op == "||=":
        env.or_assign(tr, node, left, right)
    elif op == "&&=":
        current = tr.expr(left)
        value = tr.expr(right)
        target = assignment_target(tr, left, value.type)
        tr.emit(f"if {tr.truth(current).code}:")
        with tr.indented():
            tr.emit(f"{target} = {value.code}")
    else:
        current = tr.expr(left)
        value = tr.expr(right)
        base = op[:-1]
        reads_default = left.type == "element_reference" and ".get(" in current.code
        ta, tb = current.type.non_nil(), value.type.non_nil()
        if base in ("+", "-") and ta.is_("date", "time") and tb.is_("int", "float", "num"):
            # a day (a Date) or a second (a Time) later or earlier
            moved = arithmetic(tr, node, base, current, value)
            tr.emit(f"{assignment_target(tr, left, moved.type)} = {moved.code}")
        elif base in ("+", "-", "*", "/", "%") and "any" in (ta.kind, tb.kind) or \
                base in ("/", "%") and "num" in (ta.kind, tb.kind) and \
                ta.is_("int", "float", "num") and tb.is_("int", "float", "num"):
            # (an Integer or a Float known only at run time: Ruby's rule then)
            _runtime_update(tr, left, base, current, value)
        elif base in ("-", "|") and ta.is_("list") and tb.is_("list"):
            combined = expressions.list_difference(tr, current, value) if base == "-" else \
                expressions.list_union(tr, current, value)
            tr.emit(f"{assignment_target(tr, left, combined.type)} = {combined.code}")
        else:
            base, t = _update_type(tr, node, op, ta, tb)
            target = assignment_target(tr, left, t)
            if reads_default:  # h[k] += 1 on a Hash with a default, or a key maybe missing
                tr.emit(f"{target} = {tr.wrap(current, 10)} {base} {tr.wrap(value, 11)}")
            else:
                tr.emit(f"{target} {base}= {value.code}")
    if tail.kind != "none":
        e = tr.expr(left)
        _value(tr, e, tail)


# ---------------------------------------------------------------- conditionals


def _update_type(tr: Translator, node: Node, op: str, ta: T, tb: T) -> tuple[str, T]:
    """The Python operator and the result type of ``x op= y`` for known
    kinds (nil on either side raises in both languages: the kinds decide)."""
    base = op[:-1]
    numeric = ("int", "float", "num")
    if base == "+" and ta.is_("str") and tb.is_("str"):
        return base, T("str", nl=tb.nl)
    if base in ("+", "-", "*", "**", "%") and ta.is_(*numeric) and tb.is_(*numeric):
        return base, T("float") if "float" in (ta.kind, tb.kind) else T("int") \
            if ta.kind == tb.kind == "int" else T("num")
    if base == "/" and ta.is_("int") and tb.is_("int"):
        return "//", T("int")
    if base == "/" and ta.is_("int", "float") and tb.is_("int", "float"):
        return base, T("float")
    if base == "+" and ta.is_("list") and tb.is_("list") or \
            base == "<<" and ta.is_("int") and tb.is_("int") or \
            base == "*" and ta.is_("str") and tb.is_("int"):
        return base, ta
    raise tr.fail(node, f"cannot tell the types on both sides of {op}")


def _runtime_update(tr: Translator, left: Node, base: str, current: Expr, value: Expr) -> None:
    """``x op= y`` where a side is a value of parsed JSON: the runtime
    decides as Ruby does (``ruby.plus``, ``ruby.arith``)."""
    t = expressions.arith_type(base, current.type.non_nil(), value.type.non_nil())
    call = f"{tr.runtime('plus')}({current.code}, {value.code})" if base == "+" else \
        f"{tr.runtime('arith')}({current.code}, {base!r}, {value.code})"
    tr.emit(f"{assignment_target(tr, left, t)} = {call}")


def _if(tr: Translator, node: Node, tail: Tail, negate: bool = False) -> None:
    cond_node = node.child_by_field_name("condition")
    c = tr.cond(cond_node)
    if negate:
        c = expressions.negate(Expr(c, BOOL, _cond_prec(c))).code
    tr.emit(f"if {c}:")
    branch(tr, node.child_by_field_name("consequence"), tail,
           present_locals(tr, cond_node, not negate))
    alternative = node.child_by_field_name("alternative")
    if alternative is not None and alternative.type == "else":
        tr.emit("else:", tr.line_of(alternative))  # the condition failed: if x.nil? ... else
        branch(tr, alternative, tail, present_locals(tr, cond_node, negate))
        return
    while alternative is not None:
        if alternative.type == "elsif":
            c = tr.cond(alternative.child_by_field_name("condition"))
            tr.emit(f"elif {c}:", tr.line_of(alternative))
            branch(tr, alternative.child_by_field_name("consequence"), tail)
            alternative = alternative.child_by_field_name("alternative")
        else:
            tr.emit("else:", tr.line_of(alternative))
            branch(tr, alternative, tail)
            alternative = None
            return
    if tail.kind == "assign":
        tr.emit("else:")
        with tr.indented():
            tr.emit(f"{tail.target} = None")
            if tail.var_type is not None:
                tail.var_type(NIL)


def _cond_prec(code: str) -> int:
    if " or " in code:
        return 2
    if " and " in code:
        return 3
    if code.startswith("not "):
        return 4
    if any(op in code for op in (" is ", " == ", " != ", " in ", " < ", " > ")):
        return P_CMP
    return P_ATOM


def present_locals(tr: Translator, cond: Node | None, truthy: bool = True) -> list[str]:
    """The locals a condition shows are not nil where it is *truthy* (else
    where it is false): ``x``, ``(x = value)``, ``a && b``, ``!x.nil?``;
    where false, ``x.nil?`` and ``a.nil? || b.nil?``."""
    cond = unparenthesized(cond)
    if cond is None:
        return []
    if cond.type == "assignment":
        cond = cond.child_by_field_name("left")
    if cond.type == "identifier":
        return [tr.text(cond)] if truthy else []
    if cond.type == "element_reference":
        text = collections.element_text(tr, cond)
        return [text] if truthy and text is not None else []
    if cond.type == "unary" and tr.text(cond.child_by_field_name("operator")) in ("!", "not"):
        return present_locals(tr, cond.child_by_field_name("operand"), not truthy)
    if cond.type == "binary":
        op = tr.text(cond.child_by_field_name("operator"))
        if op in (("&&", "and") if truthy else ("||", "or")):
            return present_locals(tr, cond.child_by_field_name("left"), truthy) + \
                present_locals(tr, cond.child_by_field_name("right"), truthy)
        return []
    if cond.type == "call" and not truthy and tr.text(cond).endswith(".nil?") and \
            not cond.named_children[-1].type.endswith("argument_list"):
        receiver = cond.child_by_field_name("receiver")
        if receiver is not None and receiver.type == "identifier":
            return [tr.text(receiver)]
    return []


def branch(tr: Translator, node: Node | None, tail: Tail,
           narrowed: list[str] | None = None) -> None:
    """The statements of a branch, indented; *narrowed*: the locals its
    condition showed are not nil."""
    with tr.indented():
        for name in narrowed or ():
            tr.narrow(name)
        if node is None:
            if tail.kind == "assign":
                tr.emit(f"{tail.target} = None")
            return
        children = [c for c in node.named_children]
        tr.body(children, tail)


def _unless(tr: Translator, node: Node, tail: Tail) -> None:
    _if(tr, node, tail, negate=True)


def _if_modifier(tr: Translator, node: Node, tail: Tail, negate: bool = False) -> None:
    c = tr.cond(node.child_by_field_name("condition"))
    if negate:
        c = expressions.negate(Expr(c, BOOL, _cond_prec(c))).code
    tr.emit(f"if {c}:")
    with tr.indented():
        for name in present_locals(tr, node.child_by_field_name("condition"), not negate):
            tr.narrow(name)
        _inner_statement(tr, node.child_by_field_name("body"), tail)
    if tail.kind == "assign":
        tr.emit("else:")
        with tr.indented():
            tr.emit(f"{tail.target} = None")
    _narrow_after_guard(tr, node, negate)


def _unless_modifier(tr: Translator, node: Node, tail: Tail) -> None:
    _if_modifier(tr, node, tail, negate=True)


def _while(tr: Translator, node: Node, tail: Tail, negate: bool = False) -> None:
    body = node.child_by_field_name("body")
    cond_node = node.child_by_field_name("condition")
    if body is not None and node.type.endswith("_modifier") and body.type == "begin":
        tr.emit("while True:")
        with tr.loop():
            with tr.indented():
                tr.body(list(body.named_children), NO_TAIL)
                c = tr.cond(cond_node)
                c = c if negate else expressions.negate(
                    Expr(c, BOOL, _cond_prec(c))).code
                tr.emit(f"if {c}:")
                with tr.indented():
                    tr.emit("break")
        _nil_tail(tr, tail)
        return
    c = tr.cond(cond_node)
    if negate:
        c = expressions.negate(Expr(c, BOOL, _cond_prec(c))).code
    tr.emit(f"while {c}:")
    with tr.loop():
        if node.type.endswith("_modifier"):
            with tr.indented():
                _inner_statement(tr, body, NO_TAIL)
        else:
            branch(tr, body, NO_TAIL)
    _nil_tail(tr, tail)


def _nil_tail(tr: Translator, tail: Tail) -> None:
    """A branch Ruby leaves without a value (a case or if with no else):
    nil goes where the statement's value goes."""
    if tail.kind == "assign":
        tr.emit(f"{tail.target} = None")
    elif tail.kind == "return":
        tr.emit("return None")
    else:
        return
    if tail.var_type is not None:
        tail.var_type(NIL)


def _until(tr: Translator, node: Node, tail: Tail) -> None:
    _while(tr, node, tail, negate=True)


def _for(tr: Translator, node: Node, tail: Tail) -> None:
    pattern = node.child_by_field_name("pattern")
    value = node.child_by_field_name("value")
    iterable = collections.iterable(tr, value.named_children[0]
                                             if value.type == "in" else value)
    names = [tr.text(pattern)] if pattern.type == "identifier" else \
        [tr.text(c) for c in pattern.named_children]
    elem = iterable.type.elem or tr.unknown
    pys = [tr.declare(n, elem if len(names) == 1 else ANY).py for n in names]
    tr.emit(f"for {', '.join(pys)} in {iterable.code}:")
    with tr.loop():
        branch(tr, node.child_by_field_name("body"), NO_TAIL)
    _nil_tail(tr, tail)


# ---------------------------------------------------------------- case / when


def _case(tr: Translator, node: Node, tail: Tail) -> None:
    value_node = node.child_by_field_name("value")
    subject: Expr | None = None
    if value_node is not None:
        subject = tr.expr(value_node)
        if not (subject.prec == P_ATOM and subject.code.replace("_", "a").replace(
                ".", "a").isalnum()):
            name = tr.temp("value")
            tr.emit(f"{name} = {subject.code}")
            subject = Expr(name, subject.type)
    first = True
    has_else = False
    for child in node.named_children:
        if child.type == "when":
            tests = []
            for pattern in [c for c in child.named_children if c.type == "pattern"]:
                inner = pattern.named_children[0]
                tests.append(when_test(tr, subject, inner))
            c = " or ".join(tests) if len(tests) > 1 else tests[0]
            tr.emit(f"{'if' if first else 'elif'} {c}:", tr.line_of(child))
            first = False
            branch(tr, child.child_by_field_name("body"), tail)
        elif child.type == "else":
            has_else = True
            if first:
                tr.emit("if True:")
            else:
                tr.emit("else:", tr.line_of(child))
            branch(tr, child, tail)
    if not has_else and tail.kind != "none":
        tr.emit("else:")
        with tr.indented():
            _nil_tail(tr, tail)


def when_test(tr: Translator, subject: Expr | None, node: Node) -> str:
    if subject is None:
        return tr.cond(node)
    kind = node.type
    s = subject.code
    if kind == "range":  # 80...90, and 90.. or ..10 with an open end
        begin, end = node.child_by_field_name("begin"), node.child_by_field_name("end")
        low = tr.expr(begin) if begin is not None else None
        high = tr.expr(end) if end is not None else None
        op = tr.text(node.child_by_field_name("operator"))
        if any(b is not None and not b.type.is_("int", "float") for b in (low, high)):
            raise tr.fail(node, "a range of values that may not be numbers")
        upper = "<=" if op == ".." else "<"
        test = " ".join(([f"{low.code} <="] if low is not None else []) + [s] +
                        ([f"{upper} {high.code}"] if high is not None else []))
        if subject.type.is_("int", "float", "num"):
            return test
        # Ruby's Range#=== is false for a value of another kind; Python's < raises.
        return f"(isinstance({s}, (int, float)) and not isinstance({s}, bool) and {test})"
    if kind == "regex":
        pattern = regexps.compiled(tr, node)
        if subject.type.is_("str"):
            return regexps.search(tr, pattern, s)
        return f"(isinstance({s}, str) and {regexps.search(tr, pattern, s)})"
    if kind in ("constant", "scope_resolution"):
        class_test = constants.class_test(tr, tr.text(node), Expr(s, subject.type))
        if class_test is not None:
            return class_test
    if kind == "splat_argument":  # when *LIST: any item's === (a Regexp's is a match)
        inner = tr.expr(node.named_children[0])
        elem = inner.type.elem if inner.type.is_("list") else None
        if elem is not None and elem.is_("regex"):
            item = tr.temp("pattern")
            test = f"{item}.search({s}) is not None"
            if not subject.type.is_("str"):  # (a Regexp matches no other kind)
                test = f"isinstance({s}, str) and {test}"
            return f"any({test} for {item} in {inner.code})"
        if elem is None or not elem.is_("str", "int", "float", "nil"):
            raise tr.fail(node, "when *list of values whose === the translator cannot tell")
        return f"{s} in {tr.wrap(inner, P_CMP + 1)}"
    value = tr.expr(node)
    if value.type.kind == "nil":
        return f"{s} is None"
    if value.type.kind not in ("str", "int", "float", "bool", "nil"):
        raise tr.fail(node, "a when clause whose === the translator cannot tell")
    return f"{tr.wrap(subject, P_CMP + 1)} == {tr.wrap(value, P_CMP + 1)}"


# ---------------------------------------------------------------- begin / rescue


def _begin(tr: Translator, node: Node, tail: Tail) -> None:
    children = list(node.named_children)
    protected(tr, node, children, tail)


def _or_assigned_locals(tr: Translator, body: list[Node]) -> list[str]:
    """The locals not yet set that *body* (outside its blocks and methods)
    gives a value with ``||=``, in order."""
    found: list[str] = []
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if node.type in ("method", "singleton_method", "class", "module", "block", "do_block",
                         "lambda"):
            continue
        left = node.child_by_field_name("left") if node.type == "operator_assignment" else None
        if left is not None and left.type == "identifier" and \
                tr.text(node.child_by_field_name("operator")) == "||=" and \
                tr.local(tr.text(left)) is None and tr.text(left) not in found:
            found.append(tr.text(left))
        stack.extend(reversed(node.named_children))
    return found


def protected(tr: Translator, node: Node, children: list[Node], tail: Tail) -> None:
    """A body with ``rescue`` / ``else`` / ``ensure`` clauses (a ``begin``
    block or a method body)."""
    body = [c for c in children if c.type not in ("rescue", "else", "ensure")]
    rescues = [c for c in children if c.type == "rescue"]
    else_ = next((c for c in children if c.type == "else"), None)
    ensure = next((c for c in children if c.type == "ensure"), None)
    if not rescues and else_ is None and ensure is None:
        tr.body(body, tail)
        return
    retries = any(blocks.contains(r, ("retry",)) for r in rescues)
    if retries:
        for b in body:
            if b.type in ("break", "next") or blocks.contains(b, ("break", "next")):
                raise tr.fail(b, "break/next inside a begin block that retries")
        if else_ is not None:
            raise tr.fail(else_, "retry with an else clause")
    if ensure is not None and retries:
        tr.emit("try:")
        tr.level += 1
    if retries:
        # a local the body sets only with ||= keeps its value when retried
        for name in _or_assigned_locals(tr, body):
            tr.emit(f"{tr.declare(name, NIL).py} = None")
        tr.emit("while True:")
        tr.level += 1
    tr.emit("try:")
    inner_tail = tail if else_ is None else NO_TAIL
    if retries and tail.kind == "return":
        inner_tail = tail
    with tr.indented():
        tr.body(body, inner_tail)
    for rescue in rescues:
        _rescue_clause(tr, rescue, tail, retries)
    if else_ is not None:
        tr.emit("else:", tr.line_of(else_))
        with tr.indented():
            tr.body(list(else_.named_children), tail)
    if retries:
        tr.level -= 1
        if tr.lines and not tr.lines[-1].text.strip().startswith(("return", "raise")):
            pass
        _retry_break(tr)
    if ensure is not None:
        if retries:
            tr.level -= 1
        tr.emit("finally:", tr.line_of(ensure))
        with tr.indented():
            tr.body(list(ensure.named_children), NO_TAIL)


def _retry_break(tr: Translator) -> None:
    tr.level += 1
    tr.emit("break")
    tr.level -= 1


def _rescue_clause(tr: Translator, rescue: Node, tail: Tail, retries: bool) -> None:
    exceptions = rescue.child_by_field_name("exceptions")
    variable = rescue.child_by_field_name("variable")
    classes: list[str] = []
    if exceptions is not None:
        for exc in exceptions.named_children:
            if exc.type == "splat_argument":
                inner = tr.expr(exc.named_children[0])
                classes.append(f"*{tr.runtime('rescuing')}({inner.code})")
            else:
                classes.append(exception_class(tr, exc, catching=True))
    if not classes:
        spec = "Exception"
    elif len(classes) == 1 and not classes[0].startswith("*"):
        spec = classes[0]
    elif len(classes) == 1:
        spec = classes[0][1:]
    else:
        spec = "(" + ", ".join(classes) + ")"
    line = f"except {spec}"
    if variable is not None:
        name_node = variable.named_children[0]
        name = tr.text(name_node)
        ruby_names = [tr.text(exc) for exc in exceptions.named_children] if exceptions else []
        own = constants.find_class(tr, ruby_names[0]) if len(ruby_names) == 1 else None
        # one exception class of the script: its own readers and methods
        t = T("obj", name=own.path) if own is not None else _rescued_type(classes, ruby_names)
        var = tr.declare(name, t)
        line += f" as {var.py}"
    tr.emit(line + ":", tr.line_of(rescue))
    body = rescue.child_by_field_name("body")
    with tr.indented():
        if body is not None:
            tr.rescue_stack.append("retry" if retries else "")
            try:
                if variable is None:
                    tr.body(list(body.named_children), tail)
                else:  # this clause's exception, whatever other clauses bind to the name
                    with tr.bound_here(var, t):
                        tr.body(list(body.named_children), tail)
            finally:
                tr.rescue_stack.pop()


def _rescued_type(classes: list[str], ruby_names: list[str]) -> T:
    """The type of ``rescue A, B => e`` (*classes* in Python, *ruby_names*
    as written): an SMTP error, a KeyError, a system call error, or any."""
    replies = {"Net.SMTPAuthenticationError", "Net.SMTPServerBusy", "Net.SMTPSyntaxError",
               "Net.SMTPFatalError"}
    smtp = replies | {"Net.SMTPUnknownError", "Net.SMTPUnsupportedCommand", "Net.SMTPError"}
    if classes and all(c in replies for c in classes):
        return T("smtp_error", name="reply")
    if classes and all(c in smtp for c in classes):
        return T("smtp_error")
    if classes == ["KeyError"]:
        return T("error", name="KeyError")
    if ruby_names == ["JSON::ParserError"]:
        return T("error", name="JSON::ParserError")
    if ruby_names and all(n == "SystemCallError" or n.startswith("Errno::") for n in ruby_names):
        return T("error", name="SystemCallError")
    return T("error")


def _raised(tr: Translator, node: Node) -> bool:
    """Whether the class at *node* is what a ``raise`` (or ``fail``) raises."""
    call = node.parent.parent if node.parent is not None else None
    method = call.child_by_field_name("method") if call is not None and \
        call.type == "call" else None
    return node.parent is not None and node.parent.type == "argument_list" and \
        method is not None and tr.text(method) in ("raise", "fail")


def is_errno(name: str) -> bool:
    """Whether ``Errno::name`` is a system error (``EINVAL``...)."""
    return name.isidentifier() and name.startswith("E") and hasattr(errno, name)


def exception_class(tr: Translator, node: Node, catching: bool = False) -> str:
    """The Python class for a Ruby exception class constant. An ``Errno::X``
    that Python has no class for is ``OSError`` raised with its errno, and in
    a rescue clause ``ruby.errno_class('X')``: the class of the exception
    being handled when its errno is X, so that only it is caught."""
    path = tr.text(node).lstrip(":")
    name = path[7:] if path.startswith("Errno::") else ""
    if path in ("IOError", "SystemCallError"):
        # Python's OSError is both, and the Errno errors as well
        function = "io_error_class" if path == "IOError" else "system_call_error_class"
        if catching:
            return f"{tr.runtime(function)}()"
        if not _raised(tr, node):
            return tr.runtime(f"Ruby{path}")
    if path not in EXCEPTIONS and is_errno(name):
        if catching:
            return f"{tr.runtime('errno_class')}({name!r})"
        if _raised(tr, node):
            return "OSError"  # raise Errno::X: with its errno (io.raise)
        return f"{tr.runtime('errno_error')}({name!r})"
    if path in EXCEPTIONS:
        mapped = EXCEPTIONS[path]
        if mapped.startswith("Net."):
            tr.need("net_smtp:Net")
        elif mapped.startswith("socket."):  # a failed host name lookup, as Ruby's SocketError
            tr.need("socket")
        elif mapped.startswith("json."):
            tr.need("json")
        return mapped
    if path.startswith("Net::") and "::" not in path[5:]:
        tr.need("net_smtp:Net")
        return "Net." + path[5:]
    if path in ("OpenSSL::SSL::SSLError",):
        tr.need("ssl")
        return "ssl.SSLError"
    if path in _OPTION_ERRORS:
        return tr.runtime(_OPTION_ERRORS[path])
    if path == "URI::InvalidURIError":
        return tr.runtime("InvalidURIError")
    if path in _PSYCH_ERRORS:
        return tr.runtime(_PSYCH_ERRORS[path])
    user = constants.user_class(tr, path)
    if user is not None:
        return user
    raise tr.fail(node, f"exception class {path} is not known")


# Psych's errors (YAML) -> the runtime's
_PSYCH_ERRORS = {"Psych::Exception": "PsychError", "Psych::SyntaxError": "YAMLSyntaxError",
                 "Psych::DisallowedClass": "DisallowedClass", "Psych::BadAlias": "BadAlias"}

# OptionParser's errors -> the runtime's classes of the same names
_OPTION_ERRORS = {"OptionParser::ParseError": "OptionError", **{
    f"OptionParser::{name}": name for name in (
        "InvalidOption", "MissingArgument", "InvalidArgument", "NeedlessArgument",
        "AmbiguousArgument")}}


def _retry(tr: Translator, node: Node, tail: Tail) -> None:
    if not tr.rescue_stack or tr.rescue_stack[-1] != "retry":
        raise tr.fail(node, "retry outside a rescue clause")
    tr.emit("continue")


def _return(tr: Translator, node: Node, tail: Tail) -> None:
    values = [c for c in node.named_children]
    if tr.scope.kind == "module" and not tr.block_depth and not _in_a_block(node):
        # the script's top level: Ruby stops the script there (its value ignored)
        tr.need("sys")
        tr.emit("sys.exit(0)")
        return
    if tr.scope.kind not in ("def",) or tr.block_depth:
        raise tr.fail(node, "return outside a method")
    if not values:
        tr.emit("return")
        return
    args = values[0].named_children if values[0].type == "argument_list" else values
    if len(args) != 1:
        codes = [tr.expr(a).code for a in args]
        tr.emit(f"return [{', '.join(codes)}]")
        return
    e = tr.expr(args[0])
    tr.learn(f"ret:{tr.scope.key}", e.type)
    tr.emit(f"return {e.code}")


def _in_a_block(node: Node) -> bool:
    """Whether *node* is inside a block or a lambda (where a ``return`` of
    the top level is Ruby's LocalJumpError)."""
    current = node.parent
    while current is not None:
        if current.type in ("block", "do_block", "lambda", "class", "module",
                            "singleton_class"):
            return True
        current = current.parent
    return False


_LOOP_JUMPS = {"break": "break", "next": "continue"}


def _jump_value(tr: Translator, node: Node) -> Expr:
    """The value of ``break value`` / ``next value`` (nil without one)."""
    values = node.named_children
    args = values[0].named_children if values and values[0].type == "argument_list" else values
    if len(args) > 1:
        raise tr.fail(node, f"{node.type} with several values")
    return tr.expr(args[0]) if args else Expr("None", NIL)


def _loop_jump(tr: Translator, node: Node, tail: Tail) -> None:
    """``break`` and ``next`` without a value, inside a loop; ``next value``
    in the loop of a ``map`` block (the value is the item's) and ``break
    value`` in a ``loop`` whose value is used."""
    collects, gives = tr.loop_values[-1] if tr.loop_values else (None, None)
    if node.type == "break" and gives is not None:  # the loop's value, then out
        value = _jump_value(tr, node)
        if gives.kind == "return":
            tr.learn(f"ret:{tr.scope.key}", value.type)
            tr.emit(f"return {value.code}")
            return
        if gives.var_type is not None:
            gives.var_type(value.type)
        tr.emit(f"{gives.target} = {value.code}")
        tr.emit("break")
        return
    if node.type == "next" and collects is not None:
        value = _jump_value(tr, node)
        tr.learn(collects[1], value.type)
        tr.emit(f"{collects[0]}.append({value.code})")
        tr.emit("continue")
        return
    if node.type == "next" and not tr.loop_depth and tr.block_depth:
        # the block written as a function: its value, and out of it
        tr.emit(f"return {_jump_value(tr, node).code}")
        return
    if node.named_children:
        raise tr.fail(node, f"{node.type} with a value")
    if not tr.loop_depth:
        raise tr.fail(node, f"{node.type} outside a loop")
    tr.emit(_LOOP_JUMPS[node.type])


def _parenthesized(tr: Translator, node: Node, tail: Tail) -> None:
    tr.body(list(node.named_children), tail)


def _case_match(tr: Translator, node: Node, tail: Tail) -> None:
    from .patterns import case_match  # (patterns builds on this module)

    case_match(tr, node, tail)


def _unsupported(why: str) -> Callable[[Translator, Node, Tail], None]:
    def handler(tr: Translator, node: Node, tail: Tail) -> None:
        raise tr.fail(node, why)
    return handler



_STATEMENTS: dict[str, Callable[[Translator, Node, Tail], None]] = {
    "comment": _comment,
    "heredoc_body": _skip,
    "empty_statement": _skip,
    "uninterpreted": _data_section,
    "assignment": _assignment,
    "operator_assignment": _operator_assignment,
    "if": _if,
    "unless": _unless,
    "if_modifier": _if_modifier,
    "unless_modifier": _unless_modifier,
    "while": _while,
    "until": _until,
    "while_modifier": _while,
    "until_modifier": _until,
    "for": _for,
    "case": _case,
    "case_match": _case_match,
    "begin": _begin,
    "retry": _retry,
    "return": _return,
    "break": _loop_jump,
    "next": _loop_jump,
    "rescue_modifier": _rescue_modifier,
    "parenthesized_statements": _parenthesized,
    "alias": _unsupported("alias is not translated"),
    "undef": _unsupported("undef is not translated"),
    "begin_block": _unsupported("BEGIN blocks are not translated"),
    "end_block": _unsupported("END blocks are not translated"),
    "redo": _unsupported("redo is not translated"),
}
