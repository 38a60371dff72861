"""ERB templates written in the script, compiled to the Ruby they stand
for, so that the translator reads a template as ordinary Ruby.

``ERB.new(TEMPLATE, trim_mode: '-').result(binding)`` runs the template's
code where it is called: it is written as a lambda called there,
``->() { _erbout = +''; _erbout << "text"; _erbout << ((expr)).to_s; ...;
_erbout }.call`` (one line, so every line of the script stays where it
was). ``result_with_hash(name: value)`` gives the template those names
only: ``->(name) { ... }.call(value)``.

Only what the translator can know before the script runs is compiled: a
template that is a literal (a String or a heredoc without interpolation,
directly or in a constant assigned once), in a holder (a local, an
instance variable or a constant) assigned once from ``ERB.new``, with no
trim mode or ``'-'``, whose code tags are one line without comments.
Anything else keeps its ``ERB`` and is marked by the translator.
"""

from __future__ import annotations

import re

from .syntax import Node, heredoc_bodies, parse_fragment, walk

__all__ = ["compile_template", "rewrites"]

# ERB's scanner with trim_mode '-' (Ruby 3.1 erb.rb, ExplicitScanner): a
# "<%-" at the start of a line drops the indentation before it, "-%>"
# followed by a line break drops the line break.
_TRIM_TOKENS = re.compile(r"(.*?)(^[ \t]*<%-|<%-|<%%|<%=|<%#|<%|-%>\n|-%>|%>|\Z)",
                          re.MULTILINE | re.DOTALL)
_PLAIN_TOKENS = re.compile(r"(.*?)(<%%|<%=|<%#|<%|%>|\Z)", re.DOTALL)


def compile_template(text: str, trim_mode: str | None) -> list[str] | None:
    """The Ruby statements that build *text*'s result in ``_erbout``; None
    for a template this module does not compile (another trim mode, a code
    tag over several lines or with a comment, an unclosed tag)."""
    if trim_mode not in (None, "-") or "%%>" in text:
        return None
    scanner = _TRIM_TOKENS if trim_mode == "-" else _PLAIN_TOKENS
    out = ["_erbout = +''"]
    content = ""
    tag: str | None = None
    for match in scanner.finditer(text):
        before, token = match.group(1), match.group(2)
        if tag is None:
            content += before
            if token in ("", "<%%"):
                content += "<%" if token else ""
                if not token:
                    break
                continue
            if token in ("%>", "-%>", "-%>\n"):
                content += token  # (outside a tag it is text)
                continue
            if content:
                out.append(f"_erbout << {_literal(content)}")
            content = ""
            tag = "<%" if token.lstrip(" \t") in ("<%-", "<%") else token
            continue
        if token in ("%>", "-%>", "-%>\n"):
            code = before.strip()
            if "\n" in before or re.search(r"(?:^|\s)#(?!\{)", code):
                return None  # (a comment would end the one line)
            if tag == "<%=":
                out.append(f"_erbout << (({code})).to_s")
            elif tag == "<%" and code:
                out.append(code)
            tag = None
            continue
        return None  # another tag inside a tag, or the end inside one
    if tag is not None:
        return None
    if content:
        out.append(f"_erbout << {_literal(content)}")
    return out


def _literal(text: str) -> str:
    """*text* as a double-quoted Ruby String on one line."""
    escaped = {"\\": "\\\\", '"': '\\"', "#": "\\#", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(escaped.get(c, c if c >= " " and c != "\x7f" else
                                     f"\\x{ord(c):02x}") for c in text) + '"'


# ---------------------------------------------------------------- the script


class _Script:
    """What the rewriting needs to know of the whole script."""

    def __init__(self, root: Node) -> None:
        self.nodes = list(walk(root))
        self.heredocs = heredoc_bodies(root)
        self.assignments: dict[str, list[Node]] = {}
        self.methods = {_text(n.child_by_field_name("name")) for n in self.nodes
                        if n.type in ("method", "singleton_method")}
        for node in self.nodes:
            left = node.child_by_field_name("left") if node.type in (
                "assignment", "operator_assignment") else None
            if left is not None:
                self.assignments.setdefault(_text(left), []).append(node)

    def literal(self, node: Node) -> str | None:
        """The text of a String literal or heredoc without interpolation,
        or of a constant assigned one once; None for anything else."""
        if node.type == "constant":
            found = self.assignments.get(_text(node), [])
            if len(found) != 1 or found[0].type != "assignment":
                return None
            return self.literal(found[0].child_by_field_name("right"))
        if node.type == "string":
            return _string_text(node)
        if node.type == "heredoc_beginning" and node.start_byte in self.heredocs:
            return _heredoc_text(_text(node), self.heredocs[node.start_byte])
        return None

    def removed(self, maker: Node) -> list[tuple[int, int, bytes]]:
        """The edits that write the ``ERB.new`` call *maker* as nil, and
        blank the body of a heredoc it names (its lines stay, empty)."""
        edits = [(maker.start_byte, maker.end_byte, b"nil" + b"\n" * _text(maker).count("\n"))]
        for node in walk(maker):
            body = self.heredocs.get(node.start_byte) if node.type == "heredoc_beginning" \
                else None
            if body is not None:
                edits.append((body.start_byte, body.end_byte,
                              b"\n" * _text(body).count("\n")))
        return edits

    def maker(self, node: Node) -> tuple[str, str | None] | None:
        """The template and trim mode of ``ERB.new(template[, trim_mode:
        x])``; None for another call."""
        receiver = node.child_by_field_name("receiver")
        method = node.child_by_field_name("method")
        args = node.child_by_field_name("arguments")
        if node.type != "call" or receiver is None or _text(receiver) != "ERB" or \
                method is None or _text(method) != "new" or args is None:
            return None
        values = [a for a in args.named_children if a.type != "pair"]
        pairs = [a for a in args.named_children if a.type == "pair"]
        if len(values) != 1 or len(pairs) > 1:
            return None
        trim: str | None = None
        if pairs:
            key, value = pairs[0].child_by_field_name("key"), pairs[0].child_by_field_name("value")
            if _text(key) != "trim_mode" or value.type not in ("string", "nil"):
                return None
            trim = _string_text(value) if value.type == "string" else None
        text = self.literal(values[0])
        return None if text is None else (text, trim)


def _text(node: Node) -> str:
    return bytes(node.text).decode("utf-8") if node.text is not None else ""


def _string_text(node: Node) -> str | None:
    """A String literal's text: single-quoted, or double-quoted without
    interpolation and with only the common escapes (``\\n``, ``\\t``...)."""
    raw = _text(node)
    if raw.startswith("'") and all(c.type == "string_content" for c in node.named_children):
        body = "".join(_text(c) for c in node.named_children)
        return body.replace("\\\\", "\x00").replace("\\'", "'").replace("\x00", "\\")
    if not raw.startswith('"'):
        return None
    parts = []
    for child in node.named_children:
        if child.type == "escape_sequence" and _text(child) in _ESCAPES:
            parts.append(_ESCAPES[_text(child)])
        elif child.type == "string_content" and not re.search(r"#[@$]", _text(child)):
            parts.append(_text(child))
        else:
            return None  # an interpolation, or an escape read otherwise
    return "".join(parts)


_ESCAPES = {"\\n": "\n", "\\t": "\t", "\\\\": "\\", '\\"': '"', "\\#": "#", "\\'": "'",
            "\\r": "\r", "\\e": "\x1b", "\\s": " ", "\\0": "\x00"}


def _heredoc_text(beginning: str, body: Node) -> str | None:
    """The text of a heredoc: ``<<~`` without its common indentation; one
    that interpolates or has escapes (not quoted with ``'``) is None."""
    end = next((c for c in body.named_children if c.type == "heredoc_end"), None)
    if end is None or body.text is None:
        return None
    raw = bytes(body.text)[:end.start_byte - body.start_byte].decode("utf-8")
    text = raw[raw.index("\n") + 1:] if "\n" in raw else ""
    text = text[:text.rfind("\n") + 1]
    quoted = "'" in beginning
    if not quoted and ("\\" in text or re.search(r"#[{@$]", text)):
        return None
    if beginning.startswith("<<~"):
        if "\t" in text:
            return None
        lines = text.split("\n")
        widths = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
        cut = min(widths, default=0)
        text = "\n".join(line[cut:] for line in lines)
    return text


def rewrites(root: Node) -> list[tuple[int, int, bytes]]:
    """The edits that write each compiled template's use as Ruby (the
    ``result`` call as a lambda called there, the ``ERB.new`` of a holder
    whose every use is rewritten as nil)."""
    script = _Script(root)
    edits: list[tuple[int, int, bytes]] = []
    holders: dict[str, list[Node]] = {}
    for node in script.nodes:
        if node.type in ("identifier", "instance_variable", "constant"):
            holders.setdefault(_text(node), []).append(node)
    for name, assigned in script.assignments.items():
        made = script.maker(assigned[0].child_by_field_name("right")) \
            if len(assigned) == 1 and assigned[0].type == "assignment" else None
        if made is None:
            continue
        uses = [n for n in holders.get(name, []) if n != assigned[0].child_by_field_name("left")]
        calls = [_result_call(n.parent) for n in uses]
        codes = [_rendered(script, call, made) if call is not None else None for call in calls]
        if not uses or any(code is None for code in codes):
            continue
        for call, code in zip(calls, codes):
            assert call is not None and code is not None
            edits.append((call.start_byte, call.end_byte, code))
        right = assigned[0].child_by_field_name("right")
        edits += script.removed(right)
    for node in script.nodes:
        call = _result_call(node) if node.type == "call" else None
        made = script.maker(call.child_by_field_name("receiver")) if call is not None else None
        code = _rendered(script, call, made) if call is not None and made is not None else None
        if call is not None and code is not None:
            edits.append((call.start_byte, call.end_byte, code))
            edits += script.removed(call.child_by_field_name("receiver"))[1:]
    return edits


def _result_call(node: Node | None) -> Node | None:
    """*node* when it is ``x.result(binding)`` or ``x.result_with_hash(...)``."""
    if node is None or node.type != "call":
        return None
    method = node.child_by_field_name("method")
    name = _text(method) if method is not None else ""
    args = node.child_by_field_name("arguments")
    if name == "result" and args is not None and _text(args) == "(binding)":
        return node
    if name == "result_with_hash" and args is not None:
        return node
    return None


def _rendered(script: _Script, call: Node, made: tuple[str, str | None]) -> bytes | None:
    """The lambda that renders *made* where *call* (its ``result``) was."""
    statements = compile_template(*made)
    if statements is None:
        return None
    body = "; ".join(statements + ["_erbout"])
    method = _text(call.child_by_field_name("method"))
    if method == "result":
        if "\n" in _text(call):
            return None
        return f"->() {{ {body} }}.call".encode()
    args = call.child_by_field_name("arguments")
    given = list(args.named_children) if args is not None else []
    if len(given) == 1 and given[0].type not in ("pair", "hash_splat_argument",
                                                 "block_argument", "splat_argument"):
        names = _free_names(statements)
        if names is None or script.methods & set(names) or "_erb_values" in names:
            return None  # (a name the template reads may be a method of the script)
        simple = given[0].type in ("identifier", "instance_variable", "constant")
        if not simple and "\n" in _text(call):
            return None
        holder = _text(given[0]) if simple else "_erb_values"
        values = [f"ERB.__erb_local({holder}, :{name})" for name in names]
        rendered = f"->({', '.join(names)}) {{ {body} }}.call({', '.join(values)})"
        if not simple:  # the Hash computed once, then its entries
            rendered = f"->(_erb_values) {{ {rendered} }}.call({_text(given[0])})"
        return rendered.encode()
    names = []
    values = []
    for pair in given:
        key = pair.child_by_field_name("key") if pair.type == "pair" else None
        if key is None or key.type != "hash_key_symbol" or _text(key) == "_erbout":
            return None
        names.append(_text(key))
        values.append(_text(pair.child_by_field_name("value")))
    breaks = _text(call).count("\n") - sum(v.count("\n") for v in values)
    return (f"->({', '.join(names)}) {{ {body} }}.call({', '.join(values)}" + "\n" * breaks +
            ")").encode()


_BINDERS = ("block_parameters", "lambda_parameters", "method_parameters", "exception_variable")


def _free_names(statements: list[str]) -> list[str] | None:
    """The names the template's code reads without binding them itself,
    in the order they first come: the locals ``result_with_hash`` must give
    it. None when the code does not parse on its own."""
    root = parse_fragment("\n".join(statements))
    if root is None:
        return None
    bound = {"_erbout"}
    read: list[str] = []
    for node in sorted(walk(root), key=lambda n: n.start_byte):
        if node.type != "identifier":
            continue
        parent = node.parent
        owner = parent
        while owner is not None and owner.type not in _BINDERS and \
                owner.type not in ("assignment", "operator_assignment", "for"):
            owner = owner.parent if owner.type in (
                "left_assignment_list", "destructured_left_assignment", "destructured_parameter",
                "optional_parameter", "splat_parameter", "keyword_parameter", "rest_assignment",
                "in") else None
        if owner is not None and (owner.type in _BINDERS or node.start_byte < (
                owner.child_by_field_name("left") or owner.child_by_field_name("pattern")
                or node).end_byte):
            bound.add(_text(node))
        elif parent is not None and parent.type == "call" and \
                parent.child_by_field_name("method") == node:
            continue
        elif _text(node) not in bound and _text(node) not in read:
            read.append(_text(node))
    return read
