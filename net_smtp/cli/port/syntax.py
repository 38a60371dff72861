"""Loading tree-sitter's Ruby grammar and parsing a script with it; the
only module of the translator that imports tree-sitter.

A script that does not parse is reported with the line and column of its
first error and the offending line, as :class:`RubySyntaxError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["INSTALL_HINT", "MissingParser", "Node", "RubySyntaxError", "parse", "parse_fragment",
           "unparenthesized"]

INSTALL_HINT = "pip install 'net-smtp[port]'  (tree-sitter>=0.23 and tree-sitter-ruby>=0.23.1)"

# tree-sitter's Node; Any so that the rest of the package type-checks
# without tree-sitter installed.
Node = Any


class MissingParser(Exception):
    """tree-sitter or its Ruby grammar is not installed."""


class RubySyntaxError(Exception):
    """The script is not valid Ruby: where, and the line itself."""

    def __init__(self, line: int, column: int, text: str, what: str) -> None:
        super().__init__(f"{line}:{column}: {what}")
        self.line = line
        self.column = column
        self.text = text
        self.what = what


def _parser() -> Any:
    try:
        import tree_sitter
        import tree_sitter_ruby
    except ImportError as exc:
        raise MissingParser(f"net-smtp port needs tree-sitter and its Ruby grammar "
                            f"({exc.name} is missing): {INSTALL_HINT}") from None
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_ruby.language()))


def _first_error(node: Node) -> Node | None:
    if node.type == "ERROR" or node.is_missing:
        return node
    if not node.has_error:
        return None
    for child in node.children:
        found = _first_error(child)
        if found is not None:
            return found
    return node


def parse(source: bytes) -> tuple[Node, bytes]:
    """The root node of *source*'s syntax tree, and the source it spans:
    *source* itself, or with the names of Ruby 3.1's shorthand pairs written
    out.

    Raises:
        MissingParser: tree-sitter or tree-sitter-ruby is not installed.
        RubySyntaxError: *source* is not valid Ruby.
    """
    tree = _parser().parse(source)
    root = tree.root_node
    error = _first_error(root)
    if error is not None:
        row, column = error.start_point
        lines = source.decode("utf-8", "replace").splitlines()
        text = lines[row] if row < len(lines) else ""
        if error.is_missing:
            what = f"syntax error: missing {error.type!r}"
        else:
            snippet = error.text.decode("utf-8", "replace").strip().splitlines()
            what = f"syntax error near {snippet[0][:40]!r}" if snippet else "syntax error"
        raise RubySyntaxError(row + 1, column + 1, text, what)
    from . import erb  # (it reads the syntax tree this module makes)

    edits = sorted(_rewrites(root) + erb.rewrites(root), reverse=True)
    if not edits:
        return root, source
    rewritten = bytearray(source)
    for start, end, text in edits:
        rewritten[start:end] = text
    return _parser().parse(bytes(rewritten)).root_node, bytes(rewritten)


def parse_fragment(source: str) -> Node | None:
    """The syntax tree of a piece of Ruby the translator wrote itself (an
    ERB template's code), as it is; None when it does not parse."""
    root = _parser().parse(source.encode("utf-8")).root_node
    return None if root.has_error else root


def unparenthesized(node: Node | None) -> Node | None:
    """*node* without the parentheses around it (``((x))`` is ``x``)."""
    while node is not None and node.type == "parenthesized_statements" and \
            len(node.named_children) == 1:
        node = node.named_children[0]
    return node


def walk(node: Node) -> Iterator[Node]:
    """*node* and every named node inside it."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.named_children)


def heredoc_bodies(root: Node) -> dict[int, Node]:
    """Each heredoc's body by where its beginning (``<<~EOT``) starts: the
    bodies follow their lines in the order the beginnings come."""
    found = list(walk(root))
    beginnings = sorted((n for n in found if n.type == "heredoc_beginning"),
                        key=lambda n: n.start_byte)
    bodies = sorted((n for n in found if n.type == "heredoc_body"), key=lambda n: n.start_byte)
    return {begin.start_byte: body for begin, body in zip(beginnings, bodies)}


def _rewrites(node: Node) -> list[tuple[int, int, bytes]]:
    """Where *node*'s source is written in a longer, equivalent form that
    the translator reads (each a byte range and its new text), every line
    kept where it was:

    - Ruby 3.1's ``f(user:)`` and ``{user:}``: the name written out
      (``user: user``);
    - ``Name = Class.new(Base)``: ``class Name < Base; end``.

    (ERB templates are written out by :mod:`.erb`.)
    """
    found: list[tuple[int, int, bytes]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "pair" and current.child_by_field_name("value") is None:
            key = current.child_by_field_name("key")
            found.append((current.end_byte, current.end_byte, b" " + key.text.rstrip(b":")))
        elif current.type == "assignment":
            made = _class_new(current)
            if made is not None:
                found.append((current.start_byte, current.end_byte, made))
                continue
        stack.extend(current.children)
    return found


def _class_new(node: Node) -> bytes | None:
    """``Name = Class.new`` or ``Name = Class.new(Base)`` (a statement on
    one line, no block) written as the class statement it is equivalent to;
    None for anything else."""
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None or left.type != "constant" or right.type != "call" or \
            node.parent is None or node.parent.type not in ("program", "body_statement") or \
            node.start_point[0] != node.end_point[0]:
        return None
    receiver, method = right.child_by_field_name("receiver"), right.child_by_field_name("method")
    args = right.child_by_field_name("arguments")
    if receiver is None or receiver.text != b"Class" or method is None or \
            method.text != b"new" or right.child_by_field_name("block") is not None:
        return None
    bases = args.named_children if args is not None else []
    if len(bases) > 1 or bases and bases[0].type not in ("constant", "scope_resolution"):
        return None
    base = b" < " + bytes(bases[0].text) if bases else b""
    return b"class " + bytes(left.text) + base + b"; end"


