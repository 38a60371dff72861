"""One-for-one ports of net-protocol 0.2.2's test/net/protocol/test_protocol.rb.

Ruby drives ``Net::BufferedIO`` / ``Net::InternetMessageIO`` with a StringIO
or a hand-made mock IO. Here the StringIO cases run over a real
``socket.socketpair()`` (the bytes are read back from the other end), and
the ``write0`` cases over :class:`CapacitySocket`, a small socket stand-in
that, like Ruby's ``create_mockio``, takes a fixed number of bytes and then
blocks: that exact boundary is what those cases probe, and no kernel buffer
has one. ``test_write0_timeout`` itself runs on a real, full socket.

``test_shareable_buffer_leak`` (``BufferedIO#read`` with ``ReadAdapter``) is
not ported: SMTP never reads a counted body, so net_smtp has neither. Its
skip entry lives in ``test_smtp_rb.NOT_PORTED``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Callable, TypeVar

import pytest
from rb_origin import ruby_origin

from net_smtp import InternetMessageIO, Net

RB = "test_protocol.rb"
T = TypeVar("T")


def _read_to_eof(sock: socket.socket) -> bytes:
    sock.settimeout(10)
    chunks: list[bytes] = []
    while True:
        data = sock.recv(65536)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def _sent_by(action: Callable[[InternetMessageIO], T]) -> tuple[T, bytes]:
    """Run *action* on an InternetMessageIO over one end of a socket pair;
    returns its result and every byte the other end received."""
    ours, theirs = socket.socketpair()
    with theirs:
        io = Net.InternetMessageIO(ours)
        try:
            result = action(io)
        finally:
            io.close()
        return result, _read_to_eof(theirs)


class CapacitySocket:
    """Ruby's ``create_mockio``: accepts *capacity* bytes in all and is
    never drained. Once full,
    ``sendall`` blocks as a real socket does: with a timeout set it waits
    that long and raises ``socket.timeout``; with none it would wait forever,
    which is reported as a test failure instead."""

    def __init__(self, capacity: int = 100) -> None:
        self.capacity = capacity
        self.received = bytearray()
        self.timeout: float | None = None
        self.closed = False

    def settimeout(self, value: float | None) -> None:
        self.timeout = value

    def sendall(self, data: bytes) -> None:
        rest = bytes(data)
        while rest:
            room = self.capacity - len(self.received)
            if room <= 0:
                if self.timeout is None:
                    raise AssertionError("sendall on a full socket with no timeout set")
                time.sleep(self.timeout)
                raise socket.timeout("timed out")
            n = min(room, len(rest))
            self.received += rest[:n]
            rest = rest[n:]

    def recv(self, bufsize: int) -> bytes:
        raise AssertionError("the write0 cases never read")

    def close(self) -> None:
        self.closed = True


def _drain(sock: socket.socket) -> None:
    sock.settimeout(0.5)
    try:
        while sock.recv(65536):
            pass
    except OSError:
        pass


@pytest.fixture
def full_socket() -> Iterator[socket.socket]:
    """One end of a socket pair whose send buffer is full (the peer does not
    read). A watchdog drains the peer after 10 s, so a write that ignores
    its timeout ends the test with a failure instead of hanging it."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        ours.setblocking(False)
        size = 65536
        while size:
            try:
                ours.send(b"x" * size)
            except BlockingIOError:
                size //= 2
        ours.setblocking(True)
        watchdog = threading.Timer(10.0, _drain, args=(theirs,))
        watchdog.start()
        try:
            yield ours
        finally:
            watchdog.cancel()
            watchdog.join()


@ruby_origin(RB, "test_should_properly_dot_stuff_period_with_no_endline")
def test_should_properly_dot_stuff_period_with_no_endline() -> None:
    bug9627 = "[ruby-core:61441] [Bug #9627]"
    email = "To: bob@aol.com\nlook, a period with no endline\n."
    _n, wire = _sent_by(lambda imio: imio.write_message(email))
    assert wire == b"To: bob@aol.com\r\nlook, a period with no endline\r\n..\r\n.\r\n", bug9627


@ruby_origin(RB, "test_each_crlf_line")
def test_each_crlf_line(capsys: pytest.CaptureFixture[str]) -> None:
    n, wire = _sent_by(lambda imio: imio.write_message("\u3042\r\u3044\n\u3046\r\n\u3048"))
    assert n == 23
    assert wire == "\u3042\r\n\u3044\r\n\u3046\r\n\u3048\r\n.\r\n".encode("utf-8")

    n, wire = _sent_by(lambda imio: imio.write_message("\u3042\r"))
    assert n == 8
    assert wire == "\u3042\r\n.\r\n".encode("utf-8")
    # Ruby's assert_output('', ''): nothing printed, no warning.
    assert capsys.readouterr() == ("", "")


@ruby_origin(RB, "test_readuntil")
def test_readuntil(capsys: pytest.CaptureFixture[str]) -> None:
    ours, theirs = socket.socketpair()
    with theirs:
        theirs.sendall(b"12345")
        io = Net.BufferedIO(ours)
        try:
            assert io.readuntil(b"5") == b"12345"
        finally:
            io.close()
    assert capsys.readouterr() == ("", "")


@ruby_origin(RB, "test_write0_multibyte")
def test_write0_multibyte() -> None:
    # Ruby's mock takes one byte per write_nonblock to force a loop of partial
    # writes; in Python that loop is sendall's. What remains is the count:
    # bytes on the wire, not characters.
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    assert io.write("\u3042") == 3
    assert bytes(mockio.received) == "\u3042".encode("utf-8")


@ruby_origin(RB, "test_write0_timeout")
def test_write0_timeout(full_socket: socket.socket) -> None:
    io = Net.BufferedIO(full_socket)
    io.write_timeout = 0.1
    with pytest.raises(Net.WriteTimeout):
        io.write("a" * 1000)


@ruby_origin(RB, "test_write0_success")
def test_write0_success() -> None:
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    io.write_timeout = 0.1
    length = io.write("a" * 10)
    assert bytes(mockio.received) == b"a" * 10
    assert length == 10
    assert mockio.timeout == 0.1


@ruby_origin(RB, "test_write0_success2")
def test_write0_success2() -> None:
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    io.write_timeout = 0.1
    length = io.write("a" * 100)
    assert bytes(mockio.received) == b"a" * 100
    assert length == 100


# Ruby's BufferedIO#write takes several strings at once (write("a"*50, "a"*49));
# net_smtp's takes one, as Net::SMTP only ever writes one. The multi cases
# become consecutive writes, with the same capacity boundary.


@ruby_origin(RB, "test_write0_success_multi1")
def test_write0_success_multi1() -> None:
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    io.write_timeout = 0.1
    length = io.write("a" * 50) + io.write("a" * 49)
    assert bytes(mockio.received) == b"a" * 99
    assert length == 99


@ruby_origin(RB, "test_write0_success_multi2")
def test_write0_success_multi2() -> None:
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    io.write_timeout = 0.1
    length = io.write("a" * 50) + io.write("a" * 50)
    assert bytes(mockio.received) == b"a" * 100
    assert length == 100


@ruby_origin(RB, "test_write0_timeout_multi1")
def test_write0_timeout_multi1() -> None:
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    io.write_timeout = 0.1
    with pytest.raises(Net.WriteTimeout):
        io.write("a" * 50)
        io.write("a" * 51)


@ruby_origin(RB, "test_write0_timeout_multi2")
def test_write0_timeout_multi2() -> None:
    mockio = CapacitySocket()
    io = Net.BufferedIO(mockio)
    io.write_timeout = 0.1
    with pytest.raises(Net.WriteTimeout):
        io.write("a" * 50)
        io.write("a" * 50)
        io.write("a")
