"""Ruby's semantics, in one place: what the port needs of Ruby's core
(truth, ``||``, ``Array#flatten``, ``Array()``, ``to_s``, ``join``,
``split(' ')``, ``String#dump``, ``unpack1('m')``, ``sprintf``'s rounding of
``%.Nf``) and of Ruby's method
lookup (``started?`` beside ``is_started``; ``SMTP.start`` and
``SMTP#start``, one name for two methods).

Everything here is pure and private to the package.
"""

from __future__ import annotations

import math
import re
import types
from collections.abc import Mapping

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any, Callable

__all__ = [
    "ClassOrInstance",
    "Throw",
    "add_predicate_aliases",
    "array",
    "decode_base64",
    "dump",
    "fixed",
    "flatten",
    "join",
    "or_",
    "printf_args",
    "split",
    "to_s",
    "truthy",
]


class Throw(BaseException):
    """Ruby's ``throw`` (and ``Timeout.timeout``, which throws) in a ported
    script: a non-local exit, not an exception. No rescue clause sees it,
    and a session's error rule does not count it, as in Ruby."""


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


# dtoa's tables and bound: Ruby's sprintf first rounds in floating point
# when the result has at most _QUICK_MAX digits.
_TENS = tuple(10.0 ** n for n in range(23))
_BIGTENS = (1e16, 1e32, 1e64, 1e128, 1e256)
_QUICK_MAX = 14


def _quick_tie(value: float, precision: int) -> bool:
    """Whether Ruby's ``%.{precision}f`` of *value* meets the case its dtoa
    settles by the last digit alone: the floating-point estimate of what is
    left after the last digit lies within its error bound of one half. Ruby
    then rounds that digit half to even (``1234.565`` -> ``1234.56``, though
    the double is slightly above), where C and Python round by the exact
    value. The steps and their order are dtoa's (mode 3), so that every
    floating-point operation rounds as Ruby's does."""
    x = abs(value)
    if not math.isfinite(x) or x < 2.2250738585072014e-308:  # zero, subnormal
        return False
    mantissa, exponent = math.frexp(x)
    estimate = (mantissa * 2 - 1.5) * 0.289529654602168 + 0.1760912590558 + \
        (exponent - 1) * 0.301029995663981
    k = math.floor(estimate)
    k_check = True
    if 0 <= k <= 22:
        k_check = False
        if x < _TENS[k]:
            k -= 1
    ilim = precision + k + 1
    if not 0 < ilim <= _QUICK_MAX:
        return False
    d, ieps, i = x, 2, 0
    if k > 0:
        ds, j = _TENS[k & 0xF], k >> 4
        if j & 0x10:
            j &= 0xF
            d /= _BIGTENS[4]
            ieps += 1
        while j:
            if j & 1:
                ieps += 1
                ds *= _BIGTENS[i]
            j, i = j >> 1, i + 1
        d /= ds
    elif k < 0:
        d *= _TENS[-k & 0xF]
        j = -k >> 4
        while j:
            if j & 1:
                ieps += 1
                d *= _BIGTENS[i]
            j, i = j >> 1, i + 1
    if k_check and d < 1.0:
        if ilim == 1:
            return False
        ilim -= 1
        d *= 10.0
        ieps += 1
    eps = math.ldexp(ieps * d + 7.0, -52) * _TENS[ilim - 1]
    for i in range(1, ilim + 1):
        d -= int(d)
        if not d:
            return False  # exact: nothing left to round
        if i == ilim:
            return 0.5 - eps <= d <= 0.5 + eps
        d *= 10.0
    return False


def fixed(value: float, precision: int) -> float:
    """*value* as Ruby's ``%.{precision}f`` rounds it, for Python's ``%``
    to write: *value* itself, or in dtoa's tie case (see
    :func:`_quick_tie`) the double nearest to the Ruby-rounded number,
    which Python writes with those digits."""
    if not _quick_tie(value, precision):
        return value
    from decimal import ROUND_DOWN, Decimal  # loaded on first use

    digits = int(Decimal(abs(value)).scaleb(precision).to_integral_value(ROUND_DOWN))
    if digits % 2:
        digits += 1
    return math.copysign(float(Decimal(digits).scaleb(-precision)), value)


_PRINTF_DIRECTIVE = re.compile(r"%(?:%|([-+ 0#]*)(\*|\d+)?(\.(?:\*|\d*))?([a-zA-Z]))")


def printf_args(template: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """*args* for Python's ``template % args``, each float of an ``f``
    directive rounded as Ruby's ``sprintf`` rounds it (:func:`fixed`)."""
    if not any(type(arg) is float for arg in args):
        return args
    out = list(args)
    position = 0
    for _, width, precision, kind in _PRINTF_DIRECTIVE.findall(template):
        if not kind:  # %%
            continue
        position += (width == "*") + (precision == ".*")
        if kind in "fF" and position < len(out) and type(out[position]) is float:
            places = out[position - 1] if precision == ".*" else \
                int(precision[1:] or 0) if precision else 6
            if type(places) is int and places >= 0:
                out[position] = fixed(out[position], places)
        position += 1
    return tuple(out)
