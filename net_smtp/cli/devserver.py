"""A local SMTP server for development and demos, built on aiosmtpd.

Used by ``net-smtp serve`` (run in the foreground until SIGINT / SIGTERM)
and ``net-smtp demo`` (run in a background thread of the same process).

The listening socket is bound by :meth:`DevServer.bind` before any event
loop runs, so a busy port is reported at once as a :class:`ListenError`
instead of surfacing later inside a thread.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import mailbox
import signal
import socket
import ssl
import threading
import time
import weakref
from typing import Any, Callable, NamedTuple

from aiosmtpd import __version__ as aiosmtpd_version
from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from .. import __version__

__all__ = [
    "Credentials",
    "DevServer",
    "BackgroundServer",
    "ListenError",
    "MaildirStore",
    "MboxStore",
    "ReceivedMessage",
    "format_address",
    "is_loopback_host",
    "run_until_signalled",
    "server_tls_context",
]

SERVER_NAME = "localhost"
SERVER_IDENT = f"net-smtp {__version__} dev server (aiosmtpd {aiosmtpd_version})"
AUTH_REQUIRED_REPLY = "530 5.7.0 Authentication required"


class _QuietAiosmtpdLog(logging.Filter):
    """Tames aiosmtpd's log for a development server: drops the warning
    aiosmtpd 1.4 gives about its own use of ``Session.login_data`` after
    every AUTH, and turns a session's traceback (a client that failed the
    TLS handshake, say) into one line naming the cause."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "login_data is deprecated" in record.getMessage():
            return False
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            cause = exc.__cause__ or exc
            record.msg = f"{record.getMessage()}: {type(cause).__name__}: {cause}"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


_AIOSMTPD_LOG = logging.getLogger("mail.log")
_AIOSMTPD_FILTER = _QuietAiosmtpdLog()


class ListenError(OSError):
    """The server could not listen on the requested address."""

    def __init__(self, host: str, port: int, cause: OSError) -> None:
        reason = cause.strerror or str(cause)
        super().__init__(cause.errno, f"cannot listen on {format_address(host, port)}: {reason}")
        self.host = host
        self.port = port

    def __str__(self) -> str:
        return str(self.strerror)


def format_address(host: str, port: int) -> str:
    """``host:port``, with an IPv6 literal in brackets."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def is_loopback_host(host: str) -> bool:
    """Whether *host* is ``localhost`` or a loopback IP literal (no lookup)."""
    if host.rstrip(".").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Credentials(NamedTuple):
    """The one user name and password ``serve --auth`` accepts."""

    user: str
    password: str

    def accepts(self, login: bytes, password: bytes) -> bool:
        """Whether *login* / *password* match, in constant time."""
        user_ok = hmac.compare_digest(login, self.user.encode("utf-8"))
        password_ok = hmac.compare_digest(password, self.password.encode("utf-8"))
        return user_ok and password_ok


class ReceivedMessage(NamedTuple):
    """One message as the server received it."""

    peer: str
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes
    """The DATA body as received: CRLF line endings, dot-stuffing removed."""
    tls: bool
    user: str | None
    received_at: float

    def unix_bytes(self) -> bytes:
        """The content with LF line endings, as local mail files keep it."""
        return self.content.replace(b"\r\n", b"\n")

    def header_block(self) -> bytes:
        """The header section (without the blank line that ends it)."""
        text = self.unix_bytes()
        if text.startswith(b"\n"):
            return b""
        end = text.find(b"\n\n")
        return text if end < 0 else text[:end + 1]


Deliver = Callable[[ReceivedMessage], None]
"""Called for each message as it arrives (in the server's event loop)."""


def _peer_text(peer: Any) -> str:
    if isinstance(peer, tuple) and len(peer) >= 2:
        return format_address(str(peer[0]), int(peer[1]))
    return str(peer)


def _bare_address(address: str | None) -> str:
    """aiosmtpd keeps the null sender as ``<>``; the envelope has ``''``."""
    return "" if address in (None, "<>") else str(address)


class _Handler:
    """aiosmtpd hooks: AUTH check before MAIL, hand each message to *deliver*."""

    def __init__(self, deliver: Deliver, credentials: Credentials | None) -> None:
        self._deliver = deliver
        self._credentials = credentials

    async def handle_EHLO(self, server: SMTPProtocol, session: Session, envelope: Envelope,
                          hostname: str, responses: list[str]) -> list[str]:
        """Drop the AUTH line when no credentials are configured (aiosmtpd
        would offer mechanisms that can only fail)."""
        session.host_name = hostname
        if self._credentials is not None:
            return responses
        return [line for line in responses if not line[4:].startswith("AUTH")]

    async def handle_MAIL(self, server: SMTPProtocol, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        if self._credentials is not None and not session.authenticated:
            return AUTH_REQUIRED_REPLY
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTPProtocol, session: Session,
                          envelope: Envelope) -> str:
        content = envelope.original_content
        if content is None:
            content = envelope.content if isinstance(envelope.content, bytes) else b""
        user = session.auth_data if isinstance(session.auth_data, str) else None
        message = ReceivedMessage(
            peer=_peer_text(session.peer), mail_from=_bare_address(envelope.mail_from),
            rcpt_tos=tuple(envelope.rcpt_tos), content=content,
            tls=session.ssl is not None, user=user, received_at=time.time())
        try:
            self._deliver(message)
        except (OSError, mailbox.Error) as exc:
            return f"451 4.3.0 Could not store the message: {' '.join(str(exc).split())}"
        return "250 OK"

    def authenticate(self, server: SMTPProtocol, session: Session, envelope: Envelope,
                     mechanism: str, auth_data: Any) -> AuthResult:
        """aiosmtpd's authenticator hook (PLAIN and LOGIN give LoginPassword)."""
        if (self._credentials is not None and isinstance(auth_data, LoginPassword)
                and self._credentials.accepts(auth_data.login, auth_data.password)):
            return AuthResult(success=True, auth_data=auth_data.login.decode("utf-8", "replace"))
        return AuthResult(success=False, handled=False)


class DevServer:
    """aiosmtpd on a socket this object binds itself.

    *deliver* is called with each :class:`ReceivedMessage`; an ``OSError``
    it raises makes the server answer 451. With *credentials*, MAIL is
    refused with 530 until the client has authenticated (AUTH PLAIN or
    LOGIN); with *tls_context*, STARTTLS is offered and AUTH is only offered
    after it.
    """

    def __init__(self, host: str, port: int, deliver: Deliver, *,
                 credentials: Credentials | None = None,
                 tls_context: ssl.SSLContext | None = None) -> None:
        self._host = host
        self._port = port
        self._handler = _Handler(deliver, credentials)
        self._credentials = credentials
        self._tls_context = tls_context
        self._sock: socket.socket | None = None
        _AIOSMTPD_LOG.addFilter(_AIOSMTPD_FILTER)
        self._connections: weakref.WeakSet[SMTPProtocol] = weakref.WeakSet()

    @property
    def address(self) -> tuple[str, int]:
        """The host and port listened on (the real port once bound)."""
        if self._sock is None:
            return self._host, self._port
        name = self._sock.getsockname()
        return str(name[0]), int(name[1])

    def bind(self) -> tuple[str, int]:
        """Bind and listen (port 0 picks a free port); returns :attr:`address`.

        Raises:
            ListenError: the address cannot be resolved or bound (busy port).
        """
        self._listen()
        return self.address

    def _listen(self) -> socket.socket:
        try:
            infos = socket.getaddrinfo(self._host, self._port, type=socket.SOCK_STREAM,
                                       flags=socket.AI_PASSIVE)
        except socket.gaierror as exc:
            raise ListenError(self._host, self._port, exc) from exc
        family, kind, proto, _, sockaddr = infos[0]
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(sockaddr)
            sock.listen(64)
            sock.setblocking(False)
        except OSError as exc:
            sock.close()
            raise ListenError(self._host, self._port, exc) from exc
        self._sock = sock
        return sock

    def close(self) -> None:
        """Close the listening socket (when :meth:`serve_until` never ran)."""
        if self._sock is not None:
            self._sock.close()

    def _protocol(self, loop: asyncio.AbstractEventLoop) -> SMTPProtocol:
        has_auth = self._credentials is not None
        protocol = SMTPProtocol(
            self._handler, hostname=SERVER_NAME, ident=SERVER_IDENT, enable_SMTPUTF8=True,
            tls_context=self._tls_context,
            authenticator=self._handler.authenticate if has_auth else None,
            auth_require_tls=self._tls_context is not None, loop=loop)
        self._connections.add(protocol)
        return protocol

    async def serve_until(self, stop: asyncio.Event,
                          on_ready: Callable[[], None] | None = None) -> None:
        """Accept connections until *stop* is set, then close every one."""
        sock = self._sock or self._listen()
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: self._protocol(loop), sock=sock)
        try:
            if on_ready is not None:
                on_ready()
            await stop.wait()
        finally:
            server.close()
            for protocol in list(self._connections):
                if protocol.transport is not None:
                    protocol.transport.close()
            await server.wait_closed()
            await asyncio.sleep(0)
            self._sock = None


class BackgroundServer:
    """A :class:`DevServer` on an event loop in a daemon thread, for use in
    ``with``: bound and accepting on entry, stopped and joined on exit."""

    def __init__(self, server: DevServer, ready_timeout: float = 10.0) -> None:
        self._server = server
        self._ready_timeout = ready_timeout
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        await self._server.serve_until(self._stop, self._ready.set)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to the thread that waits in __enter__
            self._error = exc
        finally:
            self._ready.set()

    def __enter__(self) -> tuple[str, int]:
        address = self._server.bind()
        self._thread = threading.Thread(target=self._run, name="net-smtp-devserver", daemon=True)
        self._thread.start()
        if not self._ready.wait(self._ready_timeout):
            self.__exit__(None, None, None)
            raise TimeoutError("the SMTP server did not start in time")
        if self._error is not None:
            self._thread.join()
            raise self._error
        return address

    def __exit__(self, *exc_info: object) -> None:
        loop, stop, thread = self._loop, self._stop, self._thread
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # the loop closed meanwhile
                pass
        if thread is not None:
            thread.join()
        self._server.close()


def run_until_signalled(server: DevServer,
                        on_ready: Callable[[], None] | None = None) -> None:
    """Serve in this thread until SIGINT or SIGTERM (or Ctrl-C), then close
    every connection and return."""

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, stop.set)
            except (NotImplementedError, RuntimeError):  # no signal support here
                pass
        await server.serve_until(stop, on_ready)

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def server_tls_context(cert_file: str, key_file: str | None = None) -> ssl.SSLContext:
    """A server context for STARTTLS from a PEM certificate (chain) and key.

    Raises:
        OSError, ssl.SSLError: a file is missing or not a usable PEM.
    """
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context


class MaildirStore:
    """Stores each message as a file in a Maildir (created if missing)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._box = mailbox.Maildir(path, create=True)

    def add(self, message: ReceivedMessage) -> str:
        """Store *message*; returns the file it went to."""
        key = self._box.add(message.unix_bytes())
        return f"{self.path}/new/{key}"

    def close(self) -> None:
        """Release the mailbox."""
        self._box.close()


class MboxStore:
    """Appends each message to an mbox file, locked while it writes, with the
    envelope sender in the ``From`` separator line."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._box = mailbox.mbox(path, create=True)

    def add(self, message: ReceivedMessage) -> str:
        """Append *message*; returns a description of where it went."""
        sender = "".join(message.mail_from.split()) or "MAILER-DAEMON"
        stamp = time.asctime(time.gmtime(message.received_at))
        separator = f"From {sender} {stamp}\n".encode()
        self._box.lock()
        try:
            self._box.add(separator + message.unix_bytes())
            self._box.flush()
            number = len(self._box)
        finally:
            self._box.unlock()
        return f"{self.path} (message {number})"

    def close(self) -> None:
        """Flush and release the mbox file."""
        self._box.close()
