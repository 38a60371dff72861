"""One-for-one port of Ruby's test/net/smtp/test_sslcontext.rb (net-smtp 0.5.1).

Each test keeps its Ruby name and carries ``@ruby_origin`` naming the Ruby
test it ports; the last test checks that all 15 are here.

As in Ruby, ``MySMTP`` connects to one end of a socket pair (``_tcp_socket``)
and records the context and SSL socket its ``_ssl_socket`` seam gets and
makes; the fake server on the other end does a real TLS handshake. Ruby's
fixture files become certificates issued at test time by ``trustme``: a CA
and a server certificate for ``localhost`` whose chain, as Ruby's server
sends it, includes the CA.

Ruby's OpenSSL objects map to Python's ``ssl`` as follows:

* ``OpenSSL::SSL::SSLError`` -> ``ssl.SSLError`` (verification failures are
  its subclass ``ssl.SSLCertVerificationError``);
* ``ssl_socket.verify_result`` -> the error's ``verify_code`` (Python keeps
  no verify result on the socket), ``V_ERR_SELF_SIGNED_CERT_IN_CHAIN`` = 19;
* ``context.verify_mode`` -> ``SSLContext.verify_mode``, where
  ``OpenSSL.SSL.VERIFY_PEER`` / ``VERIFY_NONE`` equal ``ssl.CERT_REQUIRED`` /
  ``ssl.CERT_NONE``;
* ``ssl_socket.hostname`` -> ``SSLSocket.server_hostname``;
  ``ssl_socket.closed?`` -> ``SSLSocket.fileno() == -1``;
* ``default_ssl_context(cert_store: store)`` with the CA in ``store`` ->
  ``default_ssl_context({'ca_file': CA_FILE})`` (an ``ssl.SSLContext`` has no
  settable X509 store; ``load_verify_locations`` fills its own);
* ``ssl_context_params: {timeout: 123}`` (OpenSSL's session-cache timeout,
  read back as ``context.timeout``) has no ``ssl.SSLContext`` counterpart, so
  the two tests using it pass ``max_version`` instead and read back
  ``SSLContext.maximum_version``: the same check that the params reach the
  context the session uses.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from rb_origin import ported_tests, ruby_origin

from net_smtp import SMTP, Net, OpenSSL

RB = "test_sslcontext.rb"
V_ERR_SELF_SIGNED_CERT_IN_CHAIN = 19


class Fixtures:
    """Ruby's CA_FILE / SERVER_KEY / SERVER_CERT, made at test time."""

    def __init__(self, directory: Path) -> None:
        ca = trustme.CA()
        leaf = ca.issue_cert("localhost", common_name="localhost")
        self.ca_file = directory / "cacert.pem"
        self.server_chain = directory / "server.crt"   # leaf, then the CA, as Ruby sends it
        self.server_key = directory / "server.key"
        ca.cert_pem.write_to_path(str(self.ca_file))
        self.server_chain.write_bytes(leaf.cert_chain_pems[0].bytes() + ca.cert_pem.bytes())
        leaf.private_key_pem.write_to_path(str(self.server_key))


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Fixtures:
    """The certificate files, issued once for the module."""
    return Fixtures(tmp_path_factory.mktemp("rb_sslcontext"))


class MySMTP(SMTP):
    """Ruby's ``MySMTP``: connects to the fake socket and records what its
    ``ssl_socket`` seam receives (``__ssl_context``) and makes
    (``__ssl_socket``)."""

    def __init__(self, sock: socket.socket, **kw: Any) -> None:
        self._fake_socket = sock
        self.seen_ssl_context: ssl.SSLContext | None = None
        self.seen_ssl_socket: ssl.SSLSocket | None = None
        super().__init__("localhost", **kw)
        self.open_timeout = 10
        self.read_timeout = 10
        _clients.append(self)

    def _tcp_socket(self, address: str, port: Any) -> socket.socket:
        return self._fake_socket

    def _ssl_socket(self, sock: Any, context: ssl.SSLContext) -> ssl.SSLSocket:
        self.seen_ssl_context = context
        self.seen_ssl_socket = super()._ssl_socket(sock, context)
        return self.seen_ssl_socket


class FakeSMTPD:
    """Ruby's ``start_smtpd_starttls`` / ``start_smtpd_smtps``: a thread on
    the server end of a socket pair; TLS from the start (``smtps``) or after
    STARTTLS. A failed handshake ends it quietly, as Ruby's rescue does."""

    def __init__(self, fixtures: Fixtures, smtps: bool) -> None:
        self.server_socket, self.client_socket = socket.socketpair()
        self.server_socket.settimeout(10)
        self.error: BaseException | None = None
        self._ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._ctx.load_cert_chain(fixtures.server_chain, fixtures.server_key)
        self._sock: socket.socket = self.server_socket
        self._smtps = smtps
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _wrap_ssl_socket(self) -> bool:
        try:
            self._sock = self._ctx.wrap_socket(self._sock, server_side=True)
        except (ssl.SSLError, OSError):
            return False  # the client must be raising SSLError, too
        return True

    def _lines(self) -> Iterator[str]:
        buf = b""
        while True:
            while b"\n" not in buf:
                chunk = self._sock.recv(4096)
                if not chunk:
                    return
                buf += chunk
            line, buf = buf.split(b"\n", 1)
            yield line.decode().rstrip("\r")

    def _serve(self) -> None:
        try:
            if self._smtps and not self._wrap_ssl_socket():
                return
            self._sock.sendall(b"220 fakeserver\r\n")
            for cmd in self._lines():
                if cmd.startswith("EHLO "):
                    if self._smtps:
                        self._sock.sendall(b"250-fakeserver\r\n250 8BITMIME\r\n")
                    else:
                        self._sock.sendall(b"250-fakeserver\r\n250-STARTTLS\r\n250 8BITMIME\r\n")
                elif cmd.startswith("RSET"):
                    self._sock.sendall(b"250 OK\r\n")
                elif cmd.startswith("STARTTLS") and not self._smtps:
                    self._sock.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                    if not self._wrap_ssl_socket():
                        return
                else:
                    raise AssertionError(f"unsupported command: {cmd}")
        except OSError:
            pass  # the client end was closed by the teardown
        except BaseException as exc:  # reported by the teardown
            self.error = exc
        finally:
            if self._sock is not self.server_socket:
                self._sock.close()

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
_clients: list[MySMTP] = []


@pytest.fixture(autouse=True)
def _teardown() -> Iterator[None]:
    """Ruby's ``teardown``, for every client and server the test made."""
    yield
    # The SSL socket owns the descriptor once the pair end is wrapped.
    while _clients:
        ssl_sock = _clients.pop().seen_ssl_socket
        if ssl_sock is not None:
            ssl_sock.close()
    while _servers:
        _servers.pop().close()


def start_smtpd_starttls(fixtures: Fixtures) -> socket.socket:
    """Ruby's ``start_smtpd_starttls``: the client end of the pair."""
    server = FakeSMTPD(fixtures, smtps=False)
    _servers.append(server)
    return server.client_socket


def start_smtpd_smtps(fixtures: Fixtures) -> socket.socket:
    """Ruby's ``start_smtpd_smtps``: the client end of the pair."""
    server = FakeSMTPD(fixtures, smtps=True)
    _servers.append(server)
    return server.client_socket


def default_ssl_context(fixtures: Fixtures) -> ssl.SSLContext:
    """Ruby's private ``default_ssl_context``: trusts the test CA."""
    return Net.SMTP.default_ssl_context({"ca_file": str(fixtures.ca_file)})


@ruby_origin(RB, "test_default")
def test_default(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    with pytest.raises(ssl.SSLError) as err:
        smtp.start()
    assert isinstance(err.value, ssl.SSLCertVerificationError)
    assert err.value.verify_code == V_ERR_SELF_SIGNED_CERT_IN_CHAIN
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.verify_mode == OpenSSL.SSL.VERIFY_PEER


@ruby_origin(RB, "test_starttls_close_socket_on_verify_failure")
def test_starttls_close_socket_on_verify_failure(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    with pytest.raises(ssl.SSLError):
        smtp.start()
    assert smtp.seen_ssl_socket is not None
    assert smtp.seen_ssl_socket.fileno() == -1


def _assert_started_with(smtp: MySMTP, context: ssl.SSLContext) -> None:
    """Start; the handshake used *context* and the session works."""
    smtp.start()
    assert smtp.seen_ssl_context is context
    assert smtp.rset().is_success() is True


@ruby_origin(RB, "test_enable_tls")
def test_enable_tls(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_smtps(fixtures))
    context = default_ssl_context(fixtures)
    smtp.enable_tls(context)
    _assert_started_with(smtp, context)


@ruby_origin(RB, "test_enable_tls_before_disable_starttls")
def test_enable_tls_before_disable_starttls(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_smtps(fixtures))
    context = default_ssl_context(fixtures)
    smtp.enable_tls(context)
    smtp.disable_starttls()
    _assert_started_with(smtp, context)


@ruby_origin(RB, "test_enable_starttls")
def test_enable_starttls(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    context = default_ssl_context(fixtures)
    smtp.enable_starttls(context)
    _assert_started_with(smtp, context)


@ruby_origin(RB, "test_enable_starttls_before_disable_tls")
def test_enable_starttls_before_disable_tls(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    context = default_ssl_context(fixtures)
    smtp.enable_starttls(context)
    smtp.disable_tls()
    _assert_started_with(smtp, context)


@ruby_origin(RB, "test_start_with_tls_verify_true")
def test_start_with_tls_verify_true(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures), tls_verify=True)
    with pytest.raises(ssl.SSLError) as err:
        smtp.start()
    assert isinstance(err.value, ssl.SSLCertVerificationError)
    assert err.value.verify_code == V_ERR_SELF_SIGNED_CERT_IN_CHAIN
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.verify_mode == OpenSSL.SSL.VERIFY_PEER


@ruby_origin(RB, "test_start_with_tls_verify_false")
def test_start_with_tls_verify_false(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures), tls_verify=False)
    smtp.start()
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.verify_mode == OpenSSL.SSL.VERIFY_NONE
    assert smtp.rset().is_success() is True


@ruby_origin(RB, "test_tls_verify_true_after_initialize")
def test_tls_verify_true_after_initialize(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures), tls_verify=False)
    smtp.tls_verify = True
    with pytest.raises(ssl.SSLError) as err:
        smtp.start()
    assert isinstance(err.value, ssl.SSLCertVerificationError)
    assert err.value.verify_code == V_ERR_SELF_SIGNED_CERT_IN_CHAIN
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.verify_mode == OpenSSL.SSL.VERIFY_PEER


@ruby_origin(RB, "test_tls_verify_false_after_initialize")
def test_tls_verify_false_after_initialize(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures), tls_verify=True)
    smtp.tls_verify = False
    smtp.start()
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.verify_mode == OpenSSL.SSL.VERIFY_NONE
    assert smtp.rset().is_success() is True


@ruby_origin(RB, "test_start_with_tls_hostname")
def test_start_with_tls_hostname(fixtures: Fixtures) -> None:
    """Like Ruby, no verify code is checked: OpenSSL versions differ."""
    smtp = MySMTP(start_smtpd_starttls(fixtures), tls_hostname="unexpected.example.com")
    context = default_ssl_context(fixtures)
    smtp.enable_starttls(context)
    with pytest.raises(ssl.SSLError):
        smtp.start()
    assert smtp.seen_ssl_socket is not None
    assert smtp.seen_ssl_socket.server_hostname == "unexpected.example.com"


@ruby_origin(RB, "test_start_without_tls_hostname")
def test_start_without_tls_hostname(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    context = default_ssl_context(fixtures)
    smtp.enable_starttls(context)
    smtp.start()
    assert smtp.seen_ssl_socket is not None
    assert smtp.seen_ssl_socket.server_hostname == "localhost"
    assert smtp.rset().is_success() is True


@ruby_origin(RB, "test_tls_hostname_after_initialize")
def test_tls_hostname_after_initialize(fixtures: Fixtures) -> None:
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    smtp.tls_hostname = "unexpected.example.com"
    context = default_ssl_context(fixtures)
    smtp.enable_starttls(context)
    with pytest.raises(ssl.SSLError):
        smtp.start()
    assert smtp.seen_ssl_socket is not None
    assert smtp.seen_ssl_socket.server_hostname == "unexpected.example.com"


@ruby_origin(RB, "test_start_with_ssl_context_params")
def test_start_with_ssl_context_params(fixtures: Fixtures) -> None:
    """Ruby's ``timeout: 123`` is ``max_version`` here (see the module docstring)."""
    smtp = MySMTP(start_smtpd_starttls(fixtures), ssl_context_params={
        "max_version": OpenSSL.SSL.TLS1_2_VERSION, "verify_mode": OpenSSL.SSL.VERIFY_NONE})
    smtp.start()
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.maximum_version == ssl.TLSVersion.TLSv1_2
    assert smtp.seen_ssl_socket is not None and smtp.seen_ssl_socket.version() == "TLSv1.2"


@ruby_origin(RB, "test_ssl_context_params_after_initialize")
def test_ssl_context_params_after_initialize(fixtures: Fixtures) -> None:
    """Ruby's ``timeout: 123`` is ``max_version`` here (see the module docstring)."""
    smtp = MySMTP(start_smtpd_starttls(fixtures))
    smtp.ssl_context_params = {"max_version": OpenSSL.SSL.TLS1_2_VERSION,
                               "verify_mode": OpenSSL.SSL.VERIFY_NONE}
    smtp.start()
    assert smtp.seen_ssl_context is not None
    assert smtp.seen_ssl_context.maximum_version == ssl.TLSVersion.TLSv1_2
    assert smtp.seen_ssl_socket is not None and smtp.seen_ssl_socket.version() == "TLSv1.2"


RUBY_TESTS = (
    "test_default", "test_starttls_close_socket_on_verify_failure", "test_enable_tls",
    "test_enable_tls_before_disable_starttls", "test_enable_starttls",
    "test_enable_starttls_before_disable_tls", "test_start_with_tls_verify_true",
    "test_start_with_tls_verify_false", "test_tls_verify_true_after_initialize",
    "test_tls_verify_false_after_initialize", "test_start_with_tls_hostname",
    "test_start_without_tls_hostname", "test_tls_hostname_after_initialize",
    "test_start_with_ssl_context_params", "test_ssl_context_params_after_initialize",
)


def test_every_ruby_test_is_ported() -> None:
    """Not in Ruby: each of the 15 tests of test_sslcontext.rb has exactly
    one twin here, of the same name."""
    assert len(set(RUBY_TESTS)) == 15
    ported = ported_tests([sys.modules[__name__]])
    assert ported == {(RB, name): [f"{__name__}.{name}"] for name in RUBY_TESTS}
