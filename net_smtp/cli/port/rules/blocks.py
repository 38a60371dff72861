"""Blocks: their parameters, a one-expression block as a Python
expression (for comprehensions and lambdas), a block body as the body of a
``for`` or ``with`` statement, and a block passed as a ``block=`` function
(with ``nonlocal`` / ``global`` for the locals it assigns)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable

from ..declarations import main_ivars, script_globals
from ..engine import NO_TAIL, P_LAMBDA, Expr, Tail, Unsupported
from ..syntax import Node, walk
from ..types import ANY, T

if TYPE_CHECKING:
    from ..engine import Translator
    from ..scope import Scope

__all__ = ["block_body", "block_params", "contains", "fallback", "function_for_block",
           "hoistable", "is_statement_block", "lambda_expr", "one_expression", "proc_value"]

# Calls whose block becomes a statement (with / for) rather than a value.
STATEMENT_BLOCKS = frozenset({"start", "open_message_stream", "ready", "each", "each_with_index",
                              "each_pair", "times", "each_line", "upto", "downto", "step",
                              "loop", "open", "each_key", "each_value", "each_with_object",
                              "each_slice", "reverse_each", "each_char", "tap", "catch",
                              "timeout"})


def is_statement_block(tr: Translator, node: Node) -> bool:
    """Whether the call *node* with a block is written as a statement."""
    method = node.child_by_field_name("method")
    return method is not None and tr.text(method) in STATEMENT_BLOCKS


def block_params(tr: Translator, block: Node, splat_ok: bool = False) -> list[str]:
    """The names of a block's parameters (``|(a, b), i|`` gives ``a b i``
    flattened only by :func:`param_shape`); with *splat_ok*, ``|a, *rest|``
    gives ``a *rest`` (``*`` alone for an anonymous one)."""
    params = block.child_by_field_name("parameters")
    if params is None:
        count = _numbered(tr, block)  # _1, _2: as many parameters as the highest
        return [f"_{i}" for i in range(1, count + 1)]
    names = []
    for p in params.named_children:
        if p.type == "identifier":
            names.append(tr.text(p))
        elif p.type == "destructured_parameter":
            names.append("(" + ",".join(tr.text(c) for c in p.named_children) + ")")
        elif p.type == "splat_parameter" and splat_ok:
            name = p.child_by_field_name("name")
            names.append("*" + (tr.text(name) if name is not None else ""))
        elif p.type in ("splat_parameter", "block_parameter", "hash_splat_parameter",
                        "optional_parameter", "keyword_parameter"):
            raise tr.fail(p, f"a block parameter of kind {p.type.replace('_', ' ')}")
        elif p.type == "block_local_variable":
            continue
        else:
            raise tr.fail(p, "an unusual block parameter")
    return names


def _numbered(tr: Translator, node: Node) -> int:
    """The highest numbered parameter (``_1``..``_9``) a block's own body
    uses; 0 for none."""
    highest = 0
    for child in node.named_children:
        if child.type == "identifier" and re.fullmatch(r"_[1-9]", tr.text(child)):
            highest = max(highest, int(tr.text(child)[1]))
        elif child.type not in ("block", "do_block", "lambda"):
            highest = max(highest, _numbered(tr, child))
    return highest


_SCOPES = ("method", "singleton_method", "class", "module", "lambda")
_LOOPS = ("while", "until", "for", "while_modifier", "until_modifier", "block", "do_block")


def contains(node: Node, kinds: tuple[str, ...]) -> bool:
    """Whether *node* holds a node of *kinds* (``break``, ``retry``...) that
    belongs to it: not inside a nested scope, loop or block."""
    for child in node.named_children:
        if child.type in kinds:
            return True
        if child.type not in _SCOPES + _LOOPS and contains(child, kinds):
            return True
    return False


def block_statements(block: Node) -> list[Node]:
    body = block.child_by_field_name("body")
    if body is None:
        return []
    return [c for c in body.named_children]


def one_expression_node(node: Node) -> Node | None:
    """*node* when it is an expression (not a statement such as a ``return``)."""
    if node.type in ("return", "break", "next", "assignment", "operator_assignment", "redo",
                     "retry") or (node.type == "call" and node.child_by_field_name(
                         "receiver") is None and node.child_by_field_name("method") is not None
                                  and node.child_by_field_name("method").text in (
                                      b"raise", b"fail", b"exit", b"abort", b"throw")):
        return None
    return node


def one_expression(block: Node) -> Node | None:
    """The block's only statement, when it has exactly one expression."""
    stmts = [s for s in block_statements(block) if s.type not in ("comment",)]
    if len(stmts) != 1:
        return None
    stmt = stmts[0]
    if stmt.type in ("if", "unless", "case", "case_match", "begin", "while", "until",
                     "assignment", "operator_assignment", "return", "break", "next",
                     "rescue_modifier"):
        return None
    if stmt.type in ("if_modifier", "unless_modifier") and \
            one_expression_node(stmt.child_by_field_name("body")) is None:
        return None
    if stmt.type == "call" and stmt.child_by_field_name("block") is not None and \
            stmt.child_by_field_name("method") is not None:
        return stmt
    return stmt


@contextmanager
def params_bound(tr: Translator, names: list[str], types: list[T],
                 codes: dict[str, str] | None = None) -> Iterator[list[str]]:
    """Bind block parameters (flattening ``(a,b)``) with their types; yields
    the Python target for each parameter (see ``Translator.block_params``
    for *codes*)."""
    flat: list[str] = []
    for n in names:
        flat += n.strip("()").split(",") if n.startswith("(") else [n]
    with tr.block_params(flat, codes) as pys:
        lookup = dict(zip(flat, pys))
        targets = []
        for i, n in enumerate(names):
            t = types[i] if i < len(types) else tr.unknown
            if n.startswith("("):
                inner = n.strip("()").split(",")
                for j, m in enumerate(inner):
                    parts = t.items if t.kind == "list" and t.items is not None and \
                        len(t.items) == len(inner) else None
                    tr.bind_param(m, parts[j] if parts else (
                        t.elem if t.kind == "list" and t.elem else ANY))
                targets.append("(" + ", ".join(lookup[m] for m in inner) + ")")
            else:
                tr.bind_param(n, t)
                targets.append(lookup[n])
        yield targets


# Keys that may be written twice (once for the lookup, once for the block's
# parameter) without running anything twice.
PLAIN_KEYS = ("string", "simple_symbol", "integer", "identifier", "constant",
               "instance_variable")


def fallback(tr: Translator, block: Node, key_node: Node, key: Expr, key_type: T,
             what: str, tail: Tail | None = None) -> Expr | None:
    """The block of a ``fetch(key) { |k| ... }``, which runs only when the key
    is missing, its parameter standing for the key: as an expression, or
    (with *tail*) as statements ending in *tail*, returning None.

    Raises:
        Unsupported: a block of several statements where an expression is
            needed, more than one parameter, or a key that is not plain.
    """
    names = block_params(tr, block)
    if len(names) > 1 or (names and names[0].startswith("(")):
        raise tr.fail(block, f"{what} with a block of several parameters")
    if names and (key_node.type not in PLAIN_KEYS or "(" in key.code):
        raise tr.fail(block, f"{what} with a block parameter for a key that is computed")
    with params_bound(tr, names, [key_type], {names[0]: key.code} if names else None):
        if tail is not None:
            block_body(tr, block, tail)
            return None
        expr_node = one_expression(block)
        if expr_node is None:
            raise tr.fail(block, f"{what} with a block of several statements")
        from .expressions import raised_as_value  # (expressions builds on this module)

        return raised_as_value(tr, tr.expr(expr_node))  # { raise ... }: ruby.fail


def block_body(tr: Translator, block: Node, tail: Tail = NO_TAIL) -> None:
    """The block's statements as an indented body (loop or with)."""
    with tr.indented():
        block_code(tr, block, tail)


def block_code(tr: Translator, block: Node, tail: Tail = NO_TAIL) -> None:
    """The block's statements at the current level; a ``do ... rescue ...
    ensure ... end`` block's clauses as a ``try``."""
    children = block_statements(block)
    if any(c.type in ("rescue", "else", "ensure") for c in children):
        from .statements import protected  # statements uses this module

        protected(tr, block, children, tail)
    else:
        tr.body(children, tail)


def lambda_expr(tr: Translator, node: Node) -> Expr:
    """``->(x) { ... }``: see :func:`proc_value`."""
    params = node.child_by_field_name("parameters")
    if params is not None and any(p.type != "identifier" for p in params.named_children):
        raise tr.fail(node, "a lambda with unusual parameters")
    names = [tr.text(p) for p in params.named_children] if params is not None else []
    return proc_value(tr, node, names, node.child_by_field_name("body"))


def proc_value(tr: Translator, node: Node, names: list[str], block: Node) -> Expr:
    """A lambda or proc whose block takes *names*: ``lambda x: expr`` for
    one expression; a ``def`` written before the statement for a body of
    statements (named after the local it is assigned to). Its parameter
    types come from the calls (``lambda:KEY:N``), its value's from the body."""
    key = str(node.start_byte)
    types = [tr.known(f"lambda:{key}:{i}") or tr.unknown for i in range(len(names))]
    expr_node = one_expression(block)
    if expr_node is None and block_statements(block):
        statement = tr.stmt_node
        if statement is None or not definable(tr, node):
            raise tr.fail(node, "a lambda of several statements inside an expression")
        proc = T("proc", elem=tr.known(f"lambda:{key}:value") or tr.unknown, name=key,
                 items=tuple(types))
        left = statement.child_by_field_name("left") if statement.type == "assignment" and \
            statement.child_by_field_name("right") == node else None
        name = tr.declare(tr.text(left), proc).py if left is not None and \
            left.type == "identifier" else None
        return tr.hoist(block, lambda: Expr(function_for_block(
            tr, block, "proc", types, lambda t: tr.learn(f"lambda:{key}:value", t), names,
            name), proc))
    with params_bound(tr, names, types) as pys:
        try:
            value = tr.expr(expr_node) if expr_node is not None else Expr("None", T("nil"))
        except Unsupported:
            if tr.final:
                raise
            # an earlier pass: the parameter types come from the calls below
            value = Expr("None", ANY)
    return Expr(f"lambda {', '.join(pys)}: {value.code}" if pys else f"lambda: {value.code}",
                T("proc", elem=value.type, name=key, items=tuple(types)), P_LAMBDA)


def _names_only(target: Node) -> bool:
    """An assignment target of names alone (``x`` or ``a, b``)."""
    if target.type == "left_assignment_list":
        return all(c.type in _NAMES for c in target.named_children)
    return target.type in _NAMES


def _plain_receiver(tr: Translator, node: Node | None) -> bool:
    """No receiver, or one whose evaluation does nothing (a local, a
    constant, self): an argument computed before it changes nothing."""
    if node is not None and node.type == "identifier":
        return tr.local(tr.text(node)) is not None  # (not a method called without parentheses)
    return node is None or node.type in ("constant", "self")


def hoistable(tr: Translator, node: Node) -> bool:
    """Whether statements computing *node* may be written before the
    statement it is in: nothing of the statement runs before it and it runs
    exactly once, unconditionally (the right side of an assignment to a
    name, the receiver at the head of such a value, the only argument of a
    method called without a receiver or on a plain name), and no variable
    of an enclosing expression is in sight."""
    statement = tr.stmt_node
    current = node
    while statement is not None and current != statement:
        parent = current.parent
        if parent is None:
            return False
        kind = parent.type
        if kind == "call" and parent.child_by_field_name("receiver") == current:
            pass
        elif kind in ("assignment", "operator_assignment") and \
                parent.child_by_field_name("right") == current and \
                _names_only(parent.child_by_field_name("left")) and not (
                    kind == "operator_assignment" and
                    tr.text(parent.child_by_field_name("operator")) in ("||=", "&&=")):
            pass
        elif kind == "argument_list" and len(parent.named_children) == 1 and \
                parent.parent is not None and parent.parent.type == "call" and \
                _plain_receiver(tr, parent.parent.child_by_field_name("receiver")):
            parent = parent.parent
        elif kind == "parenthesized_statements" and len(parent.named_children) == 1:
            pass
        else:
            return False
        current = parent
    return statement is not None


def definable(tr: Translator, node: Node) -> bool:
    """Whether a ``def`` for the block or lambda at *node* may be written
    before the statement it is in. Defining a function runs nothing, so
    only the names it reads matter: none may be a parameter of a block or
    lambda around it inside the statement (those exist only there)."""
    statement = tr.stmt_node
    around: set[str] = set()
    current = node.parent
    while current is not None and current != statement:
        if current.type in ("block", "do_block", "lambda"):
            params = current.child_by_field_name("parameters")
            if params is not None:
                around |= identifiers(params)
        current = current.parent
    return current is not None and not (around & identifiers(node))


def identifiers(node: Node) -> set[str]:
    """The names of the locals (and receiver-less calls) *node* holds."""
    return {n.text.decode() for n in walk(node) if n.type == "identifier"}


_NAMES = ("identifier", "instance_variable", "class_variable", "constant")


def assigned_names(tr: Translator, node: Node) -> set[str]:
    """Locals a block assigns (for ``nonlocal``)."""
    out: set[str] = set()
    for child in node.named_children:
        if child.type in ("assignment", "operator_assignment"):
            left = child.child_by_field_name("left")
            if left is not None and left.type == "identifier":
                out.add(tr.text(left))
            if left is not None and left.type == "left_assignment_list":
                out.update(tr.text(c) for c in left.named_children if c.type == "identifier")
        if child.type in ("method", "singleton_method", "class", "module", "lambda"):
            continue
        out |= assigned_names(tr, child)
    return out


def _outside_classes(tr: Translator) -> bool:
    """Whether the code being translated is main's: in no class or module."""
    scope: Scope | None = tr.scope
    while scope is not None:
        if scope.cls is not None:
            return False
        scope = scope.parent
    return True


def function_for_block(tr: Translator, block: Node, base: str, types: list[T],
                       returns: Callable[[T], None] | None = None,
                       names: list[str] | None = None, name: str | None = None) -> str:
    """Write the block as a nested ``def`` before the current statement and
    return its name (for ``block=``): *name*, or a fresh one from *base*.
    *names* are its parameters (default: the block's own); *returns* learns
    its value's type."""
    names = block_params(tr, block) if names is None else names
    name = name or tr.temp(base)
    outer_vars = {n for n in assigned_names(tr, block) if tr.local(n) is not None}
    with params_bound(tr, names, types) as pys:
        tr.emit(f"def {name}({', '.join(pys)}):")
        tr.block_depth += 1
        # (a loop around the block is not the function's: next returns from it)
        saved_loops, tr.loop_depth, tr.loop_values = (tr.loop_depth, tr.loop_values), 0, []
        try:
            with tr.indented():
                shared = (main_ivars(tr, block) if _outside_classes(tr) else []) + \
                    script_globals(tr, block, assigned=True)
                if shared:  # main's instance variables and $globals: the script's globals
                    tr.emit(f"global {', '.join(shared)}")
                if outer_vars:
                    word = "global" if tr.scope.kind == "module" else "nonlocal"
                    pynames = sorted(tr.local(n).py for n in outer_vars)  # type: ignore[union-attr]
                    tr.emit(f"{word} {', '.join(pynames)}")
                tr.body(block_statements(block), Tail("return", var_type=returns))
        finally:
            tr.block_depth -= 1
            tr.loop_depth, tr.loop_values = saved_loops
    return name
