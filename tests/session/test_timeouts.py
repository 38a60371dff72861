"""Timeouts that really bound time (issue 7, item 2).

Each case uses a real loopback socket that misbehaves in one way and checks
that the matching exception arrives close to the configured value: not
much earlier (the timeout is what fired) and not much later (the bound
holds). The margins allow for a shared, loaded machine.
"""

from __future__ import annotations

import functools
import select
import socket
import ssl
import time
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from net_smtp import Net
from tests.support.faults import SAFETY, ehlo_reply, greet_and_serve, mail_session
from tests.support.scripted import Conn, ScriptedServer

pytestmark = pytest.mark.slow

TIMEOUT = 1.0  # the configured value in every case
MARGIN = 0.75  # seconds a timeout may overrun on a loaded machine
BIG_MESSAGE = (b"0123456789" * 7 + b"\r\n") * (16 * 1024 * 1024 // 72)


def timed(fn: Callable[[], Any], expected: type) -> float:
    """Run *fn*, which must raise *expected*; the seconds it took."""
    began = time.monotonic()
    with pytest.raises(expected):
        fn()
    return time.monotonic() - began


def assert_near(elapsed: float, timeout: float) -> None:
    """*elapsed* is the timeout firing: not early, not much late."""
    assert 0.9 * timeout <= elapsed <= timeout + MARGIN, (elapsed, timeout)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A scripted server with a small receive buffer."""
    with ScriptedServer(rcvbuf=64 * 1024) as srv:
        yield srv


# ------------------------------------------------------------ open_timeout
@pytest.fixture
def full_backlog() -> Iterator[int]:
    """The port of a listener that never accepts and whose backlog is full,
    so a further connect gets no answer at all (its SYN is dropped)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued: list[socket.socket] = []
    try:
        for _ in range(16):
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            probe.settimeout(0.3)
            try:
                probe.connect(("127.0.0.1", port))
            except socket.timeout:
                probe.close()
                break
            queued.append(probe)
        else:
            pytest.fail("the listen(0) backlog never filled up")
        yield port
    finally:
        for probe in queued:
            probe.close()
        listener.close()


def test_open_timeout_when_never_accepted(full_backlog: int) -> None:
    """A connect that is never answered raises Net.OpenTimeout (a
    TimeoutError, so an OSError) near open_timeout; the object is left not
    started."""
    smtp = Net.SMTP("127.0.0.1", full_backlog)
    smtp.open_timeout = TIMEOUT
    smtp.read_timeout = 30
    began = time.monotonic()
    with pytest.raises(Net.OpenTimeout) as info:
        smtp.start()
    assert_near(time.monotonic() - began, TIMEOUT)
    assert isinstance(info.value, TimeoutError) and isinstance(info.value, OSError)
    assert not smtp.is_started()


def test_open_timeout_bounds_implicit_tls_handshake(server: ScriptedServer) -> None:
    """SMTPS to a server that accepts but never answers the ClientHello:
    the handshake counts against open_timeout, not read_timeout."""
    session = server.expect(mail_session, ("before_greeting", "silent"))
    smtp = Net.SMTP("127.0.0.1", server.port, tls=True, tls_verify=False)
    smtp.open_timeout = TIMEOUT
    smtp.read_timeout = 30
    elapsed = timed(smtp.start, Net.OpenTimeout)
    assert_near(elapsed, TIMEOUT)
    session.release()
    assert session.result().peer_closed


# ------------------------------------------------------------ read_timeout
def test_read_timeout_when_never_greeted(server: ScriptedServer) -> None:
    """Accepted, never greeted: Net.ReadTimeout near read_timeout."""
    session = server.expect(mail_session, ("before_greeting", "silent"))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.open_timeout = 30
    smtp.read_timeout = TIMEOUT
    elapsed = timed(smtp.start, Net.ReadTimeout)
    assert_near(elapsed, TIMEOUT)
    session.release()
    assert session.result().peer_closed


def _trickle(data: bytes, interval: float) -> Callable[[Conn], None]:
    """A handler sending *data* one byte every *interval* seconds, again
    and again, until the client goes away."""
    def handler(conn: Conn) -> None:
        stop = time.monotonic() + SAFETY
        while time.monotonic() < stop:
            for byte in data:
                try:
                    conn.send(bytes([byte]))
                    readable, _, _ = select.select([conn.sock], [], [], interval)
                    if readable:
                        conn.peer_closed = conn.sock.recv(1) == b""
                        return
                except OSError:
                    conn.peer_closed = True
                    return
    return handler


@pytest.mark.parametrize("stream,interval,read_timeout", [
    (b"220 a greeting that never ends ", 1.0, 2.5),
    (b"220-more\r\n", 0.25, 1.0),
], ids=["endless-line-1-byte-per-s", "endless-continuation-lines-4-bytes-per-s"])
def test_trickle_is_bounded_per_reply(server: ScriptedServer, stream: bytes, interval: float,
                                      read_timeout: float) -> None:
    """A byte every *interval* seconds (well inside read_timeout) keeps
    every single read alive; the whole reply is still bounded by
    read_timeout (the documented per-reply deadline)."""
    session = server.expect(_trickle(stream, interval))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.read_timeout = read_timeout
    elapsed = timed(smtp.start, Net.ReadTimeout)
    assert_near(elapsed, read_timeout)
    assert session.result().peer_closed


def _slow_replies(piece_delay: float) -> Callable[[Conn], None]:
    """Every reply sent in three pieces, *piece_delay* seconds apart."""
    def send_slowly(conn: Conn, reply: bytes) -> None:
        third = len(reply) // 3
        for piece in (reply[:third], reply[third:2 * third], reply[2 * third:]):
            time.sleep(piece_delay)
            conn.send(piece)

    def handler(conn: Conn) -> None:
        send_slowly(conn, b"220 slow.test ESMTP\r\n")
        conn.expect(b"EHLO ")
        send_slowly(conn, ehlo_reply(b"PIPELINING", b"8BITMIME", b"SIZE 1000"))
        conn.expect(b"RSET")
        send_slowly(conn, b"250 2.0.0 Ok\r\n")
        conn.expect(b"QUIT")
        send_slowly(conn, b"221 2.0.0 Bye\r\n")
    return handler


def test_slow_but_timely_replies_are_unaffected(server: ScriptedServer) -> None:
    """Replies that each take 60% of read_timeout (arriving in pieces) all
    succeed, though the session as a whole lasts far longer: the deadline
    is per reply, not per session."""
    session = server.expect(_slow_replies(0.1))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.read_timeout = 0.5
    began = time.monotonic()
    smtp.start()
    assert smtp.capabilities == {"PIPELINING": [], "8BITMIME": [], "SIZE": ["1000"]}
    assert smtp.rset().status == "250"
    reply = smtp.finish()
    assert reply is not None and reply.status == "221"
    assert time.monotonic() - began > 2 * smtp.read_timeout
    session.result()


def test_read_timeout_after_start_poisons_and_finish_closes(server: ScriptedServer) -> None:
    """A silence after MAIL: ReadTimeout near read_timeout; finish() then
    closes without waiting for QUIT."""
    session = server.expect(greet_and_serve, ("after_mail", "silent"))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.read_timeout = TIMEOUT
    smtp.start()
    elapsed = timed(lambda: smtp.mailfrom("a@client.test"), Net.ReadTimeout)
    assert_near(elapsed, TIMEOUT)
    began = time.monotonic()
    assert smtp.finish() is None
    assert time.monotonic() - began < 0.25
    session.release()
    assert session.result().peer_closed


# ----------------------------------------------------------- write_timeout
def test_write_timeout_when_server_stops_reading(server: ScriptedServer) -> None:
    """A body much larger than the socket buffers, a server that stops
    reading after 64 KiB: Net.WriteTimeout near write_timeout (once, not
    once per retried write), the connection dropped at once."""
    session = server.expect(greet_and_serve, ("during_body", "silent"))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.read_timeout = 30
    smtp.write_timeout = TIMEOUT
    smtp.start()
    elapsed = timed(lambda: smtp.send_message(BIG_MESSAGE, "a@client.test", "b@client.test"),
                    Net.WriteTimeout)
    assert_near(elapsed, TIMEOUT)
    assert not smtp.is_started()
    session.release()
    conn = session.result()
    assert conn.peer_closed and conn.messages == []


def test_write_timeout_over_tls(server: ScriptedServer, server_tls_context: ssl.SSLContext,
                                client_tls_context: ssl.SSLContext) -> None:
    """The same bound through an SSL socket (STARTTLS)."""
    server_ctx, client_ctx = server_tls_context, client_tls_context

    session = server.expect(functools.partial(mail_session, tls_context=server_ctx),
                            ("during_body", "silent"))
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.enable_starttls(client_ctx)
    smtp.read_timeout = 30
    smtp.write_timeout = TIMEOUT
    smtp.start("client.test", "user", "secret", "login")
    elapsed = timed(lambda: smtp.send_message(BIG_MESSAGE, "a@client.test", "b@client.test"),
                    Net.WriteTimeout)
    assert_near(elapsed, TIMEOUT)
    session.release()
    assert session.result().peer_closed
