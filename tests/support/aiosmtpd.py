"""A real aiosmtpd server on 127.0.0.1 for integration tests.

The server listens on a free port chosen by the kernel (no port race), runs in
its own thread (aiosmtpd's ``Controller``) and records every message it
accepts. AUTH is optional: PLAIN and LOGIN go through aiosmtpd's own
authenticator, CRAM-MD5 and XOAUTH2 through handler ``auth_*`` hooks built
on ``server.challenge_auth``.

Public API::

    with AiosmtpdServer() as server:                 # or the conftest fixture
        Net.SMTP.start(server.host, server.port, block=...)
        server.messages      # [ReceivedMessage, ...] in arrival order
        server.auth_events   # [AuthEvent, ...] every AUTH attempt

    AiosmtpdServer(users={'alice': 'secret'},        # PLAIN, LOGIN, CRAM-MD5
                   tokens={'alice': 'ya29.token'})   # XOAUTH2 bearer tokens
    AiosmtpdServer(refuse_ehlo=True)                 # 502 to EHLO: HELO only
    AiosmtpdServer(refusals={'nobody@x': '550 no'})  # RCPT refused per address
    AiosmtpdServer(tls_context=ctx, refuse_starttls=True)  # offers STARTTLS, answers 454
    server.connections   # [ConnectionLog, ...] the raw bytes of each connection
    server.received_lines(), server.auth_lines()

``normalize_line_endings(message)`` gives the content the server should
store for a message (what ``ReceivedMessage.content`` is compared with).

Extra keyword arguments go to ``aiosmtpd.smtp.SMTP`` (``tls_context=``,
``require_starttls=``, ``data_size_limit=``, ...); ``ssl_context=`` makes
the listener implicit TLS.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import os
import ssl
import threading
import time
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, AuthResult, Envelope, LoginPassword, Session
from aiosmtpd.smtp import SMTP as ServerSMTP

__all__ = ["AiosmtpdServer", "AuthEvent", "ConnectionLog", "EhloRefusingHandler",
           "ReceivedMessage", "RecordingHandler", "normalize_line_endings"]

HOST = "127.0.0.1"


@dataclass(frozen=True)
class ReceivedMessage:
    """One message as the server stored it.

    ``content`` is aiosmtpd's ``envelope.original_content``: the DATA body
    with the dot-stuffing removed and the terminating ``.`` line dropped, its
    lines still ended by CRLF, exactly as received.
    """

    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    mail_options: list[str]
    rcpt_options: list[str]
    smtp_utf8: bool
    authenticated_as: str | None
    tls_version: str | None = None
    peer_cert: dict[str, Any] | None = None


@dataclass(frozen=True)
class AuthEvent:
    """One AUTH attempt: the mechanism, the user name the client presented
    (``None`` if it could not be decoded) and whether it succeeded."""

    mechanism: str
    user: str | None
    success: bool


class RecordingHandler:
    """aiosmtpd handler that keeps every accepted message and AUTH attempt.

    Its ``auth_CRAM__MD5`` and ``auth_XOAUTH2`` methods are aiosmtpd custom
    AUTH hooks (a double underscore in the name stands for ``-``); they are
    only offered when the server advertises AUTH.
    """

    def __init__(self, users: Mapping[str, str], tokens: Mapping[str, str],
                 refusals: Mapping[str, str] | None = None,
                 accept_reply: str = "250 2.0.0 OK: message accepted") -> None:
        self.users = dict(users)
        self.tokens = dict(tokens)
        self.refusals = dict(refusals or {})
        self.accept_reply = accept_reply
        self._lock = threading.Lock()
        self._messages: list[ReceivedMessage] = []
        self._authentications: list[AuthEvent] = []

    @property
    def messages(self) -> list[ReceivedMessage]:
        """A snapshot of the messages received so far."""
        with self._lock:
            return list(self._messages)

    @property
    def authentications(self) -> list[AuthEvent]:
        """A snapshot of the AUTH attempts so far. (Not named ``auth_*``:
        aiosmtpd would take such a handler member for an AUTH mechanism.)"""
        with self._lock:
            return list(self._authentications)

    def _record_auth(self, mechanism: str, user: str | None, success: bool) -> None:
        with self._lock:
            self._authentications.append(AuthEvent(mechanism, user, success))

    async def handle_RCPT(self, server: ServerSMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        """Refuse an address of :attr:`refusals` with its reply; accept the rest."""
        refusal = self.refusals.get(address)
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: ServerSMTP, session: Session,
                          envelope: Envelope) -> str:
        """Store the message (and the TLS it came over) and accept it."""
        raw = envelope.original_content
        assert raw is not None and envelope.mail_from is not None
        user = session.auth_data if isinstance(session.auth_data, str) else None
        if isinstance(session.auth_data, LoginPassword):
            user = session.auth_data.login.decode("utf-8", "replace")
        tls = server.transport.get_extra_info("ssl_object") if server.transport else None
        message = ReceivedMessage(
            mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos),
            content=bytes(raw), mail_options=list(envelope.mail_options),
            rcpt_options=list(envelope.rcpt_options), smtp_utf8=bool(envelope.smtp_utf8),
            authenticated_as=user, tls_version=tls.version() if tls is not None else None,
            peer_cert=tls.getpeercert() if tls is not None else None)
        with self._lock:
            self._messages.append(message)
        return self.accept_reply

    def authenticate(self, server: ServerSMTP, session: Session, envelope: Envelope,
                     mechanism: str, auth_data: Any) -> AuthResult:
        """aiosmtpd's ``authenticator`` callable, used for PLAIN and LOGIN."""
        assert isinstance(auth_data, LoginPassword)
        user = auth_data.login.decode("utf-8", "replace")
        expected = self.users.get(user)
        ok = expected is not None and hmac.compare_digest(
            expected.encode("utf-8"), auth_data.password)
        self._record_auth(mechanism, user, ok)
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    async def auth_CRAM__MD5(self, server: ServerSMTP, args: list[str]) -> AuthResult:
        """AUTH CRAM-MD5 (RFC 2195): a fresh challenge, answered by
        ``user hex(hmac_md5(secret, challenge))``."""
        challenge = f"<{os.getpid()}.{time.time_ns()}@{HOST}>".encode("ascii")
        answer = await server.challenge_auth(challenge)
        if answer is MISSING:
            self._record_auth("CRAM-MD5", None, False)
            return AuthResult(success=False, handled=True)
        assert isinstance(answer, bytes)
        user, _, digest = answer.decode("utf-8", "replace").rpartition(" ")
        secret = self.users.get(user)
        ok = secret is not None and hmac.compare_digest(
            digest, hmac.new(secret.encode("utf-8"), challenge, hashlib.md5).hexdigest())
        self._record_auth("CRAM-MD5", user, ok)
        return AuthResult(success=ok, handled=False, auth_data=user)

    async def auth_XOAUTH2(self, server: ServerSMTP, args: list[str]) -> AuthResult:
        """AUTH XOAUTH2 with the initial response
        ``base64("user=U\\x01auth=Bearer T\\x01\\x01")``; a bad token gets 535."""
        if len(args) != 2:
            answer = await server.challenge_auth(b"")
            if answer is MISSING:
                self._record_auth("XOAUTH2", None, False)
                return AuthResult(success=False, handled=True)
            assert isinstance(answer, bytes)
            blob = answer
        else:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except binascii.Error:
                self._record_auth("XOAUTH2", None, False)
                return AuthResult(success=False, handled=False)
        fields = dict(part.split("=", 1) for part in blob.decode("utf-8", "replace")
                      .split("\x01") if "=" in part)
        user = fields.get("user")
        token = self.tokens.get(user) if user is not None else None
        ok = (blob.endswith(b"\x01\x01") and token is not None
              and hmac.compare_digest(fields.get("auth", ""), f"Bearer {token}"))
        self._record_auth("XOAUTH2", user, ok)
        return AuthResult(success=ok, handled=False, auth_data=user)


class EhloRefusingHandler(RecordingHandler):
    """A RecordingHandler whose server answers EHLO with 502 (an old server
    that only knows HELO), through aiosmtpd's ``handle_EHLO`` hook."""

    async def handle_EHLO(self, server: ServerSMTP, session: Session, envelope: Envelope,
                          hostname: str, responses: list[str]) -> list[str]:
        """Replace the EHLO reply with a refusal."""
        return ["502 5.5.1 EHLO not implemented"]


@dataclass
class ConnectionLog:
    """The plaintext bytes one connection brought in (after decryption on
    TLS), and an event set when the connection ended."""

    received: bytearray = field(default_factory=bytearray)
    closed: threading.Event = field(default_factory=threading.Event)

    def lines(self) -> list[bytes]:
        """The received command lines, without their line endings."""
        return [line.rstrip(b"\r") for line in bytes(self.received).split(b"\n") if line]


class _LoggingSMTP(ServerSMTP):
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


class _RefusingSTARTTLS(_LoggingSMTP):
    """Advertises STARTTLS (it has a tls_context) but answers it with 454."""

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self.push("454 4.7.0 TLS not available due to temporary reason")


class _Controller(Controller):
    """A Controller that binds port 0 and reads back the port the kernel
    chose (parallel test runs never collide on a fixed port), and logs the
    bytes of every connection."""

    def __init__(self, handler: Any, *, refuse_starttls: bool, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.connections: list[ConnectionLog] = []
        self._smtp_class = _RefusingSTARTTLS if refuse_starttls else _LoggingSMTP

    def factory(self) -> _LoggingSMTP:
        log = ConnectionLog()
        self.connections.append(log)
        return self._smtp_class(self.handler, log=log, **self.SMTP_kwargs)

    async def _bind_free_port(self) -> asyncio.AbstractServer:
        server = await self.loop.create_server(
            self._factory_invoker, host=self.hostname, port=0, ssl=self.ssl_context)
        self.port = server.sockets[0].getsockname()[1]
        return server

    def _create_server(self) -> Any:
        return self._bind_free_port()


class AiosmtpdServer:
    """A running aiosmtpd server on 127.0.0.1 that records what it receives:
    the messages, the AUTH attempts and the raw bytes of every connection.

    Args:
        users: user -> secret for AUTH PLAIN, LOGIN and CRAM-MD5. Giving
            ``users`` or ``tokens`` turns AUTH on (allowed without TLS unless
            ``auth_require_tls=True``, as this is loopback only).
        tokens: user -> OAuth 2 bearer token for AUTH XOAUTH2.
        ssl_context: a server context for implicit TLS (SMTPS).
        refuse_ehlo: answer EHLO with 502, so clients fall back to HELO.
        refusals: recipient address -> the reply refusing its RCPT TO.
        accept_reply: the reply to an accepted message.
        refuse_starttls: offer STARTTLS (with ``tls_context=``) but answer
            it with 454.
        handler: a handler of one's own (a RecordingHandler subclass with
            other hooks) instead of the one the arguments above make.
        **smtp_kwargs: passed to ``aiosmtpd.smtp.SMTP`` (``tls_context=``
            offers STARTTLS, ``require_starttls=``, ``auth_require_tls=`` ...);
            ``enable_SMTPUTF8`` defaults to True and ``data_size_limit`` to
            None (no limit).
    """

    def __init__(self, *, users: Mapping[str, str] | None = None,
                 tokens: Mapping[str, str] | None = None,
                 ssl_context: ssl.SSLContext | None = None, refuse_ehlo: bool = False,
                 refusals: Mapping[str, str] | None = None,
                 accept_reply: str = "250 2.0.0 OK: message accepted",
                 refuse_starttls: bool = False,
                 handler: RecordingHandler | None = None, **smtp_kwargs: Any) -> None:
        handler_class = EhloRefusingHandler if refuse_ehlo else RecordingHandler
        self.handler: RecordingHandler = handler or handler_class(
            users or {}, tokens or {}, refusals, accept_reply)
        smtp_kwargs.setdefault("enable_SMTPUTF8", True)
        smtp_kwargs.setdefault("data_size_limit", None)
        if users or tokens:
            smtp_kwargs.setdefault("authenticator", self.handler.authenticate)
            smtp_kwargs.setdefault("auth_require_tls", False)
        else:
            smtp_kwargs.setdefault("auth_exclude_mechanism", ["CRAM-MD5", "XOAUTH2"])
        self._controller = _Controller(
            self.handler, refuse_starttls=refuse_starttls, hostname=HOST, port=0,
            ssl_context=ssl_context, **smtp_kwargs)
        self._running = False

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return HOST

    @property
    def port(self) -> int:
        """The port the server listens on (valid once started)."""
        return int(self._controller.port)

    @property
    def server(self) -> str:
        """``127.0.0.1:PORT``, as ``net-smtp send --server`` takes it."""
        return f"{HOST}:{self.port}"

    @property
    def messages(self) -> list[ReceivedMessage]:
        """The messages received so far, in order."""
        return self.handler.messages

    @property
    def auth_events(self) -> list[AuthEvent]:
        """The AUTH attempts so far, in order."""
        return self.handler.authentications

    @property
    def connections(self) -> list[ConnectionLog]:
        """The bytes of every client connection so far, in order."""
        return self._controller.connections

    def received_lines(self) -> list[bytes]:
        """Every command line any client connection sent, in order."""
        return [line for conn in self.connections for line in conn.lines()]

    def auth_lines(self) -> list[bytes]:
        """The ``AUTH ...`` lines that reached the server."""
        return [line for line in self.received_lines() if line.upper().startswith(b"AUTH")]

    def start(self) -> AiosmtpdServer:
        """Start listening; returns self."""
        self._controller.start()
        self._controller.connections.clear()  # aiosmtpd's own wake-up connection
        self._running = True
        return self

    def stop(self) -> None:
        """Stop the server and its thread and close its event loop (idempotent)."""
        if self._running:
            self._running = False
            self._controller.stop()

    def __enter__(self) -> AiosmtpdServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None,
                 exc: BaseException | None, tb: types.TracebackType | None) -> None:
        self.stop()


def normalize_line_endings(message: bytes | str) -> bytes:
    """The message as the server should store it: every line (ended by LF,
    CRLF or a lone CR) ended by CRLF, an unterminated last line terminated,
    an empty message one empty line."""
    raw = message.encode("utf-8") if isinstance(message, str) else message
    if not raw:
        return b"\r\n"
    unified = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if not unified.endswith(b"\n"):
        unified += b"\n"
    return unified.replace(b"\n", b"\r\n")

