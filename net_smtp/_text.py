"""Pure byte rules of the SMTP conversation: Ruby's ``String#dump``, command
line validation, debug redaction and the message encoder (line endings and
dot-stuffing) of ``net/protocol.rb``.

Invariant of :class:`MessageEncoder`: a CR that ends a chunk is held back
until the next chunk (or the end) shows whether an LF follows it, so the wire
bytes never depend on how the message was cut into chunks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Union

from .errors import ArgumentError

if TYPE_CHECKING:
    import re

__all__ = [
    "ruby_dump",
    "validate_line",
    "redact_command",
    "MessageEncoder",
    "encode_message",
    "ruby_split",
]

_NAMED_ESCAPES = {
    0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
    0x0C: "\\f", 0x0B: "\\v", 0x08: "\\b", 0x07: "\\a", 0x1B: "\\e",
}
_EVSTR_STARTERS = frozenset("$@{")


def ruby_dump(data: Union[str, bytes]) -> str:
    """Quote *data* exactly as Ruby's ``String#dump`` does.

    A ``str`` is dumped as a UTF-8 Ruby string (non-ASCII characters become
    ``\\u00E9`` / ``\\u{1F600}``); ``bytes`` as a binary one (``\\xC3``).
    """
    text = isinstance(data, str)
    units: List[int] = [ord(c) for c in data] if isinstance(data, str) else list(data)
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
            out.append("\\u%04X" % code)
        else:
            out.append("\\u{%X}" % code)
    out.append('"')
    return "".join(out)


def validate_line(line: str) -> None:
    """Refuse a command line that would smuggle a second command or a NUL.

    Raises:
        ArgumentError: CR or LF (Ruby's message), or NUL, in *line*.
    """
    if "\r" in line or "\n" in line:
        raise ArgumentError("A line must not contain CR or LF")
    if "\0" in line:
        raise ArgumentError("A line must not contain NUL")


REDACTED = "<redacted>"


def redact_command(line: str, answers_challenge: bool) -> str:
    """The debug view of a command line with its secrets hidden.

    ``AUTH MECH initial-response`` keeps the mechanism; a line answering a
    334 challenge is hidden whole.
    """
    if answers_challenge:
        return REDACTED
    words = line.split(" ", 2)
    if words[0].upper() == "AUTH" and len(words) == 3:
        return f"{words[0]} {words[1]} {REDACTED}"
    return line


_WHITESPACE_TO_SPACE = {ord(c): " " for c in "\t\n\v\f\r"}


def ruby_split(text: str) -> list[str]:
    """Ruby's ``str.split(' ')``: split on runs of ASCII white space."""
    return [w for w in text.translate(_WHITESPACE_TO_SPACE).split(" ") if w]


_COMPILED: List["re.Pattern[bytes]"] = []


def _leading_dots() -> "re.Pattern[bytes]":
    """The leading-dot pattern, compiled on first use (a regular expression
    finds the two-byte pattern several times faster than ``bytes.replace``,
    which calls its search once per match)."""
    if not _COMPILED:
        import re

        _COMPILED.append(re.compile(rb"\n\."))
    return _COMPILED[0]


class MessageEncoder:
    """Turns message bytes into the DATA wire form, chunk by chunk.

    Lines may end in LF, CRLF or a lone CR; each is sent as CRLF. A line that
    starts with ``.`` gets one more. :meth:`finish` ends an unterminated last
    line, sends one empty line for an empty message, then ``.`` CRLF.
    """

    __slots__ = ("_held_cr", "_line_start", "_empty")

    def __init__(self) -> None:
        self._held_cr = False
        self._line_start = True
        self._empty = True

    def feed(self, data: bytes) -> bytes:
        """Encode the next chunk; a trailing CR is kept for the next call."""
        if not data:
            return b""
        self._empty = False
        if self._held_cr:
            data = b"\r" + data
            self._held_cr = False
        if data[-1] == 0x0D:
            self._held_cr = True
            data = data[:-1]
            if not data:
                return b""
        if b"\r" in data:
            # bytes.splitlines breaks at exactly CRLF, LF and a lone CR, and
            # joining with CRLF rewrites every ending: faster on mixed line
            # endings than a regular expression substitution and LF -> CRLF.
            lines = data.splitlines()
            if data[-1] in b"\r\n":  # a CR here is a lone one: the held CR follows it
                lines.append(b"")
            data = b"\r\n".join(lines)
        else:
            data = data.replace(b"\n", b"\r\n")
        if b"\n." in data:
            data = _leading_dots().sub(b"\n..", data)
        if self._line_start and data[0] == 0x2E:
            data = b"." + data
        self._line_start = data[-1] == 0x0A
        return data

    def finish(self) -> bytes:
        """The bytes that end the message, terminator included."""
        if self._empty or self._held_cr or not self._line_start:
            return b"\r\n.\r\n"  # an empty line, or the end of the last one
        return b".\r\n"

    @property
    def at_line_start(self) -> bool:
        """Whether everything encoded so far ends with a complete line."""
        return self._line_start and not self._held_cr


def encode_message(chunks: Iterable[bytes]) -> bytes:
    """The whole DATA body for *chunks*, terminator included."""
    encoder = MessageEncoder()
    out = [encoder.feed(chunk) for chunk in chunks]
    out.append(encoder.finish())
    return b"".join(out)
