"""Expressions: literals, variables, operators, conditions and Ruby's
truth (only ``nil`` and ``false`` are false)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..engine import (
    P_ADD,
    P_AND,
    P_ATOM,
    P_BAND,
    P_BOR,
    P_BXOR,
    P_CALL,
    P_CMP,
    P_MUL,
    P_NOT,
    P_OR,
    P_POW,
    P_SHIFT,
    P_TERNARY,
    P_UNARY,
    Expr,
)
from ..scope import Scope
from ..syntax import Node
from ..types import ANY, BOOL, FLOAT, INT, NEVER, NIL, PENDING, STR, T, join
from . import (
    blocks,
    calls,
    collections,
    constants,
    definitions,
    env,
    io,
    regexps,
    statements,
    stdlib,
    strings,
    times,
)

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["condition", "expression", "truth_of"]


def _integer(tr: Translator, node: Node) -> Expr:
    text = tr.text(node).replace("_", "")
    value = int(text, 0) if not re.fullmatch(r"0\d+", text) else int(text, 8)
    return Expr(str(value) if not text.startswith(("0x", "0b", "0o")) else text, INT)


def expression(tr: Translator, node: Node) -> Expr:
    """Translate the expression *node*."""
    kind = node.type
    if kind == "integer":
        return _integer(tr, node)
    if kind == "float":
        return Expr(tr.text(node).replace("_", ""), FLOAT)
    if kind == "nil":
        return Expr("None", NIL)
    if kind == "true":
        return Expr("True", BOOL)
    if kind == "false":
        return Expr("False", BOOL)
    if kind == "string":
        return strings.string_expr(tr, node)
    if kind == "chained_string":
        return strings.chained_string(tr, node)
    if kind == "heredoc_beginning":
        return strings.heredoc_expr(tr, node)
    if kind in ("string_array", "symbol_array"):
        return strings.word_array(tr, node)
    if kind in ("simple_symbol", "delimited_symbol"):
        inner = Expr(tr.string(tr.text(node)[1:]), T("str", nl="no")) \
            if kind == "simple_symbol" else strings.string_expr(tr, node)
        if "symbols:real" in tr.learned:
            # the script shows values that may be Symbols: each one it
            # writes is a ruby.Symbol, which inspect shows as :name
            tr.learn("symbols:real", NIL)
            return Expr(f"{tr.runtime('Symbol')}({inner.code})", strings.REAL_SYMBOL, P_CALL)
        return Expr(inner.code, T("str", nl="no", symbol=True), inner.prec)
    if kind == "hash_key_symbol":
        return Expr(tr.string(tr.text(node)), T("str", nl="no", symbol=True))
    if kind == "regex":
        return regexps.regex_value(tr, node)
    if kind == "array":
        return collections.array_literal(tr, node)
    if kind == "hash":
        return collections.hash_literal(tr, node)
    if kind == "identifier":
        return _identifier(tr, node)
    if kind in ("constant", "scope_resolution"):
        return constants.constant(tr, node)
    if kind == "instance_variable":
        return definitions.ivar(tr, node)
    if kind == "class_variable":
        return definitions.cvar(tr, node)
    if kind == "global_variable":
        return io.global_variable(tr, node)
    if kind == "self":
        return definitions.self_expr(tr, node)
    if kind == "call":
        return calls.call_expr(tr, node)
    if kind == "element_reference":
        return collections.element_reference(tr, node)
    if kind == "binary":
        return _binary(tr, node)
    if kind == "unary":
        return _unary(tr, node)
    if kind == "conditional":
        test = node.child_by_field_name("condition")
        c = condition(tr, test)
        # x ? (x not nil here) : (nor here, after x.nil? ? ... :)
        with tr.narrowed_within(statements.present_locals(tr, test, True)):
            a = raised_as_value(tr, tr.expr(node.child_by_field_name("consequence")))
        with tr.narrowed_within(statements.present_locals(tr, test, False)):
            b = raised_as_value(tr, tr.expr(node.child_by_field_name("alternative")))
        return Expr(f"{tr.wrap(a, P_OR)} if {c} else {tr.wrap(b, P_TERNARY)}",
                    join(a.type, b.type), P_TERNARY)
    if kind in ("if", "unless"):
        return _if_value(tr, node)
    if kind in ("if_modifier", "unless_modifier"):
        # ``x if cond`` used for its value: x, or nil
        c = condition(tr, node.child_by_field_name("condition"))
        if kind == "unless_modifier":
            c = negate(Expr(c, BOOL, P_OR)).code
        body = tr.expr(node.child_by_field_name("body"))
        return Expr(f"{tr.wrap(body, P_OR)} if {c} else None", body.type.nil(), P_TERNARY)
    if kind == "parenthesized_statements":
        inside = [c for c in node.named_children if c.type != "comment"]
        if len(inside) != 1:
            raise tr.fail(node, "several statements in parentheses")
        e = tr.expr(inside[0])
        return Expr(f"({e.code})", e.type, P_ATOM) if e.prec < P_CALL else e
    if kind == "operator_assignment":
        return collections.or_default(tr, node)
    if kind == "range":
        return collections.range_expr(tr, node)
    if kind == "lambda":
        return blocks.lambda_expr(tr, node)
    if kind == "yield":
        return definitions.yield_expr(tr, node)
    if kind == "super":
        return definitions.super_expr(tr, node)
    if kind == "assignment":
        return statements.assignment_expr(tr, node)
    if kind == "character":
        return Expr(tr.string(tr.text(node)[1:]), STR)
    if kind == "subshell":  # `command`: its output, as Ruby runs it ($? its status)
        command = strings.interpolated(tr, strings.string_parts(tr, node, False))
        return Expr(f"{tr.runtime('backtick')}({command.code})", T("str"), P_CALL)
    if kind == "pair":  # key: value among a call's arguments
        raise tr.fail(node, "keyword arguments (or a Hash without braces) given to a method "
                            "the translator knows without them")
    raise tr.fail(node, f"{kind.replace('_', ' ')} is not translated")


def _identifier(tr: Translator, node: Node) -> Expr:
    name = tr.text(node)
    var = tr.local(name)
    if var is not None:
        return Expr(var.py, var.type, P_ATOM)
    if name == "__FILE__":
        if io.shows_script_name(tr, node):
            raise tr.fail(node, "__FILE__ shown where the port's own name (.py) would differ")
        return Expr("__file__", STR)
    if name == "__dir__":
        tr.need("os")
        return Expr("os.path.dirname(os.path.abspath(__file__))", T("str", nl="no"), P_CALL)
    if name == "__method__":  # the Symbol of the enclosing def's name
        scope: Scope | None = tr.scope
        while scope is not None and scope.kind not in ("def", "module", "class"):
            scope = scope.parent  # (a block's is its method's)
        if scope is None or scope.kind == "module":
            return Expr("None", NIL)  # nil outside any def
        if scope.kind != "def" or scope.method is None:
            raise tr.fail(node, "__method__ in a class body")
        return Expr(tr.string(scope.method.name), T("str", nl="no", symbol=True))
    return calls.call_expr(tr, node)


def truth_of(tr: Translator, e: Expr) -> Expr:
    """A Python boolean that is true when *e* is Ruby-true."""
    t = e.type
    if t.kind == "bool" or (t.kind == "nil" and e.code == "None"):
        return e
    if t.kind == "nil":
        return Expr("False", BOOL)
    if t.always_true or (t.nilable and t.kind not in ("bool", "any", "num")):
        return Expr(f"{tr.wrap(e, P_CMP + 1)} is not None", BOOL, P_CMP)
    return Expr(f"{tr.runtime('truthy')}({e.code})", BOOL, P_CALL)


def condition(tr: Translator, node: Node) -> str:
    """A Python condition for the Ruby condition *node*."""
    return _cond(tr, node).code


def _cond(tr: Translator, node: Node) -> Expr:
    kind = node.type
    if kind == "parenthesized_statements":
        inner = [c for c in node.named_children if c.type != "comment"]
        if len(inner) == 1:
            e = _cond(tr, inner[0])
            return e
    if kind == "unary":
        op = tr.text(node.child_by_field_name("operator"))
        if op in ("!", "not"):
            e = _cond(tr, node.child_by_field_name("operand"))
            return negate(e)
    if kind == "binary":
        op = tr.text(node.child_by_field_name("operator"))
        if op in ("&&", "and", "||", "or"):
            a = _cond(tr, node.child_by_field_name("left"))
            b = _cond(tr, node.child_by_field_name("right"))
            if op in ("&&", "and"):
                return Expr(f"{tr.wrap(a, P_AND)} and {tr.wrap(b, P_AND + 1)}", BOOL, P_AND)
            return Expr(f"{tr.wrap(a, P_OR)} or {tr.wrap(b, P_OR + 1)}", BOOL, P_OR)
    if kind == "assignment":
        e = statements.assignment_expr(tr, node)
        return truth_of(tr, e)
    if kind == "call" and node.child_by_field_name("operator") is not None and \
            tr.text(node.child_by_field_name("operator")) == "&.":
        recv = tr.expr(node.child_by_field_name("receiver"))
        if re.fullmatch(r"[\w.]+", recv.code):
            call = calls.split_call(tr, node)
            present = Expr(recv.code, recv.type.non_nil(), recv.prec)
            call.recv = present
            test = truth_of(tr, calls.dispatch(tr, call, present))
            return Expr(f"{recv.code} is not None and {tr.wrap(test, P_AND + 1)}", BOOL, P_AND)
    return truth_of(tr, tr.expr(node))


def negate(e: Expr) -> Expr:
    """Python for Ruby's ``!e``, written the way a person would (``is None``,
    ``!=``, ``not in``) where the test allows."""
    if e.prec == P_CMP and " is not None" in e.code and e.code.count(" is not ") == 1 \
            and " and " not in e.code and " or " not in e.code:
        return Expr(e.code.replace(" is not None", " is None"), BOOL, P_CMP)
    if e.prec == P_CMP and e.code.count(" == ") == 1 and " and " not in e.code \
            and " or " not in e.code and " if " not in e.code:
        return Expr(e.code.replace(" == ", " != "), BOOL, P_CMP)
    if e.prec == P_CMP and " in " in e.code and " not in " not in e.code \
            and e.code.count(" in ") == 1 and " for " not in e.code:
        return Expr(e.code.replace(" in ", " not in "), BOOL, P_CMP)
    return Expr(f"not {e.code if e.prec >= P_NOT else '(' + e.code + ')'}", BOOL, P_NOT)


_ARITH = {"+": P_ADD, "-": P_ADD, "*": P_MUL, "/": P_MUL, "%": P_MUL, "**": P_POW,
          "<<": P_SHIFT, ">>": P_SHIFT, "&": P_BAND, "|": P_BOR, "^": P_BXOR}
_COMPARE = {"==", "!=", "<", ">", "<=", ">="}


def list_difference(tr: Translator, a: Expr, b: Expr) -> Expr:
    """``a - b`` of two Arrays: a new Array of *a*'s items not in *b*."""
    x = tr.temp("item")
    return Expr(f"[{x} for {x} in {a.code} if {x} not in {tr.wrap(b, P_CMP + 1)}]",
                a.type.non_nil(), P_ATOM)


def list_union(tr: Translator, a: Expr, b: Expr) -> Expr:
    """``a | b`` of two Arrays: a new Array of the items of both, each once,
    in order."""
    return Expr(f"list(dict.fromkeys({tr.wrap(a, P_ADD)} + {tr.wrap(b, P_ADD + 1)}))",
                join(a.type.non_nil(), b.type.non_nil()), P_CALL)


def _binary(tr: Translator, node: Node) -> Expr:
    op = tr.text(node.child_by_field_name("operator"))
    left_node = node.child_by_field_name("left")
    right_node = node.child_by_field_name("right")
    if op in ("&&", "and", "||", "or"):
        return _logical(tr, op, left_node, right_node)
    if op in ("=~", "!~"):
        return regexps.match_operator(tr, node, op, left_node, right_node)
    if op in ("==", "!=") and {tr.text(left_node), tr.text(right_node)} == {"__FILE__", "$0"} or \
            {tr.text(left_node), tr.text(right_node)} == {"__FILE__", "$PROGRAM_NAME"}:
        return Expr(f"__name__ {op} '__main__'", BOOL, P_CMP)
    if op == "<<":
        return collections.shovel(tr, node, right_node)
    a = tr.expr(left_node)
    b = tr.expr(right_node)
    if op in _COMPARE:
        for side in (a, b):
            if side.type.kind == "obj" and op not in ("==", "!=") and not \
                    definitions.compares(tr, tr.classes.get(side.type.name)):
                raise tr.fail(node, f"{op} of objects of the script (Ruby compares them "
                                    f"with their <=>)")
        if "None" in (a.code, b.code) and op in ("==", "!="):
            op = "is" if op == "==" else "is not"
        return Expr(f"{tr.wrap(a, P_CMP + 1)} {op} {tr.wrap(b, P_CMP + 1)}", BOOL, P_CMP)
    if op == "===":
        raise tr.fail(node, "=== is not translated")
    if op == "<=>":  # -1, 0, 1, or nil for values that do not compare
        return Expr(f"{tr.runtime('cmp')}({a.code}, {b.code})", INT.nil(), P_CALL)
    if op not in _ARITH:
        raise tr.fail(node, f"operator {op} is not translated")
    # nil in an operation raises in Ruby (NoMethodError, TypeError) as None
    # does in Python (TypeError): the kinds decide, a possible nil does not.
    ta, tb = a.type.non_nil(), b.type.non_nil()
    prec = _ARITH[op]
    if op in ("|", "&", "-", "+") and ta.kind == "set":
        combined = stdlib.set_operator(tr, node, op, a, b)
        if combined is not None:
            return combined
    if op == "%" and (ta.is_("str") or ta.kind == "any" and tb.kind in ("dict", "list")):
        # (a value % a Hash or an Array: a String, or Ruby raises too)
        return regexps.format_operator(tr, node, a, right_node)
    if op == "+" and ta.is_("str"):
        if not tb.is_("str"):  # Ruby's TypeError for anything else, in the runtime
            return Expr(f"{tr.runtime('plus')}({a.code}, {b.code})", T("str"), P_CALL)
        return Expr(f"{tr.wrap(a, prec)} + {tr.wrap(b, prec + 1)}", T("str", nl=tb.nl), prec)
    if op == "+" and ta.is_("list") and tb.is_("list"):
        return Expr(f"{tr.wrap(a, prec)} + {tr.wrap(b, prec + 1)}", join(ta, tb), prec)
    if op == "-" and ta.is_("list") and tb.is_("list"):
        return list_difference(tr, a, b)
    if op == "*" and ta.is_("str") and tb.is_("int"):
        return Expr(f"{tr.wrap(a, prec)} * {tr.wrap(b, prec + 1)}", T("str", nl=ta.nl), prec)
    if op == "*" and ta.is_("str", "list") and tb.kind in ("num", "float"):
        # an Integer or a Float: Ruby repeats as many times as its integer part
        return Expr(f"{tr.runtime('arith')}({a.code}, {op!r}, {b.code})",
                    replace(ta, site="", nilable=False), P_CALL)
    if op == "*" and ta.is_("list") and tb.is_("int"):
        return Expr(f"{tr.wrap(a, prec)} * {tr.wrap(b, prec + 1)}", replace(ta, site=""), prec)
    if op == "*" and ta.is_("list") and tb.is_("str"):
        return Expr(f"{tr.wrap(b, P_CALL)}.join({a.code})", T("str"), P_CALL)
    if op in ("-", "+") and ta.is_("time", "date"):
        return times.arithmetic(tr, node, op, a, b)
    if op == ">>" and ta.is_("date") and tb.is_("int"):  # months later (<<: see shovel)
        return Expr(f"{tr.runtime('months_later')}({a.code}, {b.code})", T("date"), P_CALL)
    numeric = ("int", "float", "num")
    if ta.is_(*numeric) and tb.is_(*numeric):
        result = FLOAT if "float" in (ta.kind, tb.kind) else INT if ta.kind == tb.kind == "int" \
            else T("num")
        if op == "/" and result == INT:
            return Expr(f"{tr.wrap(a, prec)} // {tr.wrap(b, prec + 1)}", INT, prec)
        if op == "**" and result == INT and b.code.replace(" ", "").startswith(("-", "(-")):
            raise tr.fail(node, "an Integer to a negative power (a Rational in Ruby)")
        if op == "/" and result == FLOAT and not re.fullmatch(r"\d*\.?\d*[1-9]\d*\.?\d*", b.code):
            # Ruby's Float division by zero gives Infinity or NaN, Python's raises
            return Expr(f"{tr.runtime('fdiv')}({a.code}, {b.code})", FLOAT, P_CALL)
        if op in ("/", "%") and result.kind == "num":
            # Integer or Float known only at run time: Ruby's rule then
            return Expr(f"{tr.runtime('arith')}({a.code}, {op!r}, {b.code})", result, P_CALL)
        if op in ("&", "|", "^", "<<", ">>") and result != INT:
            raise tr.fail(node, f"{op} on a Float")
        return Expr(f"{tr.wrap(a, prec)} {op} {tr.wrap(b, prec + (0 if op == '**' else 1))}",
                    result, prec)
    if op in ("&", "|") and ta.is_("bool") and tb.is_("bool"):
        return Expr(f"{tr.wrap(a, prec)} {op} {tr.wrap(b, prec + 1)}", BOOL, prec)
    if op == "&" and ta.is_("list") and tb.is_("list"):
        x = tr.temp("item")
        return Expr(f"list(dict.fromkeys({x} for {x} in {a.code} if {x} in "
                    f"{tr.wrap(b, P_CMP + 1)}))", ta, P_CALL)
    if op == "|" and ta.is_("list") and tb.is_("list"):
        return list_union(tr, a, b)
    if op == "+" and "any" in (ta.kind, tb.kind):
        # a value of parsed JSON: its class decides at run time, as in Ruby
        return Expr(f"{tr.runtime('plus')}({a.code}, {b.code})", arith_type(op, ta, tb), P_CALL)
    if op in ("-", "*", "/", "%") and "any" in (ta.kind, tb.kind):
        return Expr(f"{tr.runtime('arith')}({a.code}, {op!r}, {b.code})",
                    arith_type(op, ta, tb), P_CALL)
    raise tr.fail(node, f"cannot tell the types on both sides of {op}")


def arith_type(op: str, ta: T, tb: T) -> T:
    """What ``ruby.plus`` / ``ruby.arith`` give when one side is known: a
    number beside a number for ``+``, ``-``, ``*`` and ``/`` (a Float for
    ``-`` and ``/`` when either is), a String or an Array beside one for
    ``+``, else anything (and not known yet while a side is not)."""
    if PENDING in (ta, tb):
        return PENDING
    known = tb if ta.kind == "any" else ta
    if op == "+":
        return T("num") if known.is_("int", "float", "num") else \
            replace(known, site="") if known.is_("str", "list") else ANY
    if op in ("-", "/") and known.is_("int", "float", "num"):
        return FLOAT if known.kind == "float" else T("num")
    if op == "*" and known.is_("str") and known is ta:  # or Ruby raises
        return T("str")
    if op == "*" and known.is_("int", "float", "num"):
        # (a String or an Array times a number repeats: then it raises
        # wherever a number's method is called on it, in both languages)
        return T("num")
    return ANY


def _if_value(tr: Translator, node: Node) -> Expr:
    """``if``/``unless`` (and ``elsif``) used as a value whose branches are
    one expression each: Python's conditional expression (a missing
    branch is nil); marked for branches of several statements."""
    test = node.child_by_field_name("condition")
    c = condition(tr, test)
    holds = node.type != "unless"
    if not holds:
        c = negate(Expr(c, BOOL, P_OR)).code
    values = []
    for part, present in ((node.child_by_field_name("consequence"), holds),
                          (node.child_by_field_name("alternative"), not holds)):
        with tr.narrowed_within(statements.present_locals(tr, test, present)):
            if part is None:
                values.append(Expr("None", NIL))
            elif part.type == "elsif":
                values.append(_if_value(tr, part))
            else:
                inside = [n for n in part.named_children if n.type != "comment"]
                if len(inside) != 1 or blocks.one_expression_node(inside[0]) is None:
                    raise tr.fail(node, f"{node.type} of several statements used as a value")
                values.append(raised_as_value(tr, tr.expr(inside[0])))
    a, b = values
    return Expr(f"{tr.wrap(a, P_OR)} if {c} else {tr.wrap(b, P_TERNARY)}",
                join(a.type, b.type), P_TERNARY)


def raised_as_value(tr: Translator, e: Expr) -> Expr:
    """``x || raise(...)``, ``c ? x : raise(...)``: Python's ``raise`` is a
    statement, so inside an expression it is the runtime's ``fail``."""
    if e.code.startswith("raise ") and e.code[6:].strip():
        return Expr(f"{tr.runtime('fail')}({e.code[6:]})", NEVER, P_CALL)
    return e


def _logical(tr: Translator, op: str, left_node: Node, right_node: Node) -> Expr:
    a = tr.expr(left_node)
    with tr.narrowed_within(statements.present_locals(tr, left_node, op in ("&&", "and"))):
        b = raised_as_value(tr, tr.expr(right_node))
    if a.type.kind == "bool" and b.type.kind == "bool":
        word = "and" if op in ("&&", "and") else "or"
        prec = P_AND if word == "and" else P_OR
        return Expr(f"{tr.wrap(a, prec)} {word} {tr.wrap(b, prec + 1)}", BOOL, prec)
    if op in ("||", "or"):
        special = env.or_default(tr, left_node, a, b)
        if special is not None:
            return special
        if a.type.always_true:
            return a
        first = _first_or(tr, left_node, a, b)
        if first is not None:
            return first
        simple = re.fullmatch(r"[\w.]+(\[[\w'\"]+\]|\.get\(['\"\w]+\))?", a.code)
        value, test_of = _named_once(tr, a, simple is not None)
        t = join(a.type.non_nil(), b.type) if a.type.kind != "nil" else b.type
        if a.type.kind in ("str", "list", "dict", "int", "float", "obj", "smtp", "response",
                           "time") or a.type.kind == "nil":
            test = f"{test_of.code} is not None"
        else:
            test = truth_of(tr, test_of).code
        return _once(tr, a, value, f"{value} if {test} else {tr.wrap(b, P_TERNARY)}", t)
    if a.type.always_true:
        return b
    value, test_of = _named_once(tr, a, re.fullmatch(r"[\w.]+", a.code) is not None)
    # a && b is a only when a is nil or false: nil, unless a may be false
    falsy = a.type if a.type.kind in ("bool", "any") else NIL
    return _once(tr, a, value, f"{tr.wrap(b, P_OR)} if {truth_of(tr, test_of).code} else {value}",
                 join(b.type, falsy))


def _named_once(tr: Translator, a: Expr, simple: bool) -> tuple[str, Expr]:
    """For ``a || b`` / ``a && b``, where *a* is both tested and the value:
    its code and the code to test, the same when *a* is *simple* (a name),
    else a walrus that computes it once (``(value := f())``), or without
    walruses (:attr:`Translator.walrus`) a name :func:`_once` binds."""
    if simple:
        return a.code, a
    name = tr.temp("value")
    if not tr.walrus:
        return name, Expr(name, a.type, P_ATOM)
    return name, Expr(f"({name} := {a.code})", a.type, P_ATOM)


def _once(tr: Translator, a: Expr, name: str, choice: str, t: T) -> Expr:
    """The ternary *choice* of ``a || b`` / ``a && b``; where *name* holds
    *a* without a walrus, a lambda gives it its value."""
    if name == a.code or tr.walrus:
        return Expr(choice, t, P_TERNARY)
    return Expr(f"(lambda {name}: {choice})({a.code})", t, P_CALL)


def _first_or(tr: Translator, left: Node, a: Expr, b: Expr) -> Expr | None:
    """``list.first || d`` -> ``list[0] if list else d`` (items never nil)."""
    if left.type != "call":
        return None
    call = calls.split_call(tr, left)
    if call.name in ("find", "detect") and call.block is not None and not call.args and \
            call.recv_node is not None:
        found = tr.expr(left)
        if found.code.startswith("next(") and found.code.endswith(", None)") and \
                found.type.non_nil().always_true:
            return Expr(f"{found.code[:-len(', None)')]}, {b.code})", join(found.type.non_nil(),
                                                                         b.type), P_CALL)
        return None
    if call.name not in ("first", "last", "shift", "pop") or call.args or call.recv_node is None:
        return None
    recv = tr.expr(call.recv_node)
    elem = recv.type.elem
    if recv.type.kind not in ("list", "argv") or elem is None or not elem.always_true:
        return None
    if not re.fullmatch(r"[\w.]+", recv.code):
        if call.name == "last":
            return None
        return Expr(f"next(iter({recv.code}), {b.code})", join(elem, b.type), P_CALL)
    if call.name in ("shift", "pop"):
        if recv.code.startswith("sys.argv"):
            return None
        taken = f"{recv.code}.pop({'0' if call.name == 'shift' else ''})"
        return Expr(f"{taken} if {recv.code} else {tr.wrap(b, P_TERNARY)}", join(elem, b.type),
                    P_TERNARY)
    index = "0" if call.name == "first" else "-1"
    return Expr(f"{recv.code}[{index}] if {recv.code} else {tr.wrap(b, P_TERNARY)}",
                join(elem, b.type), P_TERNARY)


def _unary(tr: Translator, node: Node) -> Expr:
    op = tr.text(node.child_by_field_name("operator"))
    operand = node.child_by_field_name("operand")
    if op in ("!", "not"):
        return Expr(negate(_cond(tr, operand)).code, BOOL, P_NOT)
    e = tr.expr(operand)
    if op == "-":
        if e.type.kind == "any":  # parsed JSON: a number, or what Ruby's -@ does
            return Expr(f"{tr.runtime('negative')}({e.code})", T("num"), P_CALL)
        if e.type.kind not in ("int", "float", "num"):
            raise tr.fail(node, "unary minus on a value that may not be a number")
        return Expr(f"-{tr.wrap(e, P_UNARY)}", e.type, P_UNARY)
    if op == "+":
        return e
    if op == "defined?":
        raise tr.fail(node, "defined? is not translated")
    if op == "~":
        return Expr(f"~{tr.wrap(e, P_UNARY)}", e.type, P_UNARY)
    raise tr.fail(node, f"unary {op} is not translated")


