"""Byte rules of the SMTP conversation: command line validation, debug
redaction, the message encoder (line endings and dot-stuffing) of
``net/protocol.rb``, and the message sources it encodes (str, bytes, files,
iterables), read in bounded chunks.

Invariant of :class:`MessageEncoder`: a CR that ends a chunk is held back
until the next chunk (or the end) shows whether an LF follows it, so the wire
bytes never depend on how the message was cut into chunks.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Iterator

from .errors import ArgumentError

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ._types import MessageSource

__all__ = ["SOURCE_CHUNK", "MessageEncoder", "as_bytes", "encode_lines", "encode_lines_py",
           "message_chunks", "redact_command", "source_class_name", "validate_line"]


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
# once per match, and faster than ``in`` (it returns the bytes as they are
# when there is none, so no test comes first).
_LINE_DOT = re.compile(rb"\n\.")
_CRLF = re.compile(rb"\r\n")


def encode_lines_py(data: bytes, line_start: bool) -> bytes:
    """*data* in the DATA wire form: every line ending (CRLF, LF or a lone CR)
    as CRLF, and one more ``.`` before a line that starts with one;
    *line_start* says whether ``data[0]`` begins a line.

    The rules in Python; ``_speedups.encode_lines``, when it was built, does
    the same in one pass in C and is used instead (:data:`encode_lines`).
    """
    if b"\r" in data:
        # Every ending to LF first: CRLF pairs, then the CRs left, which are
        # lone. A regular expression splits at the pair faster than
        # bytes.split or bytes.replace, and much faster than splitting into lines.
        data = b"\n".join(_CRLF.split(data))
        if b"\r" in data:
            data = data.replace(b"\r", b"\n")
    data = _LINE_DOT.sub(b"\n..", data).replace(b"\n", b"\r\n")
    if line_start and data[:1] == b".":
        data = b"." + data
    return data


try:
    from ._speedups import encode_lines
except ImportError:  # built without a C compiler: the same rules, in Python
    encode_lines = encode_lines_py


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
        data = encode_lines(data, self._line_start)
        self._line_start = data[-1] == 0x0A
        return data

    def finish(self) -> bytes:
        """The bytes that end the message, terminator included."""
        if self._empty or self._held_cr or not self._line_start:
            return b"\r\n.\r\n"  # an empty line, or the end of the last one
        return b".\r\n"


# How much of a source is encoded at a time (characters for str). Each
# chunk's buffers stay below glibc's first mmap threshold (128 KiB), so they
# come from the heap: at 128 KiB every file read and encoded chunk could be
# a fresh mapping whose pages the kernel zeroes, a third slower, depending
# on what the process freed before.
SOURCE_CHUNK = 64 * 1024


def source_class_name(src: Any) -> str:
    """The Ruby class Ruby would name in ``writing message from ...``."""
    if isinstance(src, (str, bytes, bytearray, memoryview)):
        return "String"
    if isinstance(src, (list, tuple)):
        return "Array"
    if isinstance(src, (io.StringIO, io.BytesIO)):
        return "StringIO"
    if isinstance(src, io.IOBase) or hasattr(src, "fileno"):
        return "File"
    if isinstance(src, Iterator):
        return "Enumerator"
    return type(src).__name__


def as_bytes(chunk: Any, what: str) -> bytes:
    """*chunk* as bytes (a str as UTF-8).

    Raises:
        ArgumentError: *chunk* is neither str nor bytes-like.
    """
    if isinstance(chunk, str):
        return chunk.encode("utf-8")
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    raise ArgumentError(f"{what} must be str or bytes, not {type(chunk).__name__}")


# Ruby's generic reader (``src.each``) hands its buffer to the line splitter
# only once it holds more than this many characters.
RUBY_GATHER = 1024


def _unsplit_length(parts: list[str | bytes]) -> int | None:
    """How much of the text *parts* Ruby's line splitter leaves in its
    buffer: what follows the last LF, or the last CR that is not the final
    character; ``None`` when the parts hold no line break at all."""
    after = 0
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        cr_end = len(part) - 1 if index == len(parts) - 1 else len(part)
        if isinstance(part, str):
            last = max(part.rfind("\n"), part.rfind("\r", 0, cr_end))
        else:
            last = max(part.rfind(b"\n"), part.rfind(b"\r", 0, cr_end))
        if last >= 0:
            return after + len(part) - last - 1
        after += len(part)
    return None


def _gathered(chunks: Iterable[Any]) -> Iterator[bytes]:
    """Chunks of an iterable source, joined as Ruby's reader gathers them, so
    that a source failing midway leaves the same complete lines on the wire."""
    texts: list[str | bytes] = []  # as given: Ruby counts str in characters
    raws: list[bytes] = []
    unsplit = 0
    for chunk in chunks:
        raw = as_bytes(chunk, "each message chunk")
        texts.append(chunk if isinstance(chunk, str) else raw)
        raws.append(raw)
        unsplit += len(texts[-1])
        if unsplit > RUBY_GATHER:
            tail = _unsplit_length(texts)
            unsplit = unsplit if tail is None else tail
            yield b"".join(raws)
            texts.clear()
            raws.clear()
    if raws:
        yield b"".join(raws)


def message_chunks(src: MessageSource) -> Iterable[bytes]:
    """The bytes of a message source, in bounded chunks, never read whole.

    Raises:
        ArgumentError: *src* (or one of its chunks) is of an unsupported type
            (when the chunks are read).
    """
    whole = whole_message(src)
    return _chunks(src) if whole is None else (whole,)


def whole_message(src: MessageSource) -> bytes | None:
    """The bytes of a str or bytes message that is one chunk (the common
    case: it can be encoded and sent at once); None for any other source.

    Raises:
        UnicodeEncodeError: a str that UTF-8 cannot encode (a lone surrogate).
    """
    if type(src) is str and 0 < len(src) <= SOURCE_CHUNK:
        return src.encode("utf-8")
    if type(src) is bytes and 0 < len(src) <= SOURCE_CHUNK:
        return src
    return None


# glibc gives freed memory at the top of its heap back to the system once
# 128 KiB are free there, so the chunk buffers of a large message, which come
# and go, can be faulted in afresh every time: a third more time for a large
# message, or not, depending on what the process freed before. Freeing one
# block larger than glibc's mmap threshold raises that threshold and the
# trim threshold for the process (glibc's own dynamic rule), and from then
# on the chunk buffers are reused. Elsewhere it is one allocation, once.
_SETTLING_BLOCK = 1024 * 1024


@functools.cache
def _settle_allocator() -> None:
    """Before the first message of several chunks (once): see ``_SETTLING_BLOCK``."""
    block = bytes(_SETTLING_BLOCK)  # calloc: mapped, never touched, then freed
    del block


def _chunks(src: MessageSource) -> Iterator[bytes]:
    """:func:`message_chunks` of any source, read one chunk at a time."""
    _settle_allocator()
    if isinstance(src, str):
        for start in range(0, len(src), SOURCE_CHUNK):
            yield src[start:start + SOURCE_CHUNK].encode("utf-8")
    elif isinstance(src, (bytes, bytearray, memoryview)):
        view = memoryview(src).cast("B")
        for start in range(0, len(view), SOURCE_CHUNK):
            yield bytes(view[start:start + SOURCE_CHUNK])
    elif callable(read := getattr(src, "read", None)):
        while True:
            chunk = read(SOURCE_CHUNK)
            if not chunk:
                return
            yield as_bytes(chunk, "data read from the message file")
    elif isinstance(src, Iterable):
        yield from _gathered(src)
    else:
        raise ArgumentError(
            "message must be str, bytes, a file object or an iterable of chunks, "
            f"not {type(src).__name__}")
