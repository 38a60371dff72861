"""Deterministic test messages for the benchmark, and their wire form.

Every message mixes LF, CRLF and lone-CR line endings, has lines that start
with a dot (including lines that are just ``.``) and ~70-character lines, so
each client has to do the full DATA transformation.

:func:`wire_body` is the benchmark's own statement of Ruby's rules
(net-protocol 0.2.2 ``write_message``): a line ends at CRLF, LF or a lone CR
and is sent with CRLF; a line starting with ``.`` gets one more; an
unterminated last line gets CRLF; an empty message is one empty line; then
``.`` CRLF. It is written independently of ``net_smtp`` so the wire check is
not circular; the Ruby client, when it runs, is checked against it too.

Files the ``prepare_*`` functions write into the data directory:

* ``NAME.txt`` / ``NAME.len`` - messages as the clients get them (ASCII,
  concatenated; ``.len`` has one byte length per line);
* ``NAME.wire`` / ``NAME.wire.len`` - the same, pre-encoded for the raw client
  (each ends with the ``.`` CRLF terminator);
* ``block.txt`` / ``block.wire`` - a 1 MiB block; the in-memory large message
  is ``block * n`` (one allocation), its wire form ``block.wire * n + ".\\r\\n"``;
* ``file-N.txt`` / ``file-N.wire`` - an N MiB message file and its wire form.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "MIB",
    "BLOCK_SIZE",
    "TERMINATOR",
    "WireDigest",
    "wire_body",
    "wire_message",
    "digest",
    "make_message",
    "make_block",
    "write_messages",
    "prepare_messages",
    "prepare_block",
    "prepare_file",
    "repeated_digest",
]

MIB = 1024 * 1024
BLOCK_SIZE = MIB
TERMINATOR = b".\r\n"

_LINE_BREAK = re.compile(rb"\r\n|\n|\r")
_LEADING_DOT = re.compile(rb"(?m)^\.")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class WireDigest:
    """What the sink reports for one message body: its size on the wire and
    its SHA-1, from the first byte after the 354 reply through the
    ``.`` CRLF terminator."""

    size: int
    sha1: str


def wire_body(message: bytes) -> bytes:
    """The DATA body of *message* by Ruby's rules, without the terminator."""
    if not message:
        return b"\r\n"
    body = _LINE_BREAK.sub(b"\r\n", message)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return _LEADING_DOT.sub(b"..", body)


def wire_message(message: bytes) -> bytes:
    """The complete DATA body of *message*, terminator included."""
    return wire_body(message) + TERMINATOR


def digest(parts: Iterable[bytes]) -> WireDigest:
    """Size and SHA-1 of the concatenation of *parts*."""
    sha = hashlib.sha1()
    size = 0
    for part in parts:
        sha.update(part)
        size += len(part)
    return WireDigest(size, sha.hexdigest())


def _word_pool() -> list[str]:
    """A fixed vocabulary of random lower-case words."""
    rng = random.Random(3)
    return ["".join(rng.choices(_LETTERS, k=rng.randint(1, 10))) for _ in range(4096)]


_WORDS = _word_pool()


def _text_line(rng: random.Random, width: int) -> str:
    """Words cut to *width* characters (never empty, no trailing space)."""
    return " ".join(rng.choices(_WORDS, k=width // 4))[:width].rstrip() or "x"


def _line(rng: random.Random) -> str:
    """One line without ending: text, or (rarely) a dot line or an empty one."""
    roll = rng.random()
    if roll < 0.02:
        return "."
    if roll < 0.03:
        return ".."
    if roll < 0.08:
        return "." + _text_line(rng, rng.randint(20, 70))
    if roll < 0.12:
        return ""
    return _text_line(rng, rng.randint(60, 78))


def _ending(rng: random.Random) -> str:
    """LF, CRLF or (5%) a lone CR."""
    roll = rng.random()
    if roll < 0.55:
        return "\n"
    if roll < 0.95:
        return "\r\n"
    return "\r"


def _lines(rng: random.Random) -> Iterator[str]:
    """Endless lines with their endings; a lone CR is never followed by LF."""
    previous = ""
    while True:
        line = _line(rng)
        ending = _ending(rng)
        if previous == "\r" and not line:
            line = "x"
        previous = ending
        yield line + ending


def make_message(index: int, size: int, seed: int = 1) -> str:
    """Message number *index*: a few header lines and a body, cut to exactly
    *size* characters (so the last line may be unterminated or end in CR)."""
    rng = random.Random(seed * 1_000_003 + index)
    head = (f"From: Bench Sender <sender@example.com>\r\nTo: rcpt@example.com\n"
            f"Subject: benchmark message {index}\r\n"
            f"Message-ID: <{index}.{seed}@bench.example>\n\n")
    parts = [head]
    length = len(head)
    lines = _lines(rng)
    while length < size:
        line = next(lines)
        parts.append(line)
        length += len(line)
    return "".join(parts)[:size]


def make_block(size: int = BLOCK_SIZE, seed: int = 7) -> str:
    """A *size*-character block of lines that ends with LF, so any number of
    copies joined together is a sequence of whole lines. Its 64 KiB
    boundaries alternately split a CRLF pair and precede a leading-dot line,
    the spots where a chunked encoder can go wrong."""
    rng = random.Random(seed)
    segment = 64 * 1024
    parts: list[str] = []
    previous_tail = "\n"
    for start in range(0, size, segment):
        end = min(size, start + segment)
        if end == size:
            tail = "\n"
        else:
            tail = "\r" if (start // segment) % 2 == 0 else "\n"
        parts.append(_segment(rng, end - start, previous_tail, tail))
        previous_tail = tail
    return "".join(parts)


def _segment(rng: random.Random, size: int, after: str, tail: str) -> str:
    """*size* characters of lines that end exactly in *tail*. After a CR it
    starts with the LF that completes the pair, else with a dot line."""
    head = "\n" if after == "\r" else "." + _text_line(rng, 40) + "\n"
    parts = [head]
    length = len(head)
    lines = _lines(rng)
    while True:
        line = next(lines)
        if length + len(line) + 2 > size:
            break
        parts.append(line)
        length += len(line)
    parts.append("y" * (size - length - len(tail)) + tail)
    return "".join(parts)


def write_messages(directory: str, name: str, messages: Sequence[str]) -> list[WireDigest]:
    """Write *messages* and their wire forms; returns their wire digests."""
    raw = [m.encode("ascii") for m in messages]
    wires = [wire_message(m) for m in raw]
    _write(os.path.join(directory, name + ".txt"), raw)
    _write(os.path.join(directory, name + ".wire"), wires)
    return [digest([w]) for w in wires]


def _write(path: str, chunks: Sequence[bytes]) -> None:
    """Write *chunks* back to back, and their lengths to the ``.len`` file."""
    with open(path, "wb") as out:
        out.write(b"".join(chunks))
    with open(path.rsplit(".", 1)[0] + (".wire.len" if path.endswith(".wire") else ".len"),
              "w", encoding="ascii") as lens:
        lens.write("".join(f"{len(c)}\n" for c in chunks))


def prepare_messages(directory: str, name: str, count: int, size: int) -> list[WireDigest]:
    """*count* messages of *size* characters for workload *name*."""
    seed = 11 if name == "small" else 23
    return write_messages(directory, name, [make_message(i, size, seed) for i in range(count)])


def prepare_block(directory: str) -> tuple[str, bytes]:
    """Write ``block.txt`` and ``block.wire`` (the block's wire form without
    terminator); returns the block and its wire form."""
    block = make_block()
    raw = block.encode("ascii")
    wire = wire_body(raw)
    with open(os.path.join(directory, "block.txt"), "wb") as out:
        out.write(raw)
    with open(os.path.join(directory, "block.wire"), "wb") as out:
        out.write(wire)
    return block, wire


def repeated_digest(block_wire: bytes, copies: int) -> WireDigest:
    """Digest of the wire form of ``block * copies`` (terminator included)."""
    return digest([*([block_wire] * copies), TERMINATOR])


def prepare_file(directory: str, mib: int, block: str, block_wire: bytes) -> WireDigest:
    """Write ``file-MIB.txt`` (*mib* MiB: the block repeated) and its wire
    form ``file-MIB.wire``; returns the wire digest."""
    copies = mib * MIB // len(block)
    raw = block.encode("ascii")
    with open(os.path.join(directory, f"file-{mib}.txt"), "wb") as out:
        for _ in range(copies):
            out.write(raw)
    with open(os.path.join(directory, f"file-{mib}.wire"), "wb") as out:
        for _ in range(copies):
            out.write(block_wire)
        out.write(TERMINATOR)
    return repeated_digest(block_wire, copies)
