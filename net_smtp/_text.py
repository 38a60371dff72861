"""Pure byte rules of the SMTP conversation: command line validation, debug
redaction and the message encoder (line endings and dot-stuffing) of
``net/protocol.rb``.

Invariant of :class:`MessageEncoder`: a CR that ends a chunk is held back
until the next chunk (or the end) shows whether an LF follows it, so the wire
bytes never depend on how the message was cut into chunks.
"""

from __future__ import annotations

import re

from .errors import ArgumentError

__all__ = ["MessageEncoder", "redact_command", "validate_line"]


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


# Line starts to dot-stuff: a regular expression finds this two-byte
# pattern several times faster than bytes.replace, which calls its search
# once per match.
_LINE_DOT = re.compile(rb"\n\.")


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
            data = _LINE_DOT.sub(b"\n..", data)
        if self._line_start and data[0] == 0x2E:
            data = b"." + data
        self._line_start = data[-1] == 0x0A
        return data

    def finish(self) -> bytes:
        """The bytes that end the message, terminator included."""
        if self._empty or self._held_cr or not self._line_start:
            return b"\r\n.\r\n"  # an empty line, or the end of the last one
        return b".\r\n"
