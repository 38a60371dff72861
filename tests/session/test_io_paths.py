"""The I/O layer's fast paths against their slower twins, over real loopback
sockets and a scripted server: the same replies and the same wire bytes
whether a reply arrives whole or in pieces, with debug output on or off,
and whether waits are bounded by the kernel's socket timers (a plain
socket on 64-bit Linux) or by Python's socket timeout (any other socket).
"""

from __future__ import annotations

import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from net_smtp import Net
from net_smtp.protocol import KERNEL_TIMERS
from tests.support.faults import SAFETY, ehlo_reply, greet_and_serve
from tests.support.scripted import Conn, ScriptedServer
from tests.support.wire import encode_message

MESSAGE = "Subject: paths\r\n\r\n" + "line of the body\r\n" * 40
BIG_MESSAGE = (b"0123456789" * 7 + b"\r\n") * (16 * 1024 * 1024 // 72)


class OtherSocket(socket.socket):
    """A socket that is not exactly ``socket.socket``: BufferedIO bounds
    its waits with Python's socket timeout, as it does an SSL socket's."""


class PolledSMTP(Net.SMTP):
    """Net.SMTP whose connection is an :class:`OtherSocket`."""

    def _tcp_socket(self, address: str, port: Any) -> Any:
        plain = super()._tcp_socket(address, port)
        return OtherSocket(fileno=plain.detach())


SESSIONS = {"kernel-timers": Net.SMTP, "python-timeout": PolledSMTP}


@pytest.fixture(params=list(SESSIONS))
def session_class(request: pytest.FixtureRequest) -> type:
    """Each way of bounding waits (the kernel's only where it is used)."""
    if request.param == "kernel-timers" and not KERNEL_TIMERS:
        pytest.skip("kernel socket timers are used on 64-bit Linux only")
    return SESSIONS[request.param]


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A scripted server with a small receive buffer."""
    with ScriptedServer(rcvbuf=64 * 1024) as srv:
        yield srv


def _pieces(conn: Conn, reply: bytes, cut: bool) -> None:
    """Send *reply* whole, or (with *cut*) byte by byte, each byte
    arriving on its own."""
    if not cut:
        conn.send(reply)
        return
    for byte in reply:
        conn.send(bytes([byte]))
        time.sleep(0.002)


def _scripted(cut: bool) -> Callable[[Conn], None]:
    """A session whose every reply is sent whole or byte by byte."""
    def handler(conn: Conn) -> None:
        _pieces(conn, b"220 paths.test ESMTP\r\n", cut)
        conn.expect(b"EHLO ")
        _pieces(conn, ehlo_reply(b"PIPELINING", b"8BITMIME", b"SIZE 1000"), cut)
        for reply in (b"250 2.1.0 Ok\r\n", b"250 2.1.5 Ok\r\n", b"354 go ahead\r\n"):
            conn.readline()
            _pieces(conn, reply, cut)
        conn.messages.append(conn.read_body())
        _pieces(conn, b"250-2.0.0 Ok\r\n250 queued as 1\r\n", cut)
        conn.expect(b"QUIT")
        _pieces(conn, b"221 bye\r\n", cut)
    return handler


def _run(server: ScriptedServer, handler: Callable[[Conn], None], smtp_class: type,
         debug: list[str] | None = None,
         message: str | bytes = MESSAGE) -> tuple[list[tuple[str, str]], bytes]:
    """One session (EHLO, one message, QUIT): the replies as (status,
    string) and every byte the server received."""
    session = server.expect(handler)
    smtp = smtp_class("127.0.0.1", server.port)
    if debug is not None:
        smtp.debug_output = debug
    smtp.start("client.test")
    replies = [smtp.send_message(message, "a@client.test", "b@client.test")]
    replies.append(smtp.finish())
    conn = session.result()
    return [(r.status, r.string) for r in replies], bytes(conn.received)


def test_replies_in_pieces_read_as_whole_ones(server: ScriptedServer,
                                              session_class: type) -> None:
    """Every reply sent byte by byte (each read waiting again, within the
    reply's deadline) gives the same replies as replies sent whole (read
    from the buffer), multi-line ones included; the client's bytes do not
    change."""
    whole = _run(server, _scripted(cut=False), session_class)
    pieces = _run(server, _scripted(cut=True), session_class)
    assert pieces == whole
    assert whole[0] == [("250", "250-2.0.0 Ok\n250 queued as 1\n"), ("221", "221 bye\n")]


def test_debug_output_does_not_change_the_wire(server: ScriptedServer,
                                               session_class: type) -> None:
    """With debug output on, the same bytes go out and the same replies come
    back as with it off; the debug text shows each reply line as read."""
    log: list[str] = []
    quiet = _run(server, greet_and_serve, session_class)
    logged = _run(server, greet_and_serve, session_class, debug=log)
    assert logged == quiet
    text = "".join(log)
    assert '-> "250-fault.test\\r\\n"\n-> "250-PIPELINING\\r\\n"\n-> "250 8BITMIME\\r\\n"\n' in text
    assert '<- "MAIL FROM:<a@client.test>\\r\\n"\n-> "250 2.1.0 Ok\\r\\n"\n' in text


# Messages whose line ends and dots the encoder must rewrite.
AWKWARD = [
    ".leading dot\nlone LF\rlone CR\r\n.\r\n..two\n",
    "no final line end.",
    "ends in a CR\r",
    "\n",
    ".",
    b"\xc3\xa9 bytes\r\n.dot\n\r\r\n",
    "\u00e9t\u00e9 \u2603\r\n",
]


@pytest.mark.parametrize("message", AWKWARD, ids=range(len(AWKWARD)))
def test_a_message_sent_whole_is_the_streamed_one(server: ScriptedServer, session_class: type,
                                                  message: str | bytes) -> None:
    """Without debug output a message in memory is encoded and sent at once;
    with it, the streaming writer sends it: the DATA bytes are the same,
    and they are what the encoder makes of the message."""
    quiet = _run(server, greet_and_serve, session_class, message=message)
    streamed = _run(server, greet_and_serve, session_class, debug=[], message=message)
    assert streamed == quiet
    raw = message.encode() if isinstance(message, str) else message
    body = encode_message([raw])
    assert quiet[1].count(b"DATA\r\n" + body) == 1


def test_waits_are_bounded_the_way_the_socket_allows(server: ScriptedServer,
                                                     session_class: type) -> None:
    """A plain socket on 64-bit Linux is left blocking (the kernel's timers
    bound each wait); any other socket carries Python's timeout."""
    session = server.expect(greet_and_serve)
    smtp = session_class("127.0.0.1", server.port)
    smtp.read_timeout = 7
    smtp.start()
    sock = smtp._socket.io
    if session_class is PolledSMTP:
        assert sock.gettimeout() == 7
    else:
        assert sock.gettimeout() is None
        timer = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, 16)
        seconds, micros = (int.from_bytes(timer[i:i + 8], sys.byteorder) for i in (0, 8))
        assert (seconds, micros) == (7, 0)
    smtp.finish()
    session.result()


def _trickle(conn: Conn) -> None:
    """A greeting whose continuation lines come one every 0.2 s, for ever
    (until the client goes away or SAFETY passes)."""
    stop = time.monotonic() + SAFETY
    try:
        while time.monotonic() < stop:
            conn.send(b"220-more\r\n")
            time.sleep(0.2)
    except OSError:
        conn.peer_closed = True


def test_a_trickling_reply_meets_its_deadline(server: ScriptedServer,
                                              session_class: type) -> None:
    """Each line of the reply arrives well within read_timeout, yet the
    reply as a whole is cut off by it: ReadTimeout, not the end of file
    the server would give after SAFETY seconds."""
    session = server.expect(_trickle)
    smtp = session_class("127.0.0.1", server.port)
    smtp.read_timeout = 0.6
    with pytest.raises(Net.ReadTimeout):
        smtp.start()
    assert session.result().peer_closed


def _greet(conn: Conn) -> None:
    """The greeting and a one-line EHLO reply."""
    conn.send(b"220 plain.test\r\n")
    conn.expect(b"EHLO ")
    conn.send(b"250 plain.test\r\n")


def _silent_after_mail(conn: Conn) -> None:
    _greet(conn)
    conn.expect(b"MAIL")
    conn.go_silent()


def test_a_silent_server_times_out(server: ScriptedServer, session_class: type) -> None:
    """No reply to MAIL: ReadTimeout, and the session is aborted."""
    session = server.expect(_silent_after_mail)
    smtp = session_class("127.0.0.1", server.port)
    smtp.read_timeout = 0.3
    smtp.start()
    with pytest.raises(Net.ReadTimeout):
        smtp.mailfrom("a@client.test")
    with pytest.raises(Net.SMTPSessionAborted):
        smtp.rset()
    smtp.finish()
    session.release()
    assert session.result().peer_closed


def _stops_reading(conn: Conn) -> None:
    _greet(conn)
    for reply in (b"250 2.1.0 Ok\r\n", b"250 2.1.5 Ok\r\n", b"354 go ahead\r\n"):
        conn.readline()
        conn.send(reply)
    conn.go_silent()


def test_a_server_that_stops_reading_times_out(server: ScriptedServer,
                                               session_class: type) -> None:
    """A body far larger than the socket buffers, a server that reads none
    of it: WriteTimeout, and the connection is dropped."""
    session = server.expect(_stops_reading)
    smtp = session_class("127.0.0.1", server.port)
    smtp.write_timeout = 0.3
    smtp.start()
    with pytest.raises(Net.WriteTimeout):
        smtp.send_message(BIG_MESSAGE, "a@client.test", "b@client.test")
    assert not smtp.is_started()
    session.release()
    assert session.result().peer_closed


@pytest.mark.skipif(not KERNEL_TIMERS, reason="kernel socket timers are used on 64-bit Linux only")
def test_a_send_cut_short_by_a_signal_goes_on() -> None:
    """A blocking send interrupted by a signal returns what it wrote so far;
    the rest follows, so the peer gets every byte once."""
    ours, theirs = socket.socketpair()
    data = bytes(range(256)) * (32 * 1024)  # 8 MiB: far more than the socket buffers hold
    received = bytearray()

    def read_later() -> None:
        time.sleep(0.3)  # the send blocks on full buffers until then
        while len(received) < len(data):
            chunk = theirs.recv(1 << 20)
            if not chunk:
                return
            received.extend(chunk)

    interrupted: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: interrupted.append(signum))
    reader = threading.Thread(target=read_later)
    reader.start()
    try:
        bio = Net.BufferedIO(ours, write_timeout=SAFETY)
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        bio.send(data)
        reader.join(SAFETY)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        ours.close()
        theirs.close()
    assert interrupted == [signal.SIGALRM]
    assert bytes(received) == data

