"""Ruby's semantics, in one place: what the port needs of Ruby's core
(truth, ``||``, ``Array#flatten``, ``Array()``, ``to_s``, ``join``,
``split(' ')``, ``String#dump``, ``unpack1('m')``) and of Ruby's method
lookup (``started?`` beside ``is_started``; ``SMTP.start`` and
``SMTP#start``, one name for two methods).

Everything here is pure and private to the package.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any, Callable

__all__ = [
    "ClassOrInstance",
    "add_predicate_aliases",
    "array",
    "decode_base64",
    "dump",
    "flatten",
    "join",
    "or_",
    "split",
    "to_s",
    "truthy",
]


def truthy(value: object) -> bool:
    """Ruby's truth: everything but nil and false ('' and 0 included)."""
    return value is not None and value is not False


def or_(*values: Any) -> Any:
    """Ruby's ``a || b || c``: the first Ruby-true value, else the last."""
    for value in values:
        if value is not None and value is not False:  # truthy(value), inlined: every start
            return value
    return values[-1]


def flatten(items: Any) -> list[Any]:
    """Ruby's ``Array#flatten`` over lists and tuples."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def array(value: Any) -> list[Any]:
    """Ruby's ``Array(value)``: nil is ``[]``, a list stays, a hash gives its
    ``[key, value]`` pairs, anything else is wrapped."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[key, val] for key, val in value.items()]
    return [value]


def to_s(value: Any) -> str:
    """Ruby's ``to_s`` of the values Address parameters take."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "surrogateescape")
    return str(value)


def join(parts: list[Any], separator: str) -> str:
    """Ruby's ``Array#join``, which joins nested arrays recursively."""
    return separator.join(join(list(part), separator) if isinstance(part, (list, tuple))
                          else to_s(part) for part in parts)


_WHITESPACE_TO_SPACE = {ord(c): " " for c in "\t\n\v\f\r"}


def split(text: str) -> list[str]:
    """Ruby's ``str.split(' ')``: split on runs of ASCII white space."""
    if text.isascii() and text.isprintable():  # the common case: a space is the only one
        return text.split()
    return [w for w in text.translate(_WHITESPACE_TO_SPACE).split(" ") if w]


_NAMED_ESCAPES = {
    0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
    0x0C: "\\f", 0x0B: "\\v", 0x08: "\\b", 0x07: "\\a", 0x1B: "\\e",
}
_EVSTR_STARTERS = frozenset("$@{")


def dump(data: str | bytes) -> str:
    """Quote *data* exactly as Ruby's ``String#dump`` does.

    A ``str`` is dumped as a UTF-8 Ruby string (non-ASCII characters become
    ``\\u00E9`` / ``\\u{1F600}``); ``bytes`` as a binary one (``\\xC3``).
    """
    text = isinstance(data, str)
    units: list[int] = [ord(c) for c in data] if isinstance(data, str) else list(data)
    out = ['"']
    last = len(units) - 1
    for i, code in enumerate(units):
        named = _NAMED_ESCAPES.get(code)
        if named is not None:
            out.append(named)
        elif code == 0x23:  # '#' would start an interpolation before $ @ {
            follower = chr(units[i + 1]) if i < last else ""
            out.append("\\#" if follower in _EVSTR_STARTERS else "#")
        elif 0x20 <= code <= 0x7E:
            out.append(chr(code))
        elif code < 0x80 or not text or 0xD800 <= code <= 0xDFFF:
            out.append("\\x%02X" % (code & 0xFF))
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\u{{{code:X}}}")
    out.append('"')
    return "".join(out)


_BASE64_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_NOT_BASE64 = bytes(b for b in range(256) if b not in _BASE64_ALPHABET)


def decode_base64(text: str) -> bytes:
    """Decode base64 the way Ruby's ``unpack1('m')`` does: skip characters
    outside the alphabet, stop at ``=``, ignore an incomplete last group."""
    raw = text.encode("latin-1", "replace").split(b"=", 1)[0]
    raw = raw.translate(None, _NOT_BASE64)
    if len(raw) % 4 == 1:  # a lone sixth of a byte carries nothing
        raw = raw[:-1]
    import binascii  # loaded on first use: only AUTH needs it

    try:
        return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4))
    except binascii.Error:  # pragma: no cover - the alphabet is clean here
        return b""


def add_predicate_aliases(cls: type) -> None:
    """Make ``getattr(obj, 'started?')`` find ``is_started`` (and so on)."""
    for name in dir(cls):
        if name.startswith("is_"):
            setattr(cls, name[3:] + "?", getattr(cls, name))


class ClassOrInstance:
    """A method with one body when called on the class and another on an
    instance, as Ruby's ``SMTP.start`` and ``SMTP#start``. The class that
    holds it declares, for type checkers, a descriptor type whose
    ``__get__`` gives each call signature."""

    def __init__(self, on_class: Callable[..., Any], on_instance: Callable[..., Any]) -> None:
        self._on_class = on_class
        self._on_instance = on_instance
        self.__doc__ = (f"On the class: {on_class.__doc__}\n\n"
                        f"On an instance: {on_instance.__doc__}")

    def __get__(self, obj: object | None, owner: type | None = None) -> types.MethodType:
        if obj is None:
            return types.MethodType(self._on_class, owner)
        return types.MethodType(self._on_instance, obj)
