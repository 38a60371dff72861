"""A Python take on the ``FakeServer`` of Ruby's test/net/smtp/test_smtp.rb.

One thread serves one SMTP connection over a real socket bound to every
address ``localhost`` resolves to (loopback only), as Ruby's
``Socket.tcp_server_sockets('localhost', 0)`` does. It records each command
line it receives (``commands``) and the unstuffed message body (``body``).

Capabilities are keyword arguments of :meth:`FakeServer.start`, as in Ruby:
``starttls=True``, ``auth='plain'`` (or a list), ``smtputf8=True``, and
``tls=True`` for implicit TLS. Where a Ruby test redefines one of the
server's methods on the instance (``def server.greeting``), the Python test
passes a callable of the same name to the constructor; it is called with the
server first: ``FakeServer(greeting=lambda s: s.puts("400 BUSY\\r\\n"))``.

The TLS certificate is issued at test time by a ``trustme`` authority.
"""

from __future__ import annotations

import base64
import binascii
import functools
import ipaddress
import select
import socket
import ssl
import threading
from typing import Any, Callable, ClassVar

import trustme

__all__ = [
    "CRAM_MD5_ANSWER",
    "CRAM_MD5_CHALLENGE",
    "FakeServer",
    "HOOKS",
    "PLAIN_ANSWER",
    "XOAUTH2_ANSWER",
    "server_tls_context",
    "tls_authority",
]

Handler = Callable[..., Any]

# The methods a test may replace, with the arguments they are called with
# (after the server itself): init(), greeting(), ehlo(domain), starttls(),
# auth(*words), mail(rest), rcpt(rest), data(), rset(), quit().
HOOKS = frozenset({"init", "greeting", "ehlo", "starttls", "auth", "mail", "rcpt",
                   "data", "rset", "quit"})

# The account is fixed to "account" / "password" (XOAUTH2: token "token").
# These are the exact client answers Ruby's FakeServer accepts, so the
# client's encoding is checked against Ruby's known-good values, not
# recomputed here with the same algorithm.
PLAIN_ANSWER = "AGFjY291bnQAcGFzc3dvcmQ="
XOAUTH2_ANSWER = "dXNlcj1hY2NvdW50AWF1dGg9QmVhcmVyIHRva2VuAQE="
CRAM_MD5_CHALLENGE = "PDEyMzQ1Njc4OTAuMTIzNDVAc2VydmVybmFtZT4="
CRAM_MD5_ANSWER = "YWNjb3VudCAyYzBjMTgxZjkxOGU2ZGM5Mjg3Zjk3N2E1ODhiMzg1YQ=="

# How often a blocked read or accept looks at the stop flag.
POLL_SECONDS = 0.05
# Bound on one write or TLS handshake by the server.
IO_TIMEOUT = 10.0
# How long stop() waits for the server thread.
JOIN_TIMEOUT = 10.0


class _Stopped(Exception):
    """Raised inside the server thread when stop() was called."""


@functools.cache
def tls_authority() -> trustme.CA:
    """The test-time certificate authority (one per test process)."""
    return trustme.CA()


@functools.cache
def server_tls_context() -> ssl.SSLContext:
    """A server context with a certificate for localhost, 127.0.0.1 and ::1
    issued by :func:`tls_authority`."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls_authority().issue_cert("localhost", "127.0.0.1", "::1").configure_cert(ctx)
    return ctx


def _chomp(line: str) -> str:
    """Ruby's ``String#chomp``: drop one trailing CRLF, LF or CR."""
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


def _localhost_addresses() -> list[tuple[int, tuple[Any, ...]]]:
    """The loopback addresses ``localhost`` resolves to, without repeats."""
    seen: list[tuple[int, tuple[Any, ...]]] = []
    for family, _type, _proto, _name, sockaddr in socket.getaddrinfo(
            "localhost", 0, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE):
        if not ipaddress.ip_address(sockaddr[0]).is_loopback:
            continue
        entry = (family, sockaddr)
        if entry not in seen:
            seen.append(entry)
    if not seen:
        raise OSError("localhost resolves to no loopback address")
    return seen


def _listen_localhost(attempts: int = 20) -> tuple[list[socket.socket], int]:
    """Listening sockets on every localhost address, all on one free port
    (the first bind picks it; if another address has it taken, start over)."""
    addresses = _localhost_addresses()
    for _ in range(attempts):
        listeners: list[socket.socket] = []
        port = 0
        try:
            for family, sockaddr in addresses:
                sock = socket.socket(family, socket.SOCK_STREAM)
                listeners.append(sock)
                if family == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                sock.bind((sockaddr[0], port) + tuple(sockaddr[2:]))
                sock.listen(8)
                port = sock.getsockname()[1]
            return listeners, port
        except OSError:
            for sock in listeners:
                sock.close()
    raise OSError("no port free on every localhost address")


class FakeServer:
    """A scripted one-connection SMTP server speaking over real loopback
    sockets, after Ruby's ``Net::FakeServer``."""

    _running: ClassVar[list[FakeServer]] = []

    def __init__(self, ssl_context: ssl.SSLContext | None = None, **overrides: Handler) -> None:
        """A server not yet listening (``port`` is ``None`` until start).

        Raises:
            TypeError: an override names no replaceable method (see HOOKS).
        """
        unknown = sorted(set(overrides) - HOOKS)
        if unknown:
            raise TypeError(f"no FakeServer method to override: {', '.join(unknown)}")
        self._overrides: dict[str, Handler] = dict(overrides)
        self._ssl_context = ssl_context
        self.port: int | None = None
        self.commands: list[str] = []
        self.body = ""
        self.error: BaseException | None = None
        self._capa: dict[str, Any] = {}
        self._tls = False
        self._starttls_started = False
        self._listeners: list[socket.socket] = []
        self._conn: socket.socket | None = None
        self._rbuf = bytearray()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False

    # ------------------------------------------------------------ control
    def start(self, **capabilities: Any) -> FakeServer:
        """Listen and serve one connection in a thread; returns self.

        Each capability becomes an EHLO line: ``True`` -> ``KEY``, a str ->
        ``KEY VALUE``, a list -> ``KEY V1 V2``; ``None``/``False`` -> nothing.
        ``tls=True`` makes the server expect a TLS handshake at once.
        """
        self.commands = []
        self.body = ""
        self._capa = dict(capabilities)
        self._tls = bool(self._capa.pop("tls", False))
        self._listeners, self.port = _listen_localhost()
        FakeServer._running.append(self)
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name=f"rb-fake-smtp-{self.port}")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the thread and close every socket (a second call does nothing).

        Raises:
            AssertionError: the server thread failed or hung (as Ruby's
                ``abort_on_exception`` makes a server failure fail the test).
        """
        if self._stopped:
            return
        self._stopped = True
        if self in FakeServer._running:
            FakeServer._running.remove(self)
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(JOIN_TIMEOUT)
            if self._thread.is_alive() and self.error is None:
                self.error = TimeoutError(f"server thread still running after {JOIN_TIMEOUT} s")
        self._close_connection()
        self._close_listeners()
        if self.error is not None:
            raise AssertionError(f"fake SMTP server on port {self.port} failed: "
                                 f"{self.error!r}") from self.error

    @classmethod
    def stop_all(cls) -> None:
        """Stop every started server (test teardown); re-raise the first failure."""
        first: AssertionError | None = None
        while cls._running:
            try:
                cls._running[0].stop()
            except AssertionError as exc:
                first = first or exc
        if first is not None:
            raise first

    def is_starttls_started(self) -> bool:
        """Whether a STARTTLS handshake completed. Ruby: ``starttls_started?``."""
        return self._starttls_started

    def wait_until_stopped(self) -> None:
        """Block until :meth:`stop` (for an ``init`` that never accepts)."""
        self._stopping.wait()

    # ------------------------------------------------------------ socket I/O
    def puts(self, text: str) -> None:
        """Send *text* (UTF-8), adding a newline unless it ends with one."""
        if not text.endswith("\n"):
            text += "\n"
        conn = self._connection()
        conn.settimeout(IO_TIMEOUT)
        conn.sendall(text.encode("utf-8"))

    def gets(self) -> str | None:
        """The next line with its line ending; at end of file what is left
        (``None`` when nothing is)."""
        conn = self._connection()
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0:
                line = bytes(self._rbuf[:end + 1])
                del self._rbuf[:end + 1]
                return line.decode("utf-8", "replace")
            conn.settimeout(POLL_SECONDS)
            try:
                data = conn.recv(65536)
            except socket.timeout:
                if self._stopping.is_set():
                    raise _Stopped() from None
                continue
            if not data:
                rest = bytes(self._rbuf)
                self._rbuf.clear()
                return rest.decode("utf-8", "replace") if rest else None
            self._rbuf += data

    def shutdown_write(self) -> None:
        """Half-close: the client reads end of file. Ruby: ``shutdown(:WR)``."""
        self._connection().shutdown(socket.SHUT_WR)

    def _connection(self) -> socket.socket:
        if self._conn is None:
            raise RuntimeError("no client connection")
        return self._conn

    def _accept(self) -> socket.socket:
        while True:
            ready, _w, _x = select.select(self._listeners, [], [], POLL_SECONDS)
            if ready:
                conn, _peer = ready[0].accept()
                return conn
            if self._stopping.is_set():
                raise _Stopped()

    def _wrap_tls(self) -> None:
        """Replace the connection by a server-side TLS one, handshake done."""
        ctx = self._ssl_context or server_tls_context()
        tls = ctx.wrap_socket(self._connection(), server_side=True,
                              do_handshake_on_connect=False)
        self._conn = tls
        tls.settimeout(IO_TIMEOUT)
        tls.do_handshake()

    def _close_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def _close_listeners(self) -> None:
        listeners, self._listeners = self._listeners, []
        for sock in listeners:
            sock.close()

    # ------------------------------------------------------------ the session
    def _run(self) -> None:
        try:
            self._call("init")
            if self._conn is not None:
                self._loop()
        except (_Stopped, ConnectionResetError, ConnectionAbortedError, BrokenPipeError):
            pass
        except BaseException as exc:  # reported by stop(), like abort_on_exception
            self.error = exc
        finally:
            self._close_connection()

    def _call(self, hook: str, *args: Any) -> None:
        override = self._overrides.get(hook)
        if override is not None:
            override(self, *args)
        else:
            getattr(self, hook)(*args)

    def _loop(self) -> None:
        while True:
            comm = self.gets()
            if comm is None:
                return
            self.commands.append(comm)
            line = _chomp(comm)
            if line.startswith("EHLO "):
                words = comm.split()
                self._call("ehlo", words[1] if len(words) > 1 else None)
            elif line == "STARTTLS":
                self._call("starttls")
            elif line.startswith("AUTH "):
                self._call("auth", *line[len("AUTH "):].split())
            elif line.startswith("MAIL FROM:"):
                self._call("mail", line[len("MAIL FROM:"):])
            elif line.startswith("RCPT TO:"):
                self._call("rcpt", line[len("RCPT TO:"):])
            elif line == "DATA":
                self._call("data")
            elif line == "RSET":
                self._call("rset")
            elif line == "QUIT":
                self._call("quit")
                return
            else:
                self.puts("502 5.5.2 Error: command not recognized\r\n")

    # ------------------------------------------------------------ replaceable methods
    def init(self) -> None:
        """Accept the client, do the TLS handshake if ``tls=True``, greet."""
        self._conn = self._accept()
        if self._tls:
            self._wrap_tls()
        self._call("greeting")

    def greeting(self) -> None:
        """The 220 greeting."""
        self.puts("220 ready\r\n")

    def ehlo(self, _domain: str | None) -> None:
        """A multi-line 220 reply listing the capabilities given to start."""
        lines = ["220-servername\r\n"]
        for key, value in self._capa.items():
            if value is None or value is False:
                continue
            if value is True:
                lines.append(f"220-{key.upper()}\r\n")
            elif isinstance(value, str):
                lines.append(f"220-{key.upper()} {value.upper()}\r\n")
            elif isinstance(value, (list, tuple)):
                lines.append(f"220-{key.upper()} {' '.join(v.upper() for v in value)}\r\n")
            else:
                raise ValueError(f"invalid capability: {key}={value!r}")
        lines[-1] = "220 " + lines[-1][4:]
        self.puts("".join(lines))

    def starttls(self) -> None:
        """220 and a TLS handshake if ``starttls=True``, else 502."""
        if not self._capa.get("starttls"):
            self.puts("502 5.5.1 Error: command not implemented\r\n")
            return
        self.puts("220 2.0.0 Ready to start TLS\r\n")
        if self._rbuf:
            raise AssertionError(f"client sent {bytes(self._rbuf)!r} before the TLS handshake")
        self._wrap_tls()
        self._starttls_started = True

    def _gets_base64(self) -> bytes | None:
        line = self.gets()
        if line is None:
            return None
        try:
            return base64.b64decode(line.strip())
        except (binascii.Error, ValueError):
            return None

    def auth(self, *args: str) -> None:
        """AUTH for the fixed account with the mechanisms given as ``auth=``."""
        offered = self._capa.get("auth")
        if not offered:
            self.puts("503 5.5.1 Error: authentication not enabled\r\n")
            return
        mechanism = args[0] if args else ""
        answer = args[1] if len(args) > 1 else None
        names = [offered] if isinstance(offered, str) else list(offered)
        if mechanism.upper() not in [name.upper() for name in names]:
            self.puts("535 5.7.8 Error: authentication failed: no mechanism available\r\n")
            return
        if mechanism == "PLAIN":
            ok = answer == PLAIN_ANSWER
        elif mechanism == "LOGIN":
            self.puts("334 VXNlcm5hbWU6\r\n")
            user = self._gets_base64()
            self.puts("334 UGFzc3dvcmQ6\r\n")
            secret = self._gets_base64()
            ok = user == b"account" and secret == b"password"
        elif mechanism == "CRAM-MD5":
            self.puts(f"334 {CRAM_MD5_CHALLENGE}\r\n")
            reply = self.gets()
            ok = reply is not None and _chomp(reply) == CRAM_MD5_ANSWER
        elif mechanism == "XOAUTH2":
            ok = answer == XOAUTH2_ANSWER
        else:
            ok = False
        if ok:
            self.puts("235 2.7.0 Authentication successful\r\n")
        else:
            self.puts("535 5.7.8 Error: authentication failed: authentication failure\r\n")

    def mail(self, _rest: str) -> None:
        """Accept any sender."""
        self.puts("250 2.1.0 Ok\r\n")

    def rcpt(self, _rest: str) -> None:
        """Accept any recipient."""
        self.puts("250 2.1.0 Ok\r\n")

    def data(self) -> None:
        """354, then collect the body up to the ``.`` line (one leading dot
        removed from each line), then 250."""
        self.puts("354 End data with <CR><LF>.<CR><LF>\r\n")
        while True:
            line = self.gets()
            if line is None:
                return
            if _chomp(line) == ".":
                break
            self.body += line[1:] if line.startswith(".") else line
        self.puts("250 2.0.0 Ok: queued as ABCDEFG\r\n")

    def rset(self) -> None:
        """250."""
        self.puts("250 2.0.0 Ok\r\n")

    def quit(self) -> None:
        """221, then close the connection and stop listening."""
        self.puts("221 2.0.0 Bye\r\n")
        self._close_connection()
        self._close_listeners()
