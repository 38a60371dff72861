"""Test kit for the TLS suites: certificates made at test time, server-side
TLS contexts, a recording aiosmtpd server and scripted loopback servers.

Everything listens on 127.0.0.1 on a port the kernel picks (the listening
socket is bound before the server starts, so there is no port race).

* :func:`make_cert_kit` issues, with ``trustme`` (and ``cryptography`` for
  the self-signed one), a trusted CA, an untrusted CA and server
  certificates: good, untrusted, wrong host name, expired, self-signed,
  plus a client certificate.
* :func:`server_context` builds a server ``ssl.SSLContext`` from one of
  them, optionally recording the SNI name every ClientHello carries.
* :class:`TLSSMTPServer` is a real aiosmtpd server (implicit TLS with
  ``ssl_context=``, STARTTLS with ``tls_context=``) that records the raw
  plaintext bytes of every connection, so a test can prove what a client
  did or did not send (for instance, that no ``AUTH`` line arrived).
* :class:`ScriptedServer` runs a hand-written script over one real
  loopback connection, for what a real server will not do (bytes injected
  before the TLS handshake, a handshake that never gets an answer).
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as ServerSMTP
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

__all__ = [
    "HOST", "USER", "SECRET", "CertKit", "ServerCert", "make_cert_kit", "server_context",
    "SNIRecorder", "Delivered", "Mailbox", "ConnectionLog", "TLSSMTPServer",
    "ScriptedServer", "ScriptConn", "legacy_tls_server_context",
]

HOST = "127.0.0.1"
USER = "alice"
SECRET = "s3cret-pass"
# How long any server-side wait may take before a test is declared hung.
SERVER_WAIT = 10.0


@dataclass(frozen=True)
class ServerCert:
    """A certificate chain and its key, as PEM files a context can load."""

    cert_file: Path
    key_file: Path


@dataclass(frozen=True)
class CertKit:
    """Every certificate the TLS tests use, written under one directory.

    ``ca_file`` is the CA the client is told to trust; ``other_ca_file`` is
    a second CA the client never trusts.
    """

    ca_file: Path
    other_ca_file: Path
    good: ServerCert          # localhost, 127.0.0.1, ::1 - issued by the trusted CA
    untrusted: ServerCert     # the same names, issued by the other CA
    wrong_host: ServerCert    # wrong.example.test only - trusted CA
    expired: ServerCert       # localhost, 127.0.0.1 - trusted CA, expired yesterday
    self_signed: ServerCert   # localhost, 127.0.0.1 - signed by its own key
    client: ServerCert        # a client certificate issued by the trusted CA


def _write_leaf(leaf: trustme.LeafCert, directory: Path, name: str) -> ServerCert:
    cert_file = directory / f"{name}.crt"
    key_file = directory / f"{name}.key"
    cert_file.write_bytes(b"".join(pem.bytes() for pem in leaf.cert_chain_pems))
    key_file.write_bytes(leaf.private_key_pem.bytes())
    return ServerCert(cert_file, key_file)


def _self_signed(directory: Path) -> ServerCert:
    """A leaf certificate for localhost / 127.0.0.1 signed by its own key
    (trustme only issues CA-signed leaves)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address(HOST)),
        ]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file = directory / "self_signed.crt"
    key_file = directory / "self_signed.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ServerCert(cert_file, key_file)


def make_cert_kit(directory: Path, ca: trustme.CA) -> CertKit:
    """Issue every certificate of :class:`CertKit` from *ca* (and a CA of
    its own for the untrusted one) into *directory*."""
    other_ca = trustme.CA()
    ca_file = directory / "ca.pem"
    other_ca_file = directory / "other_ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    other_ca.cert_pem.write_to_path(str(other_ca_file))
    names = ("localhost", HOST, "::1")
    now = datetime.datetime.now(datetime.timezone.utc)
    expired = ca.issue_cert("localhost", HOST,
                            not_before=now - datetime.timedelta(days=30),
                            not_after=now - datetime.timedelta(days=1))
    return CertKit(
        ca_file=ca_file,
        other_ca_file=other_ca_file,
        good=_write_leaf(ca.issue_cert(*names), directory, "good"),
        untrusted=_write_leaf(other_ca.issue_cert(*names), directory, "untrusted"),
        wrong_host=_write_leaf(ca.issue_cert("wrong.example.test"), directory, "wrong_host"),
        expired=_write_leaf(expired, directory, "expired"),
        self_signed=_self_signed(directory),
        client=_write_leaf(ca.issue_cert("client@example.test", common_name="client"),
                           directory, "client"),
    )


class SNIRecorder:
    """A server ``sni_callback`` that keeps the SNI name of every ClientHello
    (``None`` when the client sent none)."""

    def __init__(self) -> None:
        self.names: list[str | None] = []

    def __call__(self, sslobj: Any, server_name: str | None, ctx: ssl.SSLContext) -> None:
        self.names.append(server_name)


def server_context(cert: ServerCert, *, sni: SNIRecorder | None = None,
                   client_ca: Path | None = None) -> ssl.SSLContext:
    """A server context presenting *cert*; with *client_ca* it requires a
    client certificate issued by that CA."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert.cert_file, cert.key_file)
    if sni is not None:
        ctx.sni_callback = sni
    if client_ca is not None:
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(cafile=client_ca)
    return ctx


def legacy_tls_server_context(cert: ServerCert) -> ssl.SSLContext:
    """A server context that speaks only TLS 1.0 and 1.1. OpenSSL 3 refuses
    those at its default security level, so the cipher string lowers it to 0
    (``@SECLEVEL=0``); Python warns that the versions are deprecated, which
    is the point here."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert.cert_file, cert.key_file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = ssl.TLSVersion.TLSv1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    return ctx


# ----------------------------------------------------------------- aiosmtpd
@dataclass(frozen=True)
class Delivered:
    """One message aiosmtpd accepted, with the TLS state of its connection."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls_version: str | None
    peer_cert: dict[str, Any] | None


class Mailbox:
    """aiosmtpd handler keeping every accepted message."""

    def __init__(self) -> None:
        self.messages: list[Delivered] = []

    async def handle_DATA(self, server: ServerSMTP, session: Session, envelope: Envelope) -> str:
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport else None
        content = envelope.original_content or b""
        self.messages.append(Delivered(
            mail_from=str(envelope.mail_from),
            rcpt_tos=list(envelope.rcpt_tos),
            content=content,
            tls_version=ssl_object.version() if ssl_object is not None else None,
            peer_cert=ssl_object.getpeercert() if ssl_object is not None else None,
        ))
        return "250 2.0.0 delivered"


@dataclass
class ConnectionLog:
    """Plaintext bytes one server connection received (after decryption on
    TLS), and an event set when the connection ended."""

    received: bytearray = field(default_factory=bytearray)
    closed: threading.Event = field(default_factory=threading.Event)

    def lines(self) -> list[bytes]:
        """The received command lines, without their line endings."""
        return [line.rstrip(b"\r") for line in bytes(self.received).split(b"\n") if line]


class _RecordingSMTP(ServerSMTP):
    """aiosmtpd's SMTP, also appending what it receives to a ConnectionLog."""

    def __init__(self, handler: Any, *, log: ConnectionLog, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self._log = log

    def data_received(self, data: bytes) -> None:
        self._log.received += data
        super().data_received(data)

    def connection_lost(self, error: Exception | None) -> None:
        self._log.closed.set()
        super().connection_lost(error)


class _RefusingSTARTTLS(_RecordingSMTP):
    """Advertises STARTTLS (it has a tls_context) but answers it with 454."""

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self.push("454 4.7.0 TLS not available due to temporary reason")


def _check_login(server: ServerSMTP, session: Session, envelope: Envelope,
                 mechanism: str, auth_data: Any) -> AuthResult:
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login == USER.encode() and auth_data.password == SECRET.encode())
    return AuthResult(success=ok)


class TLSSMTPServer(Controller):
    """A real aiosmtpd server on 127.0.0.1 that logs every connection.

    ``ssl_context=`` makes it implicit TLS (SMTPS); ``tls_context=`` offers
    STARTTLS; ``auth=True`` accepts AUTH PLAIN/LOGIN for :data:`USER` /
    :data:`SECRET` (only after TLS unless ``auth_require_tls=False``);
    ``refuse_starttls=True`` answers STARTTLS with 454. Other keyword
    arguments go to aiosmtpd's SMTP. Use as a context manager.
    """

    def __init__(self, *, auth: bool = False, refuse_starttls: bool = False, **kwargs: Any) -> None:
        self.mailbox = Mailbox()
        self.connections: list[ConnectionLog] = []
        self._smtp_class: type[_RecordingSMTP] = _RefusingSTARTTLS if refuse_starttls else _RecordingSMTP
        if auth:
            kwargs.setdefault("authenticator", _check_login)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._listener.bind((HOST, 0))
            port = self._listener.getsockname()[1]
            super().__init__(self.mailbox, hostname=HOST, port=port,
                             server_hostname="mx.example.test", ready_timeout=SERVER_WAIT, **kwargs)
        except BaseException:
            self._listener.close()
            raise

    def factory(self) -> _RecordingSMTP:
        log = ConnectionLog()
        self.connections.append(log)
        return self._smtp_class(self.handler, log=log, **self.SMTP_kwargs)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._listener, ssl=self.ssl_context)

    def __enter__(self) -> TLSSMTPServer:
        try:
            self.start()
        except BaseException:
            self._listener.close()
            raise
        # Forget the connection aiosmtpd's start() makes to wake itself up.
        self.connections.clear()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
        self._listener.close()

    def received_lines(self) -> list[bytes]:
        """Every command line any client connection sent, in order."""
        return [line for conn in self.connections for line in conn.lines()]

    def auth_lines(self) -> list[bytes]:
        """The ``AUTH ...`` lines that reached the server."""
        return [line for line in self.received_lines() if line.upper().startswith(b"AUTH")]


# ----------------------------------------------------------------- scripted
class ScriptConn:
    """The server side of one scripted connection: line reads, raw writes,
    a server-side TLS handshake, and every line received."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock: socket.socket = sock
        self.lines: list[bytes] = []
        self._buf = b""

    def send(self, data: bytes) -> None:
        """Write *data* in a single ``sendall``."""
        self.sock.sendall(data)

    def readline(self) -> bytes | None:
        """One line without CRLF; ``None`` at end of file."""
        while b"\n" not in self._buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                return None
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        line = line.rstrip(b"\r")
        self.lines.append(line)
        return line

    def start_tls(self, ctx: ssl.SSLContext) -> None:
        """Server-side TLS handshake over the same connection."""
        assert not self._buf, "unread bytes before the TLS handshake"
        self.sock = ctx.wrap_socket(self.sock, server_side=True)

    def wait_eof(self) -> bool:
        """Whether the client closes its end (reads until EOF or an error)."""
        try:
            while self.sock.recv(4096):
                pass
        except socket.timeout:
            return False
        except OSError:
            return True
        return True


class ScriptedServer:
    """A loopback server that accepts one connection and runs *script* on
    it in a thread. ``error`` holds what the script raised, ``result`` what
    it returned; both are ready after leaving the ``with`` block."""

    def __init__(self, script: Callable[[ScriptConn], Any]) -> None:
        self._script = script
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind((HOST, 0))
        self._listener.listen(1)
        self._listener.settimeout(SERVER_WAIT)
        self.port: int = self._listener.getsockname()[1]
        self.error: BaseException | None = None
        self.result: Any = None
        self.conn: ScriptConn | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            sock, _ = self._listener.accept()
        except OSError as exc:
            self.error = exc
            return
        sock.settimeout(SERVER_WAIT)
        self.conn = ScriptConn(sock)
        try:
            self.result = self._script(self.conn)
        except BaseException as exc:  # reported to the test, never lost in the thread
            self.error = exc
        finally:
            self.conn.sock.close()

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._thread.join(SERVER_WAIT * 2)
        self._listener.close()
        assert not self._thread.is_alive(), "scripted server thread did not finish"
