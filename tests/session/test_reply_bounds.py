"""Bounded replies (issue 7, item 3; beyond Ruby, which has no bound).

A hostile server can send a line that never ends, continuation lines
forever, or a huge reply of long lines. The client must refuse each with
``Net.SMTPUnknownError`` after reading about the limit, not after reading
everything the server offers (checked with a tracemalloc peak while the
server streams tens of MiB), and close the connection. The limits are class
attributes a user may change per subclass or per instance; replies within
them, large EHLO replies included, are untouched.
"""

from __future__ import annotations

import contextlib
import time
import tracemalloc
from collections.abc import Iterator
from typing import Callable

import pytest

from net_smtp import SMTP, Net
from tests.support.faults import SAFETY, ehlo_reply, serve_transactions
from tests.support.scripted import Conn, ScriptedServer

# What a hostile server offers: far more than any limit.
OFFERED = 64 * 1024 * 1024


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A scripted loopback server."""
    with ScriptedServer() as srv:
        yield srv


def _endless(prefix: bytes, chunk: bytes) -> Callable[[Conn], None]:
    """A handler sending *prefix*, then *chunk* over and over (up to
    OFFERED bytes) until the client closes."""
    def handler(conn: Conn) -> None:
        conn.send(prefix)
        sent = 0
        while sent < OFFERED:
            try:
                conn.send(chunk)
            except OSError:
                conn.peer_closed = True
                return
            sent += len(chunk)
    return handler


def _greeting_then(*replies: bytes) -> Callable[[Conn], None]:
    """A handler sending each of *replies* in turn, the first as the
    greeting and each next one after a command, then serving normally."""
    def handler(conn: Conn) -> None:
        conn.send(replies[0])
        for reply in replies[1:]:
            conn.readline()
            conn.send(reply)
        serve_transactions(conn)
    return handler


HOSTILE = {
    "line-never-ends": (b"220 ", b"x" * 65536),
    "continuation-lines-forever": (b"", b"220-more of the same\r\n" * 3000),
    "long-lines-past-total-size": (b"", b"220-" + b"y" * 60000 + b"\r\n"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_greeting_is_refused_with_bounded_memory(server: ScriptedServer, name: str) -> None:
    """SMTPUnknownError, a peak of traced memory far below what the server
    offered (a few times the limit at most), the connection closed."""
    prefix, chunk = HOSTILE[name]
    session = server.expect(_endless(prefix, chunk))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.read_timeout = 20
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        began = time.monotonic()
        with pytest.raises(Net.SMTPUnknownError):
            smtp.start()
        elapsed = time.monotonic() - began
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * Net.SMTP.MAX_REPLY_SIZE, peak
    if name == "line-never-ends":
        assert peak < 4 * Net.SMTP.MAX_REPLY_LINE + 256 * 1024, peak
    assert elapsed < 5
    assert not smtp.is_started()
    assert session.result().peer_closed


def test_hostile_reply_after_start_poisons_and_finish_skips_quit(server: ScriptedServer) -> None:
    """An endless line in answer to RSET: SMTPUnknownError; the session is
    poisoned, so finish() closes the socket without sending QUIT."""
    def handler(conn: Conn) -> None:
        conn.send(b"220 bounds.test\r\n")
        conn.expect(b"EHLO ")
        conn.send(b"250 bounds.test\r\n")
        conn.expect(b"RSET")
        _endless(b"250 ", b"z" * 65536)(conn)

    session = server.expect(handler)
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start()
    with pytest.raises(Net.SMTPUnknownError):
        smtp.rset()
    assert smtp.finish() is None
    conn = session.result()
    assert conn.peer_closed and b"QUIT" not in bytes(conn.received)


def test_limits_are_documented_defaults() -> None:
    """64 KiB per line, 1000 lines, 1 MiB per reply."""
    assert (Net.SMTP.MAX_REPLY_LINE, Net.SMTP.MAX_REPLY_LINES, Net.SMTP.MAX_REPLY_SIZE) == (
        64 * 1024, 1000, 1024 * 1024)


def _start_with_greeting(server: ScriptedServer, greeting: bytes,
                         smtp: SMTP) -> tuple[SMTP, Conn]:
    """Start *smtp* against a server greeting with *greeting*, then finish."""
    session = server.expect(_greeting_then(greeting, ehlo_reply(b"8BITMIME")))
    smtp.start()
    smtp.finish()
    return smtp, session.result()


@pytest.mark.parametrize("ending", [b"\r\n", b"\n"], ids=["CRLF", "LF"])
def test_line_limit_boundary(server: ScriptedServer, ending: bytes) -> None:
    """A line of exactly MAX_REPLY_LINE bytes (line ending not counted) is
    read; one byte more is refused, whatever the line ending."""
    limit = Net.SMTP.MAX_REPLY_LINE
    at_limit = b"220 " + b"a" * (limit - 4)
    _start_with_greeting(server, at_limit + ending, Net.SMTP("127.0.0.1", server.port))
    session = server.expect(_greeting_then(at_limit + b"a" + ending))
    with pytest.raises(Net.SMTPUnknownError):
        Net.SMTP("127.0.0.1", server.port).start()
    session.result()


def _multiline(count: int, code: bytes = b"250") -> bytes:
    lines = [code + b"-KEYWORD%d param" % i for i in range(count - 1)]
    lines.append(code + b" LAST")
    return b"".join(line + b"\r\n" for line in lines)


def test_line_count_boundary(server: ScriptedServer) -> None:
    """A reply of MAX_REPLY_LINES lines is read (an EHLO reply); one more
    line is refused (a greeting)."""
    limit = Net.SMTP.MAX_REPLY_LINES
    session = server.expect(_greeting_then(b"220 ok\r\n", _multiline(limit)))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start()
    assert len(smtp.capabilities or {}) == limit - 1
    smtp.finish()
    session.result()
    session = server.expect(_greeting_then(_multiline(limit + 1, b"220")))
    with pytest.raises(Net.SMTPUnknownError):
        Net.SMTP("127.0.0.1", server.port).start()
    session.result()


def _reply_of_size(total: int, lines: int = 20) -> bytes:
    """A 220 reply of *lines* lines whose Response.string is *total* bytes."""
    text_lengths = [total // lines - 1] * lines
    text_lengths[-1] += total - sum(n + 1 for n in text_lengths)
    out: list[bytes] = []
    for i, length in enumerate(text_lengths):
        head = b"220 " if i == lines - 1 else b"220-"
        out.append(head + b"s" * (length - 4) + b"\r\n")
    return b"".join(out)


def test_total_size_boundary(server: ScriptedServer) -> None:
    """A reply whose text is exactly MAX_REPLY_SIZE bytes is read; one byte
    more is refused."""
    limit = Net.SMTP.MAX_REPLY_SIZE
    session = server.expect(_greeting_then(_reply_of_size(limit), b"250 ok\r\n"))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start()
    smtp.finish()
    session.result()
    session = server.expect(_greeting_then(_reply_of_size(limit + 1)))
    with pytest.raises(Net.SMTPUnknownError):
        Net.SMTP("127.0.0.1", server.port).start()
    session.result()


class TightSMTP(Net.SMTP):
    """A user's subclass with small limits."""

    MAX_REPLY_LINE = 100
    MAX_REPLY_LINES = 5
    MAX_REPLY_SIZE = 300


def test_subclass_can_lower_the_limits(server: ScriptedServer) -> None:
    """Each limit, lowered in a subclass, is enforced; Net.SMTP keeps the
    defaults."""
    _start_with_greeting(server, b"220 " + b"a" * 90 + b"\r\n", TightSMTP("127.0.0.1", server.port))
    for greeting in (b"220 " + b"a" * 120 + b"\r\n", _multiline(6, b"220"),
                     b"220-" + b"b" * 90 + b"\r\n" + b"220-" + b"b" * 90 + b"\r\n"
                     + b"220-" + b"b" * 90 + b"\r\n220 " + b"b" * 90 + b"\r\n"):
        session = server.expect(_greeting_then(greeting))
        with pytest.raises(Net.SMTPUnknownError):
            TightSMTP("127.0.0.1", server.port).start()
        session.result()
    _start_with_greeting(server, _multiline(6, b"220"), Net.SMTP("127.0.0.1", server.port))
    assert Net.SMTP.MAX_REPLY_LINE == 64 * 1024


def test_instance_can_raise_and_lower_the_limits(server: ScriptedServer) -> None:
    """Instance attributes override the class: a 100 KiB line is read once
    MAX_REPLY_LINE is raised on the object, and refused by a default one."""
    long_greeting = b"220 " + b"w" * (100 * 1024) + b"\r\n"
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.MAX_REPLY_LINE = 256 * 1024
    _start_with_greeting(server, long_greeting, smtp)
    session = server.expect(_greeting_then(long_greeting))
    with pytest.raises(Net.SMTPUnknownError):
        Net.SMTP("127.0.0.1", server.port).start()
    session.result()

    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.MAX_REPLY_LINES = 3
    session = server.expect(_greeting_then(_multiline(4, b"220")))
    with pytest.raises(Net.SMTPUnknownError):
        smtp.start()
    session.result()
    assert Net.SMTP.MAX_REPLY_LINES == 1000


def test_oversized_ehlo_reply_fails_start_without_helo_fallback(server: ScriptedServer) -> None:
    """An EHLO reply over a limit is a broken stream, not a refusal of
    EHLO: start fails and never sends HELO (which would read the rest of
    the oversized reply as HELO's answer and shift every later reply)."""
    session = server.expect(_greeting_then(b"220 ok\r\n", _multiline(Net.SMTP.MAX_REPLY_LINES + 1)))
    smtp = Net.SMTP("127.0.0.1", server.port)
    try:
        with pytest.raises(Net.SMTPUnknownError):
            smtp.start()
    finally:
        if smtp.is_started():
            with contextlib.suppress(Exception):
                smtp.finish()
    conn = session.result()
    assert b"HELO" not in bytes(conn.received)


def test_large_normal_ehlo_reply_still_works(server: ScriptedServer) -> None:
    """A 300-line EHLO reply with long parameters (about 60 KiB) is parsed
    whole, and the session goes on to deliver a message."""
    keywords = [b"X-EXT-%03d " % i + b" ".join(b"p%d" % j for j in range(40))
                for i in range(300)]

    def handler(conn: Conn) -> None:
        conn.send(b"220 big.test ESMTP\r\n")
        conn.expect(b"EHLO ")
        conn.send(ehlo_reply(*keywords))
        serve_transactions(conn)

    session = server.expect(handler)
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start()
    caps = smtp.capabilities or {}
    assert len(caps) == 300
    assert caps["X-EXT-299"] == [f"p{j}" for j in range(40)]
    assert smtp.send_message("Subject: x\r\n\r\nbody\r\n", "a@b.test", "c@d.test").status == "250"
    smtp.finish()
    assert len(session.result().messages) == 1


def test_bound_error_is_documented_family(server: ScriptedServer) -> None:
    """The bound error is caught by ``except Net.SMTPError`` and by
    ``except Net.ProtoUnknownError``, as the errors module documents."""
    session = server.expect(_endless(b"220 ", b"q" * 65536))
    with pytest.raises(Net.SMTPError) as info:
        Net.SMTP("127.0.0.1", server.port).start()
    assert isinstance(info.value, Net.ProtoUnknownError)
    assert str(Net.SMTP.MAX_REPLY_LINE) in str(info.value)
    session.result(SAFETY)
