"""The one scripted SMTP server of the tests: a real listening socket on
127.0.0.1 whose connections follow a script, for what a real server will
not do on request. Two kinds of script:

* a *profile* (a JSON object, the format of the golden transcripts in
  ``compat_tests/``): the server plays a whole SMTP server from it, and
  keeps a :class:`ConnectionLog` per connection (every byte the client sent,
  after TLS decryption, the offset where TLS began, every byte sent back,
  and anything that went wrong on the server side). The compat replay, the
  Ruby recorders and the translator's replay use it;
* a *handler*, a plain function given a :class:`Conn` (read lines, send
  bytes, start TLS, go silent, close), queued with :meth:`ScriptedServer.expect`
  for the next connection: the fault steps of ``tests.support.faults`` and
  every byte-level misbehaviour of the session tests.

``ScriptedServer(profile)`` serves every connection from *profile* (unless
a handler is queued for it); ``ScriptedServer()`` serves each connection
with the next queued handler.

Profile keys (anything else is a ``ProfileError``):

``hostname``
    first word of the EHLO/HELO replies.
``greeting``
    the action run on connect.
``capabilities`` / ``capabilities_tls``
    EHLO keywords before TLS / after it (``None``: the first list without
    ``STARTTLS``).  STARTTLS is honoured only when advertised before TLS.
``tls`` / ``tls_handshake_delay``
    implicit TLS right after accept (``tls_start`` is then 0), after sitting
    silent for that many seconds.
``auth``
    ``user``, ``secret``, ``cram_challenge``, ``token`` (XOAUTH2 bearer) and
    ``xoauth2_failure`` (``"535"``, or ``"334"`` for a Gmail-style JSON
    challenge before the 535) for the built-in PLAIN, LOGIN, CRAM-MD5 and
    XOAUTH2 exchanges.
``refuse_rcpt``
    mailbox -> the reply line its ``RCPT TO`` gets (a ``replies`` entry for
    RCPT answers the others).
``replies``
    per-verb actions replacing the built-in reply: EHLO HELO MAIL RCPT DATA
    DATA_END (after the message) RSET NOOP VRFY HELP QUIT STARTTLS AUTH or any
    other verb; ``"*"`` answers unknown verbs.
``close_on_quit``
    after answering QUIT, half-close and wait for the client to go.
``per_connection``
    overlays applied to the profile for connection 0, 1, ...

An *action* is ``None`` (the built-in reply), a line, a list of lines, or a
dict with ``lines`` (or ``reply``), ``raw`` (latin-1 text sent verbatim after
the lines), ``delay`` (seconds to wait first; client bytes are still read and
recorded), ``close`` (hang up afterwards) and ``next`` (read the client's next
line as data and answer it with that action), or ``{"seq": [...]}`` (the
n-th use of that verb on a connection takes the n-th entry, the last one
repeating).

Delays end early when the client has hung up or the server is stopped:
neither can change what the client sent.  A stopped server waits for each
client to close its end; one still connected is reported as a server-side
problem.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import queue
import select
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Union

Action = Union[None, str, list[str], dict[str, Any]]

AUTH_DEFAULTS: dict[str, str] = {
    "user": "account",
    "secret": "password",
    "cram_challenge": "<1896.697170952@smtp.example.com>",
    "token": "token",
    "xoauth2_failure": "535",
}

PROFILE_DEFAULTS: dict[str, Any] = {
    "hostname": "smtp.example.com",
    "greeting": "220 smtp.example.com ESMTP fake",
    "capabilities": ["PIPELINING", "SIZE 10240000", "8BITMIME",
                     "AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2", "ENHANCEDSTATUSCODES"],
    "capabilities_tls": None,
    "tls": False,
    "tls_handshake_delay": 0,
    "auth": AUTH_DEFAULTS,
    "refuse_rcpt": {},
    "replies": {},
    "close_on_quit": True,
    "per_connection": [],
}

# The recording server's built-in replies (they show up in the transcripts).
STOCK_REPLIES: dict[str, Action] = {
    "MAIL": "250 2.1.0 Ok",
    "RCPT": "250 2.1.5 Ok",
    "DATA": "354 End data with <CR><LF>.<CR><LF>",
    "DATA_END": "250 2.0.0 Ok: queued as 4B1D3A",
    "RSET": "250 2.0.0 Ok",
    "NOOP": "250 2.0.0 Ok",
    "VRFY": "252 2.0.0 Cannot VRFY user",
    "HELP": ["214-2.0.0 This is a fake server", "214 2.0.0 End of HELP info"],
    "QUIT": "221 2.0.0 Bye",
}
STARTTLS_READY = "220 2.0.0 Ready to start TLS"
STARTTLS_NOT_OFFERED = "502 5.5.1 Error: command not implemented"
UNKNOWN_COMMAND = "502 5.5.2 Error: command not recognized"
AUTH_OK = "235 2.7.0 Authentication successful"
AUTH_FAILED = "535 5.7.8 Error: authentication failed: authentication failure"
AUTH_UNKNOWN_MECHANISM = "504 5.5.4 Unrecognized authentication type"
LOGIN_USER_PROMPT = base64.b64encode(b"Username:").decode("ascii")
LOGIN_PASSWORD_PROMPT = base64.b64encode(b"Password:").decode("ascii")
XOAUTH2_ERROR_JSON = b'{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}'

IDLE_TIMEOUT = 20.0  # seconds a session waits for the client before giving up
STOP_GRACE = 2.0  # seconds a stopping session still waits for the client's EOF
JOIN_TIMEOUT = 10.0  # seconds stop() waits for all session threads together


class ProfileError(ValueError):
    """The profile has a key or shape this server does not understand."""


class _Hangup(Exception):
    """The session is over: the client left, or we closed the connection."""


def _overlay(base: dict[str, Any], overlay: dict[str, Any] | None, where: str) -> dict[str, Any]:
    """*base* with *overlay*'s keys replacing its own (``auth`` merged key by key)."""
    merged = copy.deepcopy(base)
    for key, value in (overlay or {}).items():
        if key not in PROFILE_DEFAULTS:
            raise ProfileError(f"{where}: unknown profile key {key!r}")
        if key == "auth":
            unknown = sorted(set(value) - set(AUTH_DEFAULTS))
            if unknown:
                raise ProfileError(f"{where}: unknown auth key(s) {unknown}")
            merged["auth"].update(value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def resolve_profile(profile: dict[str, Any] | None) -> dict[str, Any]:
    """The defaults overlaid with *profile*; every overlay is checked now."""
    resolved = _overlay(PROFILE_DEFAULTS, profile, "profile")
    for i, overlay in enumerate(resolved["per_connection"]):
        if overlay and "per_connection" in overlay:
            raise ProfileError(f"per_connection[{i}]: overlays cannot nest")
        _overlay(resolved, overlay, f"per_connection[{i}]")
    return resolved


def profile_for_connection(resolved: dict[str, Any], index: int) -> dict[str, Any]:
    """The profile that connection number *index* (from 0) runs with."""
    overlays = resolved["per_connection"]
    if index < len(overlays):
        return _overlay(resolved, overlays[index], f"per_connection[{index}]")
    return resolved


@dataclass
class ConnectionLog:
    """What happened on one accepted connection."""

    index: int
    client: bytearray = field(default_factory=bytearray)
    server: bytearray = field(default_factory=bytearray)
    tls_start: int | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def client_text(self) -> str:
        """The client's bytes viewed as latin-1 (the transcripts' ``client``)."""
        return self.client.decode("latin-1")

    @property
    def server_text(self) -> str:
        """The bytes sent back, viewed as latin-1 (the transcripts' ``server``)."""
        return self.server.decode("latin-1")


def _b64decode(text: str) -> bytes:
    """Lenient base64 (a client's garbage must not crash the session)."""
    try:
        return base64.b64decode(text.strip())
    except ValueError:
        return b"\x00<undecodable>"


class _Session:
    """Serves one connection from its profile; runs in its own thread."""

    def __init__(self, sock: socket.socket, profile: dict[str, Any], log: ConnectionLog,
                 beacon: socket.socket, tls_context: ssl.SSLContext | None) -> None:
        self.sock: socket.socket = sock
        self.profile = profile
        self.log = log
        self.beacon = beacon  # readable once the server is stopping
        self.tls_context = tls_context
        self.pending = bytearray()  # received but not yet consumed as lines
        self.eof = False
        self.in_tls = False
        self.uses: dict[str, int] = {}

    # ------------------------------------------------------------- input
    def _stopping(self) -> bool:
        return bool(select.select([self.beacon], [], [], 0)[0])

    def _take_in(self) -> None:
        """One recv: record and buffer the bytes, or note EOF."""
        try:
            data = self.sock.recv(65536)
        except OSError as exc:  # reset, TLS alert, timeout
            self.log.notes.append(f"recv failed: {exc!r}")
            data = b""
        if not data:
            self.eof = True
            return
        self.log.client += data
        self.pending += data

    def _receive(self, timeout: float) -> bool:
        """Read once if the client sends within *timeout*; False if it did not.

        Stopping the server shortens the wait to ``STOP_GRACE``."""
        if isinstance(self.sock, ssl.SSLSocket) and self.sock.pending():
            self._take_in()
            return True
        ready = select.select([self.sock, self.beacon], [], [], timeout)[0]
        if self.sock not in ready and self.beacon in ready:
            ready = select.select([self.sock], [], [], min(timeout, STOP_GRACE))[0]
        if not ready:
            return False
        self._take_in()
        return True

    def readline(self) -> bytes:
        """The client's next line, ending with LF (raises ``_Hangup`` at EOF)."""
        while True:
            end = self.pending.find(b"\n")
            if end >= 0:
                line = bytes(self.pending[: end + 1])
                del self.pending[: end + 1]
                return line
            if self.eof:
                raise _Hangup()
            if not self._receive(IDLE_TIMEOUT):
                self._client_stuck("waiting for a line")
                raise _Hangup()

    def _client_stuck(self, doing: str) -> None:
        """Report a client that neither sent anything nor closed."""
        why = ("the server stopped" if self._stopping()
               else f"the client was silent for {IDLE_TIMEOUT:g} s")
        self.log.problems.append(f"client still connected when {why} ({doing})")

    def pause(self, seconds: float) -> None:
        """Wait *seconds* while still recording client bytes; end early at
        the client's EOF or when the server stops."""
        deadline = time.monotonic() + seconds
        while not self.eof:
            left = deadline - time.monotonic()
            if left <= 0 or self._stopping():
                return
            self._receive(left)

    # ------------------------------------------------------------ output
    def send(self, data: bytes) -> None:
        """Record *data* as sent, then send it (a departed client is noted)."""
        self.log.server += data
        try:
            self.sock.sendall(data)
        except OSError as exc:
            self.log.notes.append(f"send failed: {exc!r}")

    def hang_up(self) -> None:
        """Stop talking and wait for the client to close its end.

        Plain TCP is half-closed so the client reads EOF; a TLS session just
        waits (a bare FIN under TLS would be a protocol violation)."""
        if not self.in_tls:
            try:
                self.sock.shutdown(socket.SHUT_WR)
            except OSError as exc:
                self.log.notes.append(f"half-close failed: {exc!r}")
        while not self.eof:
            if not self._receive(IDLE_TIMEOUT):
                self._client_stuck("after the server hung up")
                break
        raise _Hangup()

    # ----------------------------------------------------------- actions
    def act(self, action: Action, stock: Action, key: str) -> bytes:
        """Run *action* (``None``: *stock*); return the reply bytes sent."""
        if isinstance(action, dict) and "seq" in action:
            steps = action["seq"]
            if not isinstance(steps, list) or not steps:
                raise ProfileError(f"{key}: 'seq' needs a non-empty list")
            n = self.uses.get(key, 0)
            self.uses[key] = n + 1
            action = steps[min(n, len(steps) - 1)]
        if action is None:
            action = stock
        if action is None:
            return b""
        if isinstance(action, str):
            action = {"lines": [action]}
        elif isinstance(action, list):
            action = {"lines": action}
        elif not isinstance(action, dict):
            raise ProfileError(f"{key}: an action cannot be {action!r}")
        unknown = sorted(set(action) - {"lines", "reply", "raw", "delay", "close", "next"})
        if unknown:
            raise ProfileError(f"{key}: unknown action key(s) {unknown}")
        if action.get("delay"):
            self.pause(float(action["delay"]))
        lines = action.get("lines", action.get("reply")) or []
        if isinstance(lines, str):
            lines = [lines]
        out = b"".join(line.encode("utf-8") + b"\r\n" for line in lines)
        out += str(action.get("raw") or "").encode("latin-1")
        if out:
            self.send(out)
        if action.get("close"):
            self.hang_up()
        if "next" in action:
            self.readline()
            return self.act(action["next"], None, key + "/next")
        return out

    # ----------------------------------------------------------- session
    def run(self) -> None:
        """Greet, then answer commands until the client leaves."""
        try:
            if self.profile["tls"]:
                self.log.tls_start = 0
                delay = float(self.profile["tls_handshake_delay"] or 0)
                if delay and select.select([self.beacon], [], [], delay)[0]:
                    self.log.notes.append("stopped before the TLS handshake")
                    raise _Hangup()
                self.start_tls()
            self.act(self.profile["greeting"], None, "GREETING")
            while True:
                self.command(self.readline())
        except _Hangup:
            pass
        except Exception as exc:  # noqa: BLE001 - reported to the test, not lost in a thread
            self.log.problems.append(f"session crashed: {exc!r}")
        finally:
            self.sock.close()

    def start_tls(self) -> None:
        """Switch to TLS at the current offset of the client's bytes."""
        if self.tls_context is None:
            raise ProfileError("the profile needs TLS but the server has no certificate")
        if self.log.tls_start is None:
            self.log.tls_start = len(self.log.client)
        if self.pending:
            self.log.notes.append(f"{len(self.pending)} plaintext bytes unread at TLS start")
            self.pending.clear()
        self.sock.settimeout(IDLE_TIMEOUT)
        wrapped = self.tls_context.wrap_socket(self.sock, server_side=True,
                                               do_handshake_on_connect=False)
        self.sock = wrapped
        try:
            wrapped.do_handshake()
        except (OSError, ValueError) as exc:
            # The client gave up or refused us; its side of the transcript says which.
            self.log.notes.append(f"TLS handshake failed: {exc!r}")
            raise _Hangup() from exc
        self.in_tls = True

    def ehlo_reply(self) -> list[str]:
        """The built-in EHLO reply: hostname, then the keywords for this phase."""
        keywords = self.profile["capabilities"]
        if self.in_tls:
            keywords = self.profile["capabilities_tls"]
            if keywords is None:
                keywords = [k for k in self.profile["capabilities"] if k.upper() != "STARTTLS"]
        host = self.profile["hostname"]
        lines = [host] + list(keywords)
        return [f"250-{text}" for text in lines[:-1]] + [f"250 {lines[-1]}"]

    def offers(self, keyword: str) -> bool:
        """Whether the pre-TLS EHLO reply advertises *keyword*."""
        return any(k.split(" ")[0].upper() == keyword for k in self.profile["capabilities"])

    def command(self, line: bytes) -> None:
        """Answer one command line: the profile's override, else the built-in."""
        text = line.decode("latin-1").rstrip("\r\n")
        verb = text.split(" ", 1)[0].upper()
        replies = self.profile["replies"]
        override = replies.get(verb)
        if verb == "EHLO":
            self.act(override, self.ehlo_reply(), verb)
        elif verb == "HELO":
            self.act(override, f"250 {self.profile['hostname']}", verb)
        elif verb == "STARTTLS":
            allowed = self.offers("STARTTLS") and not self.in_tls
            sent = self.act(override, STARTTLS_READY if allowed else STARTTLS_NOT_OFFERED, verb)
            if allowed and sent.startswith(b"220"):
                self.start_tls()
        elif verb == "AUTH":
            if override is not None:
                self.act(override, None, verb)
            else:
                self.authenticate(text)
        elif verb == "DATA":
            sent = self.act(override, STOCK_REPLIES["DATA"], verb)
            if sent.startswith(b"3"):
                while self.readline() != b".\r\n":
                    pass
                self.act(replies.get("DATA_END"), STOCK_REPLIES["DATA_END"], "DATA_END")
        elif verb == "QUIT":
            self.act(override, STOCK_REPLIES["QUIT"], verb)
            if self.profile["close_on_quit"]:
                self.hang_up()
        elif verb == "RCPT":
            mailbox = text.partition("<")[2].partition(">")[0]
            refusal = self.profile["refuse_rcpt"].get(mailbox)
            self.act(override if refusal is None else refusal, STOCK_REPLIES[verb], verb)
        elif verb in STOCK_REPLIES and verb != "DATA_END":
            self.act(override, STOCK_REPLIES[verb], verb)
        else:
            self.act(override if override is not None else replies.get("*"),
                     UNKNOWN_COMMAND, verb)

    # -------------------------------------------------------------- AUTH
    def challenge(self, text: str) -> str:
        """Send ``334 text`` and return the client's answer line."""
        self.send(f"334 {text}\r\n".encode("latin-1"))
        return self.readline().decode("latin-1").rstrip("\r\n")

    def authenticate(self, text: str) -> None:
        """The built-in AUTH exchanges, checked against ``profile['auth']``."""
        settings = self.profile["auth"]
        words = text.split(" ")
        mechanism = words[1].upper() if len(words) > 1 else ""
        initial = words[2] if len(words) > 2 else None
        user = settings["user"].encode("utf-8")
        secret = settings["secret"].encode("utf-8")
        if mechanism == "PLAIN":
            answer = initial if initial is not None else self.challenge("")
            ok = _b64decode(answer) == b"\x00" + user + b"\x00" + secret
        elif mechanism == "LOGIN":
            name = initial if initial is not None else self.challenge(LOGIN_USER_PROMPT)
            password = self.challenge(LOGIN_PASSWORD_PROMPT)
            ok = (_b64decode(name), _b64decode(password)) == (user, secret)
        elif mechanism == "CRAM-MD5":
            nonce = settings["cram_challenge"].encode("utf-8")
            reply = _b64decode(self.challenge(base64.b64encode(nonce).decode("ascii")))
            digest = hmac.new(secret, nonce, hashlib.md5).hexdigest().encode("ascii")
            ok = reply == user + b" " + digest
        elif mechanism == "XOAUTH2":
            token = settings["token"].encode("utf-8")
            expected = b"user=" + user + b"\x01auth=Bearer " + token + b"\x01\x01"
            ok = initial is not None and _b64decode(initial) == expected
            if not ok and settings["xoauth2_failure"] == "334":
                self.challenge(base64.b64encode(XOAUTH2_ERROR_JSON).decode("ascii"))
        else:
            self.act(AUTH_UNKNOWN_MECHANISM, None, "AUTH")
            return
        self.act(AUTH_OK if ok else AUTH_FAILED, None, "AUTH")


# ------------------------------------------------------------- handlers
SAFETY = 10.0  # no handler-side wait lasts longer: a broken test fails, never hangs
END_OF_DATA = b"\r\n.\r\n"
BODY_FAULT_AFTER = 64 * 1024  # body bytes read before the ``during_body`` fault


class FaultDone(Exception):
    """Ends a handler after its fault was injected."""


class PeerClosed(Exception):
    """The client closed the connection while the handler waited for data."""


class Conn:
    """The server side of one accepted connection, driven by a handler.

    ``received`` holds every byte read from the client (decrypted once TLS
    is on), ``lines`` every line :meth:`readline` returned, ``messages``
    the DATA bodies a handler kept, ``peer_closed`` whether the client was
    seen closing its end. ``fault`` is the ``(step, mode)`` the test queued
    with the handler: :meth:`point` injects it at that step.
    """

    def __init__(self, sock: socket.socket, expected: Expected) -> None:
        self.sock: socket.socket = sock
        self.sock.settimeout(SAFETY)
        self._expected = expected
        self.fault = expected.fault
        self.received = bytearray()
        self.lines: list[bytes] = []
        self.messages: list[bytes] = []
        self.peer_closed = False
        self._rbuf = bytearray()

    # -------------------------------------------------------------- I/O
    def send(self, data: bytes) -> None:
        """Send *data* as it is."""
        self.sock.sendall(data)

    def _recv(self, size: int = 65536) -> bytes:
        try:
            data = self.sock.recv(size)
        except socket.timeout:
            raise  # the client neither sent nor closed: the test's failure
        except OSError as exc:
            self.peer_closed = True
            raise PeerClosed(str(exc)) from exc
        if not data:
            self.peer_closed = True
            raise PeerClosed("end of file")
        self.received += data
        return data

    def readline(self) -> bytes:
        """One line from the client, CRLF included.

        Raises:
            PeerClosed: the client closed the connection first.
        """
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0:
                line = bytes(self._rbuf[:end + 1])
                del self._rbuf[:end + 1]
                self.lines.append(line)
                return line
            self._rbuf += self._recv()

    def expect(self, prefix: bytes) -> bytes:
        """Read one line and check that it starts with *prefix*."""
        line = self.readline()
        if not line.upper().startswith(prefix.upper()):
            raise AssertionError(f"server expected {prefix!r}, got {line!r}")
        return line

    def read_exactly(self, size: int) -> bytes:
        """Exactly *size* bytes (raw, for TLS records)."""
        while len(self._rbuf) < size:
            self._rbuf += self._recv(size - len(self._rbuf))
        data = bytes(self._rbuf[:size])
        del self._rbuf[:size]
        return data

    def read_body(self) -> bytes:
        """A DATA body up to the terminating dot (not included). The
        ``during_body`` fault fires once 64 KiB have arrived without it."""
        checked = False
        start = 0
        while True:
            end = self._rbuf.find(END_OF_DATA, start)
            if end >= 0:
                body = bytes(self._rbuf[:end + 2])
                del self._rbuf[:end + len(END_OF_DATA)]
                return body
            if not checked and len(self._rbuf) >= BODY_FAULT_AFTER:
                checked = True
                self.point("during_body")
            start = max(0, len(self._rbuf) - len(END_OF_DATA) + 1)
            self._rbuf += self._recv()

    def wait_eof(self) -> bool:
        """Read until the client closes its end; whether it did (False when
        it stayed silent for the handler's whole wait)."""
        try:
            while True:
                self._recv()
        except PeerClosed:
            return True
        except socket.timeout:
            return False

    def close(self) -> None:
        """Close the connection abruptly (no TLS close_notify)."""
        self.sock.close()

    # -------------------------------------------------------------- faults
    def point(self, step: str) -> None:
        """Inject the queued fault if this is its step: ``drop`` closes the
        connection, ``silent`` stops answering (:meth:`go_silent`)."""
        if self.fault is None or self.fault[0] != step:
            return
        if self.fault[1] == "drop":
            self.close()
        else:
            self.go_silent()
        raise FaultDone(step)

    def go_silent(self) -> None:
        """Neither read nor answer until the test releases the handler, then
        read until the client's end of file (sets ``peer_closed``)."""
        self._expected.released.wait(SAFETY)
        if not self.wait_eof():
            self.peer_closed = False

    def start_tls(self, context: ssl.SSLContext) -> None:
        """Server side of the TLS handshake; the ``during_tls_handshake``
        fault answers the real ClientHello with half of a real first flight."""
        if self._rbuf:
            raise AssertionError(f"client sent {bytes(self._rbuf)!r} before the handshake")
        if self.fault is not None and self.fault[0] == "during_tls_handshake":
            header = self.read_exactly(5)
            hello = header + self.read_exactly(int.from_bytes(header[3:5], "big"))
            incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
            tls = context.wrap_bio(incoming, outgoing, server_side=True)
            incoming.write(hello)
            try:
                tls.do_handshake()
            except ssl.SSLWantReadError:
                pass
            flight = outgoing.read()
            self.send(flight[:len(flight) // 2])
            self.point("during_tls_handshake")
        self.sock = context.wrap_socket(self.sock, server_side=True)


Handler = Callable[[Conn], object]


class Expected:
    """One connection a test expects: its handler, then what happened on it
    (``conn``, the handler's return ``value`` or its ``error``)."""

    def __init__(self, handler: Handler, fault: tuple[str, str] | None) -> None:
        self.handler = handler
        self.fault = fault
        self.released = threading.Event()
        self.finished = threading.Event()
        self.conn: Conn | None = None
        self.value: object = None
        self.error: BaseException | None = None

    def release(self) -> None:
        """Let a silent handler go on to wait for the client's close."""
        self.released.set()

    def result(self, timeout: float = SAFETY + 5) -> Conn:
        """Wait for the handler to end; its Conn (handler errors re-raised)."""
        self.released.set()
        if not self.finished.wait(timeout):
            raise AssertionError("the scripted server's handler did not finish")
        if self.error is not None:
            raise self.error
        assert self.conn is not None
        return self.conn

    def run(self, sock: socket.socket) -> None:
        """Run the handler on *sock* (in the connection's thread)."""
        conn = Conn(sock, self)
        self.conn = conn
        try:
            self.value = self.handler(conn)
        except (FaultDone, PeerClosed):
            pass
        except BaseException as exc:  # reported to the test, never lost in the thread
            self.error = exc
        finally:
            conn.close()
            self.finished.set()


# ---------------------------------------------------------------- server
class ScriptedServer:
    """Accepts connections on 127.0.0.1 and serves each one: with the next
    handler queued by :meth:`expect`, else from the profile. ``{}`` plays
    the default profile; ``None`` (no profile) makes each connection wait
    for its handler.

    *rcvbuf* sets SO_RCVBUF on the listener (inherited by connections), so
    a server that stops reading makes the client block sooner.

    Use as a context manager, or call ``start()`` and ``stop()``; ``stop()``
    joins every thread and closes every socket it opened."""

    def __init__(self, profile: dict[str, Any] | None = None,
                 tls_context: ssl.SSLContext | None = None, *,
                 rcvbuf: int | None = None) -> None:
        self._handlers_only = profile is None
        self.profile = resolve_profile(profile)
        self.tls_context = tls_context
        self.connections: list[ConnectionLog] = []
        self._sessions: list[tuple[ConnectionLog | None, threading.Thread]] = []
        self._expected: queue.Queue[Expected] = queue.Queue()
        self._all_expected: list[Expected] = []
        self._beacon, self._beacon_trigger = socket.socketpair()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf is not None:
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="scripted-accept",
                                          daemon=True)
        self._stopped = False

    def expect(self, handler: Handler, fault: tuple[str, str] | None = None) -> Expected:
        """Queue *handler* for the next connection, with *fault* as
        ``(step, mode)`` for :meth:`Conn.point`."""
        expected = Expected(handler, fault)
        self._all_expected.append(expected)
        self._expected.put(expected)
        return expected

    def start(self) -> int:
        """Start accepting; returns the port."""
        self._acceptor.start()
        return self.port

    def _accept_loop(self) -> None:
        while True:
            ready = select.select([self._listener, self._beacon], [], [])[0]
            if self._listener in ready:
                self._serve(self._listener.accept()[0])
            elif self._beacon in ready:
                break
        # Clients that connected just before the stop are still served.
        self._listener.setblocking(False)
        while True:
            try:
                sock = self._listener.accept()[0]
            except (BlockingIOError, InterruptedError):
                return
            self._serve(sock)

    def _serve(self, sock: socket.socket) -> None:
        sock.setblocking(True)
        if not self._expected.empty() or self._handlers_only:
            thread = threading.Thread(target=self._run_handler, args=(sock,),
                                      name="scripted-handler", daemon=True)
            self._sessions.append((None, thread))
            thread.start()
            return
        log = ConnectionLog(len(self.connections))
        self.connections.append(log)
        try:
            profile = profile_for_connection(self.profile, log.index)
        except ProfileError as exc:
            log.problems.append(str(exc))
            sock.close()
            return
        session = _Session(sock, profile, log, self._beacon, self.tls_context)
        thread = threading.Thread(target=session.run, name=f"scripted-conn-{log.index}",
                                  daemon=True)
        self._sessions.append((log, thread))
        thread.start()

    def _run_handler(self, sock: socket.socket) -> None:
        """The next queued handler serves *sock* (waited for until stop)."""
        while True:
            try:
                expected = self._expected.get(timeout=0.1)
                break
            except queue.Empty:
                if self._stopped:
                    sock.close()
                    return
        expected.run(sock)

    def stop(self) -> None:
        """Stop accepting, let every session see its client go, close all."""
        if self._stopped:
            return
        self._stopped = True
        for expected in self._all_expected:
            expected.released.set()
        self._beacon_trigger.send(b"!")
        if self._acceptor.ident is not None:
            self._acceptor.join(JOIN_TIMEOUT)
        self._listener.close()
        deadline = time.monotonic() + JOIN_TIMEOUT
        for log, thread in self._sessions:
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive() and log is not None:
                log.problems.append("session thread still running after stop")
        if not self._acceptor.is_alive() and not any(t.is_alive() for _, t in self._sessions):
            # (a thread still running would fail on a closed beacon; it is reported instead)
            self._beacon.close()
            self._beacon_trigger.close()

    def problems(self) -> list[str]:
        """Every server-side problem, prefixed by its connection number."""
        return [f"connection {log.index}: {p}" for log in self.connections for p in log.problems]

    def __enter__(self) -> ScriptedServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
