"""One-for-one port of Ruby's test/net/smtp/test_starttls.rb (net-smtp 0.5.1).

Each test keeps its Ruby name and carries ``@ruby_origin`` naming the Ruby
test it ports; the last test checks that all 11 are here.

As in Ruby, ``MySMTP`` overrides the connection seams so that the session
runs over one end of a socket pair and ``_tlsconnect`` hands back the same
plain socket: no handshake happens, the tests only watch the session rules
(STARTTLS sent or not, exclusivity errors). Ruby's ``tcp_socket`` and
``tlsconnect`` are the port's ``_tcp_socket`` and ``_tlsconnect``. Ruby
leaves its sessions open; the teardown here closes both ends and joins the
server thread, since an unclosed socket fails the suite.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from rb_origin import ported_tests, ruby_origin

from net_smtp import SMTP, Net

RB = "test_starttls.rb"


class MySMTP(SMTP):
    """Ruby's ``MySMTP``: every connection is the given fake socket."""

    def __init__(self, sock: socket.socket) -> None:
        self._fake_socket = sock
        super().__init__("smtp.example.com")
        self.read_timeout = 10

    def _tcp_socket(self, address: str, port: Any) -> socket.socket:
        return self._fake_socket

    def _tlsconnect(self, sock: Any, context: Any) -> socket.socket:
        return self._fake_socket


class FakeSMTPD:
    """Ruby's ``start_smtpd``: a thread answering on the server end of a
    socket pair, EHLO with or without STARTTLS, STARTTLS with 220."""

    def __init__(self, starttls: bool) -> None:
        self.server_socket, self.client_socket = socket.socketpair()
        self.server_socket.settimeout(10)
        self.starttls_executed = False
        self.error: BaseException | None = None
        self._starttls = starttls
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _lines(self) -> Iterator[str]:
        buf = b""
        while True:
            while b"\n" not in buf:
                chunk = self.server_socket.recv(4096)
                if not chunk:
                    return
                buf += chunk
            line, buf = buf.split(b"\n", 1)
            yield line.decode().rstrip("\r")

    def _serve(self) -> None:
        s = self.server_socket
        try:
            s.sendall(b"220 fakeserver\r\n")
            for cmd in self._lines():
                if cmd.startswith("EHLO "):
                    s.sendall(b"250-fakeserver\r\n")
                    if self._starttls:
                        s.sendall(b"250-STARTTLS\r\n")
                    s.sendall(b"250 8BITMIME\r\n")
                elif cmd.startswith("STARTTLS"):
                    self.starttls_executed = True
                    s.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                else:
                    raise AssertionError(f"unsupported command: {cmd}")
        except OSError:
            pass  # the client end was closed by the teardown
        except BaseException as exc:  # reported by the teardown
            self.error = exc

    def close(self) -> None:
        """Ruby's ``teardown``: close both ends, wait for the thread."""
        self.client_socket.close()
        with contextlib.suppress(OSError):
            self.server_socket.shutdown(socket.SHUT_RDWR)
        self._thread.join(10)
        self.server_socket.close()
        assert not self._thread.is_alive()
        assert self.error is None, self.error


_servers: list[FakeSMTPD] = []


@pytest.fixture(autouse=True)
def _teardown() -> Iterator[None]:
    """Ruby's ``teardown``, for every client and server the test made."""
    yield
    while _servers:
        _servers.pop().close()


def start_smtpd(starttls: bool) -> FakeSMTPD:
    """A fake server; its ``client_socket`` is what ``MySMTP`` takes."""
    server = FakeSMTPD(starttls)
    _servers.append(server)
    return server


@ruby_origin(RB, "test_default_with_starttls_capable")
def test_default_with_starttls_capable() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.start()
    assert server.starttls_executed


@ruby_origin(RB, "test_default_without_starttls_capable")
def test_default_without_starttls_capable() -> None:
    server = start_smtpd(False)
    smtp = MySMTP(server.client_socket)
    smtp.start()
    assert not server.starttls_executed


@ruby_origin(RB, "test_enable_starttls_with_starttls_capable")
def test_enable_starttls_with_starttls_capable() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.enable_starttls()
    smtp.start()
    assert server.starttls_executed


@ruby_origin(RB, "test_enable_starttls_without_starttls_capable")
def test_enable_starttls_without_starttls_capable() -> None:
    server = start_smtpd(False)
    smtp = MySMTP(server.client_socket)
    smtp.enable_starttls()
    with pytest.raises(Net.SMTPUnsupportedCommand) as err:
        smtp.start()
    assert err.value.message == "STARTTLS is not supported on this server"
    assert err.value.response is None


@ruby_origin(RB, "test_enable_starttls_auto_with_starttls_capable")
def test_enable_starttls_auto_with_starttls_capable() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.enable_starttls_auto()
    smtp.start()
    assert server.starttls_executed


@ruby_origin(RB, "test_tls_with_starttls_capable")
def test_tls_with_starttls_capable() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.enable_tls()
    smtp.start()
    assert not server.starttls_executed


@ruby_origin(RB, "test_tls_without_starttls_capable")
def test_tls_without_starttls_capable() -> None:
    """Ruby only checks that enable_tls raises nothing; the state is checked too."""
    server = start_smtpd(False)
    smtp = MySMTP(server.client_socket)
    smtp.enable_tls()
    assert smtp.is_tls() is True


@ruby_origin(RB, "test_disable_starttls")
def test_disable_starttls() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.disable_starttls()
    smtp.start()
    assert not server.starttls_executed


@ruby_origin(RB, "test_enable_tls_and_enable_starttls")
def test_enable_tls_and_enable_starttls() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.enable_tls()
    with pytest.raises(Net.ArgumentError) as err:
        smtp.enable_starttls()
    assert str(err.value) == "SMTPS and STARTTLS is exclusive"


@ruby_origin(RB, "test_enable_tls_and_enable_starttls_auto")
def test_enable_tls_and_enable_starttls_auto() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.enable_tls()
    with pytest.raises(Net.ArgumentError) as err:
        smtp.enable_starttls_auto()
    assert str(err.value) == "SMTPS and STARTTLS is exclusive"


@ruby_origin(RB, "test_enable_starttls_and_enable_starttls_auto")
def test_enable_starttls_and_enable_starttls_auto() -> None:
    server = start_smtpd(True)
    smtp = MySMTP(server.client_socket)
    smtp.enable_starttls()
    smtp.enable_starttls_auto()
    assert smtp.is_starttls() == "auto"


RUBY_TESTS = (
    "test_default_with_starttls_capable", "test_default_without_starttls_capable",
    "test_enable_starttls_with_starttls_capable", "test_enable_starttls_without_starttls_capable",
    "test_enable_starttls_auto_with_starttls_capable", "test_tls_with_starttls_capable",
    "test_tls_without_starttls_capable", "test_disable_starttls",
    "test_enable_tls_and_enable_starttls", "test_enable_tls_and_enable_starttls_auto",
    "test_enable_starttls_and_enable_starttls_auto",
)


def test_every_ruby_test_is_ported() -> None:
    """Not in Ruby: each of the 11 tests of test_starttls.rb has exactly one
    twin here, of the same name."""
    assert len(set(RUBY_TESTS)) == 11
    ported = ported_tests([sys.modules[__name__]])
    assert ported == {(RB, name): [f"{__name__}.{name}"] for name in RUBY_TESTS}
