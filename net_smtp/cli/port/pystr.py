"""Python string literals: plain, f-strings and triple-quoted ones, with
the quote that needs the fewest escapes (single quotes by default)."""

from __future__ import annotations

__all__ = ["fstring", "literal"]

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def _escape(text: str, quote: str, multiline: bool, braces: bool) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == "\n" and multiline:
            out.append("\n")
        elif char in _ESCAPES:
            out.append(_ESCAPES[char] if char != "\0" else "\\x00")
        elif char == quote and not multiline:
            out.append("\\" + char)
        elif braces and char in "{}":
            out.append(char * 2)
        elif not char.isprintable() and char != "\n":
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def _quote_for(texts: list[str], codes: list[str]) -> str:
    joined = "".join(texts)
    if any("'" in c for c in codes):
        return '"'
    if any('"' in c for c in codes):
        return "'"
    return '"' if "'" in joined and '"' not in joined else "'"


def literal(value: str, prefer_multiline: bool = False) -> str:
    """A Python literal for *value*."""
    if prefer_multiline and "\n" in value.rstrip("\n") and '"""' not in value:
        body = _escape(value, '"', True, False)
        if body.endswith('"'):
            body = body[:-1] + '\\"'
        return '"""\\\n' + body + '"""'
    quote = _quote_for([value], [])
    return quote + _escape(value, quote, False, False) + quote


def fstring(parts: list[tuple[bool, str]], multiline: bool = False) -> str:
    """An f-string from *parts*: ``(False, text)`` literal text and
    ``(True, code)`` Python expressions (without braces).

    Raises:
        ValueError: an expression that cannot sit inside an f-string (a
            backslash, or both kinds of quote before Python 3.12).
    """
    codes = [code for is_code, code in parts if is_code]
    for code in codes:
        if "\\" in code or ("'" in code and '"' in code) or "#" in code:
            raise ValueError(code)
    texts = [text for is_code, text in parts if not is_code]
    joined = "".join(texts)
    if multiline and "\n" in joined.rstrip("\n") and '"""' not in joined and \
            not any('"' in c for c in codes):
        out = []
        for is_code, text in parts:
            out.append("{" + text + "}" if is_code else _escape(text, '"', True, True))
        body = "".join(out)
        if body.endswith('"'):
            body = body[:-1] + '\\"'
        return 'f"""\\\n' + body + '"""'
    quote = _quote_for(texts, codes)
    out = []
    for is_code, text in parts:
        out.append("{" + text + "}" if is_code else _escape(text, quote, False, True))
    return "f" + quote + "".join(out) + quote
