"""Blocks: their parameters, a one-expression block as a Python
expression (for comprehensions and lambdas), a block body as the body of a
``for`` or ``with`` statement, and a block passed as a ``block=`` function
(with ``nonlocal`` / ``global`` for the locals it assigns)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..engine import NO_TAIL, P_LAMBDA, Expr, Tail, Unsupported
from ..syntax import Node
from ..types import ANY, T

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["block_body", "block_params", "is_statement_block", "lambda_expr", "one_expression",
           "function_for_block"]

# Calls whose block becomes a statement (with / for) rather than a value.
STATEMENT_BLOCKS = frozenset({"start", "open_message_stream", "ready", "each", "each_with_index",
                              "each_pair", "times", "each_line", "upto", "downto", "step",
                              "loop", "open", "each_key", "each_value", "each_with_object",
                              "each_slice", "reverse_each", "each_char", "tap"})


def is_statement_block(tr: Translator, node: Node) -> bool:
    """Whether the call *node* with a block is written as a statement."""
    method = node.child_by_field_name("method")
    return method is not None and tr.text(method) in STATEMENT_BLOCKS


def block_params(tr: Translator, block: Node) -> list[str]:
    """The names of a block's parameters (``|(a, b), i|`` gives ``a b i``
    flattened only by :func:`param_shape`)."""
    params = block.child_by_field_name("parameters")
    if params is None:
        return []
    names = []
    for p in params.named_children:
        if p.type == "identifier":
            names.append(tr.text(p))
        elif p.type == "destructured_parameter":
            names.append("(" + ",".join(tr.text(c) for c in p.named_children) + ")")
        elif p.type in ("splat_parameter", "block_parameter", "hash_splat_parameter",
                        "optional_parameter", "keyword_parameter"):
            raise tr.fail(p, f"a block parameter of kind {p.type.replace('_', ' ')}")
        elif p.type == "block_local_variable":
            continue
        else:
            raise tr.fail(p, "an unusual block parameter")
    return names


def block_statements(block: Node) -> list[Node]:
    body = block.child_by_field_name("body")
    if body is None:
        return []
    return [c for c in body.named_children]


def one_expression(block: Node) -> Node | None:
    """The block's only statement, when it has exactly one expression."""
    stmts = [s for s in block_statements(block) if s.type not in ("comment",)]
    if len(stmts) != 1:
        return None
    stmt = stmts[0]
    if stmt.type in ("if", "unless", "case", "begin", "while", "until", "if_modifier",
                     "unless_modifier", "assignment", "operator_assignment", "return",
                     "break", "next", "rescue_modifier"):
        return None
    if stmt.type == "call" and stmt.child_by_field_name("block") is not None and \
            stmt.child_by_field_name("method") is not None:
        return stmt
    return stmt


@contextmanager
def params_bound(tr: Translator, names: list[str], types: list[T]) -> Iterator[list[str]]:
    """Bind block parameters (flattening ``(a,b)``) with their types; yields
    the Python target for each parameter."""
    flat: list[str] = []
    for n in names:
        flat += n.strip("()").split(",") if n.startswith("(") else [n]
    with tr.block_params(flat) as pys:
        lookup = dict(zip(flat, pys))
        targets = []
        for i, n in enumerate(names):
            t = types[i] if i < len(types) else tr.unknown
            if n.startswith("("):
                inner = n.strip("()").split(",")
                for j, m in enumerate(inner):
                    tr.bind_param(m, (t.elem if t.kind == "list" and t.elem else ANY))
                targets.append("(" + ", ".join(lookup[m] for m in inner) + ")")
            else:
                tr.bind_param(n, t)
                targets.append(lookup[n])
        yield targets


def block_body(tr: Translator, block: Node, tail: Tail = NO_TAIL) -> None:
    """The block's statements as an indented body (loop or with)."""
    with tr.indented():
        tr.body(block_statements(block), tail)


def lambda_expr(tr: Translator, node: Node) -> Expr:
    """``->(x) { expr }`` -> ``lambda x: expr``."""
    params = node.child_by_field_name("parameters")
    names = [tr.text(p) for p in params.named_children] if params is not None else []
    if params is not None and any(p.type != "identifier" for p in params.named_children):
        raise tr.fail(node, "a lambda with unusual parameters")
    body = node.child_by_field_name("body")
    stmts = [c for c in body.child_by_field_name("body").named_children] if \
        body is not None and body.child_by_field_name("body") is not None else []
    if len(stmts) != 1:
        raise tr.fail(node, "a lambda of more than one expression")
    key = str(node.start_byte)
    types = [tr.known(f"lambda:{key}:{i}") or tr.unknown for i in range(len(names))]
    with params_bound(tr, names, types) as pys:
        try:
            value = tr.expr(stmts[0])
        except Unsupported:
            if tr.final:
                raise
            # an earlier pass: the parameter types come from the calls below
            value = Expr("None", ANY)
    return Expr(f"lambda {', '.join(pys)}: {value.code}" if pys else f"lambda: {value.code}",
                T("proc", elem=value.type, name=key), P_LAMBDA)


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


def function_for_block(tr: Translator, block: Node, base: str, types: list[T]) -> str:
    """Write the block as a nested ``def`` before the current statement and
    return its name (for ``block=``)."""
    names = block_params(tr, block)
    name = tr.temp(base)
    outer_vars = {n for n in assigned_names(tr, block) if tr.local(n) is not None}
    with params_bound(tr, names, types) as pys:
        tr.emit(f"def {name}({', '.join(pys)}):")
        tr.block_depth += 1
        try:
            with tr.indented():
                if outer_vars:
                    word = "global" if tr.scope.kind == "module" else "nonlocal"
                    pynames = sorted(tr.local(n).py for n in outer_vars)  # type: ignore[union-attr]
                    tr.emit(f"{word} {', '.join(pynames)}")
                tr.body(block_statements(block), Tail("return"))
        finally:
            tr.block_depth -= 1
    return name
