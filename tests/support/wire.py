"""Test-side helpers for DATA bodies as they travel on the wire."""

from __future__ import annotations

from collections.abc import Iterable

from net_smtp._text import MessageEncoder

__all__ = ["encode_message", "unstuff_message"]


def encode_message(chunks: Iterable[bytes]) -> bytes:
    """The whole DATA body the encoder makes of *chunks*, terminator included."""
    encoder = MessageEncoder()
    out = [encoder.feed(chunk) for chunk in chunks]
    out.append(encoder.finish())
    return b"".join(out)


def unstuff_message(wire: bytes) -> bytes:
    """The message a DATA body carries: the inverse of
    ``encode_message`` (dots unstuffed, terminator dropped)."""
    if not wire.endswith(b".\r\n"):
        raise ValueError("no end-of-data marker")
    lines = wire[:-3].split(b"\r\n")
    if lines[-1] != b"":
        raise ValueError("message does not end with CRLF")
    body = [line[1:] if line.startswith(b".") else line for line in lines[:-1]]
    return b"".join(line + b"\r\n" for line in body)
