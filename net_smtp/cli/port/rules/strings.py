"""Strings: literals, interpolation (-> f-strings), heredocs in every form
(``<<ID``, ``<<-ID``, ``<<~ID``, quoted or not), ``%w[]``, adjacent
literals, and the String methods scripts use."""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Any

from .. import pystr
from ..engine import P_ADD, P_ATOM, P_CALL, P_CMP, P_MUL, Call, Expr, decoded_bytes, unescape
from ..syntax import Node
from ..types import BOOL, FLOAT, INT, NIL, STR, T, list_of
from . import calls, collections, definitions, env, iterators, regexps

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["has_symbols", "heredoc_expr", "inspect_code", "inspected", "interpolated", "str_of",
           "string_expr"]

Part = tuple[bool, str, T]  # (is_code, text_or_code, type)


def _nl_of(parts: list[Part]) -> str:
    for is_code, text, t in reversed(parts):
        if is_code:
            return t.nl if t.kind == "str" else ("no" if t.kind in ("int", "float", "bool", "nil")
                                                 else "?")
        if text:
            return "yes" if text.endswith("\n") else "no"
    return "no"


def shown_as_hash(tr: Translator, t: T) -> None:
    """A ``CSV::Row`` is printed as a CSV line, not as the dict it is here."""
    if t.name == "csv_row" or (t.elem is not None and t.elem.name == "csv_row"):
        raise tr.fail(None, "a CSV row shown as text")


def refuse_range_text(tr: Translator, t: T) -> None:
    """A Range shown as text is marked: Python's ``range(1, 4)`` cannot tell
    whether Ruby wrote ``1..3`` or ``1...4``."""
    if t.kind == "range":
        raise tr.fail(None, "a Range shown as text (Python's range cannot tell 1..3 from 1...4)")


def str_of(tr: Translator, e: Expr) -> Expr:
    """``"#{e}"``: the text Ruby's interpolation gives for *e*."""
    t = e.type
    shown_as_hash(tr, t)
    refuse_range_text(tr, t)
    if t.is_("str"):
        return e
    refuse_json_error_text(tr, t)
    if t.kind == "bytes":
        raise tr.fail(None, "a binary String shown as text (Ruby writes its bytes as they are)")
    if t.is_("int"):
        return Expr(f"str({e.code})", STR.__class__("str", nl="no"), P_CALL)
    if t.kind == "str" and t.nilable:
        return Expr(f"{tr.wrap(e, 3)} or ''", T("str", nl=t.nl), 2)
    if t.is_("bool"):
        return Expr(f"str({e.code}).lower()", T("str", nl="no"), P_CALL)
    if t.is_("date"):  # 2024-03-05, as Ruby's Date#to_s
        return Expr(f"str({e.code})", T("str", nl="no"), P_CALL)
    if t.kind == "nil":
        return Expr("''", T("str", nl="no"))
    if t.is_("float") and e.code.replace(".", "").replace("_", "").isdigit():
        return Expr(f"str({e.code})", T("str", nl="no"), P_CALL)
    if t.kind == "obj" and (definitions.has_to_s(tr, t) or shows_as_struct(tr, t)):
        if t.nilable:  # nil shows as ''
            return Expr(f"{tr.runtime('to_s')}({e.code})", T("str"), P_CALL)
        return Expr(f"str({e.code})", T("str"), P_CALL)
    if t.kind == "obj":
        raise tr.fail(None, "an object shown as text without a to_s of its own "
                            "(Ruby prints #<Class ...>)")
    if t.is_("response", "smtp"):
        return Expr(f"{tr.runtime('to_s')}({e.code})", T("str"), P_CALL)
    if t.is_("smtp_error"):  # the class name, in net-smtp 0.5.1
        return Expr(f"{tr.runtime('to_s')}({e.code})", T("str", nl="no"), P_CALL)
    if t.kind in ("list", "dict") and has_symbols(t):
        raise tr.fail(None, "an Array or Hash holding Symbols shown as text")
    return Expr(f"{tr.runtime('to_s')}({e.code})", T("str", nl="no" if t.kind in (
        "int", "float", "bool", "nil", "num") else "?"), P_CALL)


def refuse_json_error_text(tr: Translator, t: T, node: Node | None = None) -> None:
    """A rescued ``JSON::ParserError`` shown as text is marked: Ruby's parser
    words its errors its own way (``859: unexpected token at ...``)."""
    if t.name == "JSON::ParserError":
        raise tr.fail(node, "the text of a JSON parse error (Ruby's parser words it its own way)")


def shows_as_struct(tr: Translator, t: T) -> bool:
    """Whether *t* is an object of a Struct class that ``ruby.Struct`` shows
    as Ruby does (``#<struct Point x=3>``): no member may hold a Symbol."""
    members = definitions.struct_members(tr, t)
    return members is not None and not any(has_symbols(m) for m in members)


REAL_SYMBOL = T("str", nl="no", symbol=True, name="symbol")
"""A Symbol the translation writes as a ``ruby.Symbol`` (see the rule for
Symbol literals): inspect shows it as Ruby does."""


def has_symbols(t: T) -> bool:
    """Whether *t* is or holds a Symbol that Python shows as text, or may: a
    value of unknown class may be a Symbol (not one of several known kinds,
    nor parsed JSON, whose Symbol keys are ``ruby.Symbol`` at run time, nor
    a Symbol written as a ``ruby.Symbol``)."""
    if t.name in ("json:symbols", "symbol"):
        return False
    if t.symbol or t.kind == "any":
        return t.symbol or t.name not in ("json", "mixed")
    if t.kind == "list" and t.items is not None:
        parts = list(t.items)
    elif t.kind == "dict" and t.fields:
        parts = [v for _, v in t.fields] + ([t.key] if t.key is not None else [])
    else:
        parts = [x for x in (t.elem, t.key) if x is not None]
    return any(has_symbols(x) for x in parts)


def inspected(tr: Translator, e: Expr, node: Node, what: str = "inspect") -> str:
    """The value whose runtime ``inspect`` is Ruby's ``e.inspect``: a Symbol
    made one; marked (*what*: ``inspect`` or ``p``) where the text cannot
    be Ruby's."""
    shown_as_hash(tr, e.type)
    refuse_range_text(tr, e.type)
    if e.type.kind == "obj" and shows_as_struct(tr, e.type):
        return e.code  # ruby.Struct's inspect (nil's for None)
    if e.type.kind == "obj" and definitions.derives_from_smtp(tr, tr.classes.get(e.type.name)):
        return e.code  # Net::SMTP's inspect (#<Sub 127.0.0.1:25 started=false>)
    if e.type.kind == "obj" and definitions.plain_error_class(tr, tr.classes.get(e.type.name)):
        return e.code  # an exception: #<ImportError: text>, as the runtime shows it
    if e.type.kind == "obj":
        raise tr.fail(node, f"{what} of an object of the script (Ruby shows its address)")
    if e.type.kind in ("date", "days") or e.type.name == "datetime":
        raise tr.fail(node, f"{what} of a Date (Ruby shows its Julian day numbers)")
    if e.type.symbol and e.type.kind == "str":
        return f"{tr.runtime('Symbol')}({e.code})"
    if e.type.kind in ("list", "dict", "any") and has_symbols(e.type):
        shape = _symbol_shape(e.type)
        if shape is None:
            # (the next pass writes the script's Symbols as ruby.Symbol)
            tr.learn("symbols:real", NIL)
            raise tr.fail(node, f"{what} of a value that is or holds Symbols")
        return f"{tr.runtime('symbolized')}({e.code}, {shape!r})"
    return e.code


def _symbol_shape(t: T) -> Any:
    """Where the Symbols are in a value of type *t*, for ``ruby.symbolized``
    (see there); None when the type cannot tell (a value of unknown class
    inside)."""
    if not has_symbols(t):
        return ""
    if t.kind == "str":
        return "sym" if t.symbol else ""
    if t.kind in ("int", "float", "num", "bool", "nil", "time"):
        return ""
    if t.kind == "list" and t.items is not None:
        parts = [_symbol_shape(x) for x in t.items]
        return None if None in parts else ("items", tuple(parts))
    if t.kind == "list":
        elem = _symbol_shape(t.elem) if t.elem is not None else ""
        return None if elem is None else ("list", elem)
    if t.kind == "dict":
        key = _symbol_shape(t.key) if t.key is not None else ""
        fields = {}
        for code, v in t.fields or ():
            name = ast.literal_eval(code) if code[:1] in "'\"" else None
            fields[name] = _symbol_shape(v)
        value = _symbol_shape(t.elem) if t.elem is not None else ""
        if key is None or value is None or None in fields or None in fields.values():
            return None
        return ("dict", key, value, tuple(sorted((k, v) for k, v in fields.items() if v)))
    return None


def inspect_code(tr: Translator, e: Expr, node: Node) -> str:
    """Python for Ruby's ``e.inspect`` (what ``p`` prints)."""
    return f"{tr.runtime('inspect')}({inspected(tr, e, node)})"


def _part_code(tr: Translator, node: Node) -> Part:
    inner = [c for c in node.named_children]
    if not inner:
        return (False, "", STR)
    if len(inner) != 1:
        raise tr.fail(node, "several statements inside #{...}")
    e = tr.expr(inner[0])
    s = str_of(tr, e)
    if s.code.startswith("str(") and s.type.kind == "str" and e.type.is_("int", "float") \
            and s.code == f"str({e.code})":
        return (True, e.code, e.type)  # an f-string shows a number as str() does
    return (True, s.code, s.type)


def _text_of_bytes(tr: Translator, text: str) -> str:
    decoded = decoded_bytes(text)
    if decoded is None:
        raise tr.fail(None, "a String with bytes that are not UTF-8 (\\xNN escapes)")
    return decoded


def interpolated(tr: Translator, parts: list[Part], multiline: bool = False) -> Expr:
    """A Python expression joining literal text and interpolated code."""
    nl = _nl_of(parts)
    t = T("str", nl=nl)
    merged: list[Part] = []
    for part in parts:
        if merged and not part[0] and not merged[-1][0]:
            merged[-1] = (False, merged[-1][1] + part[1], STR)
        else:
            merged.append(part)
    merged = [(is_code, text if is_code else _text_of_bytes(tr, text), pt)
              for is_code, text, pt in merged]
    if not any(is_code for is_code, _, _ in merged):
        text = "".join(text for _, text, _ in merged)
        return Expr(pystr.literal(text, prefer_multiline=multiline), t)
    codes = [code for is_code, code, _ in merged if is_code]
    if len(merged) == 1:
        code = codes[0]
        part_t = merged[0][2]
        if part_t.kind == "str" and not part_t.nilable and merged[0][1] == code and \
                part_t.name != "class":  # ("#{e.class}": a String, not the class)
            return Expr(code, t, P_CALL if "(" in code else P_ATOM)
    try:
        return Expr(pystr.fstring([(is_code, text) for is_code, text, _ in merged],
                                  multiline=multiline), t)
    except ValueError:
        pieces = [(pystr.operand(text) if t.kind == "str" else f"str({text})") if is_code
                  else pystr.literal(text) for is_code, text, t in merged if is_code or text]
        return Expr(" + ".join(pieces), t, P_ADD)


def string_parts(tr: Translator, node: Node, raw: bool) -> list[Part]:
    """The literal text and interpolated code of a string-like *node*."""
    parts: list[Part] = []
    for child in node.named_children:
        kind = child.type
        if kind == "string_content":
            text = tr.text(child)
            if raw:
                text = re.sub(r"\\([\\'])", r"\1", text)
            parts.append((False, text, STR))
        elif kind == "escape_sequence":
            parts.append((False, unescape(tr.text(child)), STR))
        elif kind == "interpolation":
            parts.append(_part_code(tr, child))
        elif kind == "line_continuation":
            continue
        else:
            raise tr.fail(child, f"unexpected {kind} in a string")
    return parts


def string_expr(tr: Translator, node: Node) -> Expr:
    """A Ruby string literal (any quoting) as Python."""
    opening = tr.text(node)[:3]
    raw = opening.startswith("'") or opening.startswith("%q")
    return interpolated(tr, string_parts(tr, node, raw))


def chained_string(tr: Translator, node: Node) -> Expr:
    parts: list[Part] = []
    for child in node.named_children:
        raw = tr.text(child).startswith("'")
        parts += string_parts(tr, child, raw)
    return interpolated(tr, parts)


def heredoc_expr(tr: Translator, node: Node) -> Expr:
    """``<<~ID`` and friends: the body, indentation removed for ``~``."""
    opener = tr.text(node)
    body = tr.heredocs.get(node.start_byte)
    if body is None:
        raise tr.fail(node, "heredoc without a body")
    squiggly = opener.startswith("<<~")
    ident = opener.lstrip("<~-")
    raw = ident.startswith("'")
    source_lines = tr.source.decode("utf-8", "replace").split("\n")
    end_row = body.end_point[0]
    first_row = body.start_point[0] + 1
    indent = 0
    if squiggly:
        widths = []
        for row in range(first_row, end_row):
            line = source_lines[row] if row < len(source_lines) else ""
            if line.strip(" \t"):
                widths.append(len(line) - len(line.lstrip(" \t")))
        indent = min(widths) if widths else 0
    parts: list[Part] = []
    children = [c for c in body.named_children if c.type != "heredoc_end"]
    at_line_start = False
    for i, child in enumerate(children):
        kind = child.type
        if kind == "heredoc_content":
            text = tr.text(child)
            if i == 0:
                text = text[text.index("\n") + 1:] if "\n" in text else text
                at_line_start = True
            if i == len(children) - 1 and "\n" in text:
                text = text[:text.rindex("\n") + 1]
            elif i == len(children) - 1:
                text = ""
            if raw:
                pieces = [text]
            else:
                pieces = [text]
            out = []
            for j, piece in enumerate(pieces[0].split("\n")):
                if j > 0:
                    out.append("\n")
                    at_line_start = True
                if at_line_start and squiggly:
                    k = 0
                    while k < len(piece) and k < indent and piece[k] in " \t":
                        k += 1
                    piece = piece[k:]
                if piece:
                    at_line_start = False
                out.append(piece)
            text = "".join(out)
            if text.endswith("\n"):
                at_line_start = True
            parts.append((False, text, STR))
        elif kind == "escape_sequence":
            parts.append((False, unescape(tr.text(child)), STR))
            at_line_start = False
        elif kind == "interpolation":
            parts.append(_part_code(tr, child))
            at_line_start = False
        else:
            raise tr.fail(child, f"unexpected {kind} in a heredoc")
    if raw:
        parts = [(False, "".join(p[1] for p in parts), STR)]
    return interpolated(tr, parts, multiline=True)


def _word_escapes(text: str) -> str:
    """A ``%w[]`` word's text as Ruby reads it: a backslash keeps the
    whitespace, backslash or bracket after it in the word; before anything
    else it stays (``%w[a\\ b c\\nd]`` is ``["a b", "c\\nd"]``)."""
    return re.sub(r"\\([\s\\()\[\]{}<>|!/])", r"\1", text)


def word_array(tr: Translator, node: Node) -> Expr:
    """``%w[a b]`` (and ``%i[a b]``) as a list of strings."""
    items = []
    interpolating = tr.text(node)[:2] in ("%W", "%I")
    for child in node.named_children:
        items.append(pystr.literal(_text_of_bytes(tr, "".join(
            unescape(tr.text(c)) if c.type == "escape_sequence" else
            tr.text(c) if interpolating else _word_escapes(tr.text(c))
            for c in child.named_children))))
    word = T("str", nl="no", symbol=node.type == "symbol_array")
    return Expr("[" + ", ".join(items) + "]", T("list", elem=word, site=str(node.start_byte),
                                                 items=(word,) * len(items)))


# ---------------------------------------------------------------- String methods


_BANG = ("upcase!", "downcase!", "capitalize!", "swapcase!", "strip!", "lstrip!", "rstrip!",
         "chomp!", "squeeze!", "gsub!", "sub!", "tr!", "delete!")


def _bang(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``s.strip!`` as a statement on a local: ``s = s.strip()``."""
    if not call.statement or call.recv_node is None or call.recv_node.type != "identifier":
        raise tr.fail(call.node, f"{call.name} changes a String in place")
    name = tr.text(call.recv_node)
    if env.is_aliased(tr, name, call.node):
        raise tr.fail(call.node, f"{call.name} on a String that another variable also holds")
    plain = Call(call.node, call.name[:-1], call.recv_node, call.args, call.block)
    value = _str_method(tr, plain, recv)
    if value is None:
        raise tr.fail(call.node, f"String#{call.name} is not translated")
    var = tr.declare(name, value.type)
    tr.emit(f"{var.py} = {value.code}")
    return calls.DONE


def _str_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    if name in _BANG:
        return _bang(tr, call, recv)
    if name in ("each_line", "each_char"):
        return iterators.iterate(tr, call, recv)
    args = call.args
    r = tr.wrap(recv, P_CALL)
    nl = recv.type.nl
    if call.block is not None and name not in ("each_line", "gsub", "sub"):
        return None
    form = tr.text(args[0]) if len(args) == 1 else ":nfc"
    if name == "unicode_normalize" and len(args) <= 1 and \
            form in (":nfc", ":nfd", ":nfkc", ":nfkd"):
        tr.need("unicodedata")
        return Expr(f"unicodedata.normalize({form[1:].upper()!r}, {recv.code})", T("str", nl=nl),
                    P_CALL)
    if name == "lines" and len(args) == 1 and args[0].type == "pair" and call.block is None and \
            calls.keyword_of(tr, args[0].child_by_field_name("key")) == "chomp":
        chomp = tr.expr(args[0].child_by_field_name("value"))
        return Expr(f"{tr.runtime('lines')}({recv.code}, chomp={tr.truth(chomp).code})",
                    list_of(T("str", nl="no" if chomp.code == "True" else "?")), P_CALL)
    if not args:
        simple = {
            "upcase": ("upper()", nl), "downcase": ("lower()", nl),
            "capitalize": ("capitalize()", nl), "swapcase": ("swapcase()", nl),
            "strip": ("strip()", "no"), "lstrip": ("lstrip()", nl), "rstrip": ("rstrip()", "no"),
            "reverse": ("", "?"), "to_sym": ("", nl), "to_str": ("", nl), "to_s": ("", nl),
            "freeze": ("", nl), "dup": ("", nl), "itself": ("", nl), "b": ("", nl),
            "id2name": ("", nl), "name": ("", nl),
            "force_encoding": None, "encoding": None, "scrub": ("", nl),
        }
        if name in simple and simple[name] is not None:
            suffix, new_nl = simple[name]  # type: ignore[misc]
            if name == "reverse":
                return Expr(f"{r}[::-1]", T("str"), P_CALL)
            if name in ("to_s", "to_str", "id2name", "name") and recv.type.symbol:
                return Expr(recv.code, T("str", nl=nl), recv.prec)
            if name == "to_sym":  # a Symbol: its inspect (and p) shows :name
                return Expr(recv.code, T("str", nl=nl, symbol=True), recv.prec)
            if not suffix:
                return recv
            return Expr(f"{r}.{suffix}", T("str", nl=new_nl), P_CALL)
        if name in ("length", "size"):
            return Expr(f"len({recv.code})", INT, P_CALL)
        if name == "bytesize":
            return Expr(f"len({r}.encode())", INT, P_CALL)
        if name in ("empty?",):
            return Expr(f"len({recv.code}) == 0", BOOL, P_CMP)
        if name == "chomp":
            return Expr(f"{tr.runtime('chomp')}({recv.code})",
                        T("str", nl="no" if nl in ("no", "one") else "?"), P_CALL)
        if name == "chop":
            return Expr(f"{r}[:-1]", T("str"), P_CALL)
        if name == "lines":
            return Expr(f"{tr.runtime('lines')}({recv.code})", list_of(T("str", nl="one")),
                        P_CALL)
        if name == "chars":
            return Expr(f"list({recv.code})", list_of(T("str", nl="?")), P_CALL)
        if name == "split":
            return Expr(f"{r}.split()", list_of(T("str", nl="no")), P_CALL)
        if name in ("to_i", "to_f"):  # the leading number, 0 for none (int() would raise)
            return Expr(f"{tr.runtime(name)}({recv.code})", INT if name == "to_i" else FLOAT,
                        P_CALL)
        if name == "inspect":
            return Expr(inspect_code(tr, recv, call.node), T("str", nl="no"), P_CALL)
        if name == "hex":
            return Expr(f"int({recv.code}, 16)", INT, P_CALL)
        if name == "ascii_only?":
            return Expr(f"{r}.isascii()", BOOL, P_CALL)
        if name == "squeeze":
            return Expr(f"{tr.runtime('squeeze')}({recv.code})", T("str"), P_CALL)
        if name == "bytes":
            return Expr(f"list({r}.encode())", list_of(INT), P_CALL)
        return None
    # (the pairs of gsub(/re/, 'a' => 'b') are the Hash regexps.py reads)
    arg_exprs = [tr.expr(a) for a in args if a.type != "regex" and not (
        a.type == "pair" and name in ("gsub", "sub"))]
    if name in ("start_with?", "end_with?") and len(arg_exprs) == len(args):
        method = "startswith" if name == "start_with?" else "endswith"
        inner = arg_exprs[0].code if len(arg_exprs) == 1 else \
            "(" + ", ".join(a.code for a in arg_exprs) + ")"
        return Expr(f"{r}.{method}({inner})", BOOL, P_CALL)
    if name in ("delete_prefix", "delete_suffix") and len(arg_exprs) == len(args) == 1 and \
            arg_exprs[0].type.is_("str"):
        method = "removeprefix" if name == "delete_prefix" else "removesuffix"
        return Expr(f"{r}.{method}({arg_exprs[0].code})", T("str"), P_CALL)
    if name == "include?" and len(args) == 1 and arg_exprs:
        return Expr(f"{tr.wrap(arg_exprs[0], P_CMP + 1)} in {tr.wrap(recv, P_CMP + 1)}",
                    BOOL, P_CMP)
    if name == "chomp" and len(arg_exprs) == 1:
        return Expr(f"{tr.runtime('chomp')}({recv.code}, {arg_exprs[0].code})", T("str"),
                    P_CALL)
    if name in ("encode", "force_encoding") and len(arg_exprs) == 1 and \
            arg_exprs[0].code.strip("'\"").upper().replace("-", "") == "UTF8":
        return recv  # a Python str is text already
    if name in ("ljust", "rjust", "center") and arg_exprs:
        codes = ", ".join(a.code for a in arg_exprs)
        one_char = len(arg_exprs) == 1 or re.fullmatch(r"'[^'\\]'|\"[^\"\\]\"", arg_exprs[1].code)
        if name != "center" and one_char:
            return Expr(f"{r}.{name}({codes})", T("str"), P_CALL)
        # Python's center puts an odd space on the other side, and neither
        # pads with several characters
        return Expr(f"{tr.runtime(name)}({recv.code}, {codes})", T("str"), P_CALL)
    if name in ("partition", "rpartition") and len(args) == 1 and args[0].type != "regex" and \
            arg_exprs[0].type.is_("str"):
        return Expr(f"list({r}.{name}({arg_exprs[0].code}))", list_of(T("str")), P_CALL)
    if name == "casecmp?" and len(args) == 1 and arg_exprs[0].type.is_("str"):
        return Expr(f"{r}.casefold() == {tr.wrap(arg_exprs[0], P_CALL)}.casefold()", BOOL,
                    P_CMP)
    if name == "rindex" and len(args) == 1 and args[0].type != "regex" and \
            arg_exprs[0].type.is_("str"):
        at = tr.temp("at")
        return Expr(f"{at} if ({at} := {r}.rfind({arg_exprs[0].code})) >= 0 else None",
                    INT.nil(), 1)
    if name == "slice" and len(args) == 2 and all(a.type.is_("int") for a in arg_exprs):
        return collections.part_of(tr, recv, arg_exprs[0], arg_exprs[1])
    if name == "*" and len(arg_exprs) == 1:
        return Expr(f"{tr.wrap(recv, P_MUL)} * {tr.wrap(arg_exprs[0], P_MUL + 1)}",
                    T("str", nl=nl), P_MUL)
    if name in ("split",):
        if args[0].type == "regex":
            pattern = regexps.compiled(tr, args[0])
            limit = "".join(f", {a.code}" for a in arg_exprs)  # (the regexp is not there)
            return Expr(f"{tr.runtime('split')}({recv.code}, {pattern}{limit})",
                        list_of(T("str", nl="?")), P_CALL)
        sep = arg_exprs[0]
        if sep.code in ("' '", '" "') and len(arg_exprs) == 1:
            return Expr(f"{r}.split()", list_of(T("str", nl="no")), P_CALL)
        rest = "".join(f", {a.code}" for a in arg_exprs[1:])
        return Expr(f"{tr.runtime('split')}({recv.code}, {sep.code}{rest})",
                    list_of(T("str", nl="?")), P_CALL)
    if name in ("concat", "prepend") and call.recv_node is not None and arg_exprs:
        return collections.extend_text(tr, call.node, call.recv_node, recv, arg_exprs,
                                       before=name == "prepend")
    if name == "squeeze" and len(arg_exprs) == 1 and arg_exprs[0].type.is_("str"):
        return Expr(f"{tr.runtime('squeeze')}({recv.code}, {arg_exprs[0].code})", T("str"),
                    P_CALL)
    if name in ("gsub", "sub", "tr", "delete", "index", "count", "scan", "match", "match?",
                "=~", "[]", "slice", "%", "each_line", "format"):
        return regexps.string_regex_method(tr, call, recv)
    if name == "+" and arg_exprs:
        return None
    return None


calls.register_kind("str", _str_method)
