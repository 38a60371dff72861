"""Servers on 127.0.0.1 for the reliability tests (faults, timeouts, bounds).

:class:`FaultServer` is a scripted SMTP server over a real loopback socket.
Each accepted connection is run by a handler (a plain function given a
:class:`Conn`); :func:`mail_session` is a complete submission session
(greeting, EHLO, optional STARTTLS, AUTH LOGIN, any number of messages,
QUIT) that can drop the connection, or go silent, at any of
:data:`FAULT_STEPS` - things a real server will not do on request.
"""

from __future__ import annotations

import queue
import socket
import ssl
import threading
from typing import Any, Callable

# No server-side wait lasts longer than this: a broken test fails, never hangs.
SAFETY = 10.0

# Where mail_session can inject a fault, in session order.
FAULT_STEPS = (
    "before_greeting",       # accepted, nothing sent yet
    "mid_greeting",          # part of the 220 line sent, no line end
    "after_ehlo",            # EHLO read, no reply
    "mid_multiline",         # two of the EHLO reply's continuation lines sent
    "after_starttls_220",    # STARTTLS answered 220, no handshake yet
    "during_tls_handshake",  # ClientHello read, half the server's first flight sent
    "after_auth_challenge",  # AUTH LOGIN's first 334 sent and answered, no next reply
    "after_mail",            # MAIL read, no reply
    "after_rcpt",            # RCPT read, no reply
    "after_data_354",        # DATA answered 354, body not read
    "during_body",           # 64 KiB of a larger body read, then the fault
    "after_dot",             # whole body and the terminating dot read, no reply
    "during_quit",           # QUIT read, no reply
)
FAULT_MODES = ("drop", "silent")
# How much of a body mail_session reads before the "during_body" fault.
BODY_FAULT_AFTER = 64 * 1024
EHLO_NAME = b"fault.test"
END_OF_DATA = b"\r\n.\r\n"


class FaultDone(Exception):
    """Ends a handler after its fault was injected."""


class PeerClosed(Exception):
    """The client closed the connection while the handler waited for data."""


class Conn:
    """The server side of one accepted connection, driven by a handler.

    ``received`` holds every byte read from the client (decrypted once TLS
    is on); ``messages`` every DATA body (dot-stuffed wire form, without the
    terminator) that was answered 250; ``peer_closed`` whether the client
    was seen closing its end.
    """

    def __init__(self, sock: socket.socket, session: Session) -> None:
        self.sock: socket.socket = sock
        self.sock.settimeout(SAFETY)
        self._session = session
        self.fault = session.fault
        self.received = bytearray()
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
        """One line from the client, CRLF included."""
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0:
                line = bytes(self._rbuf[:end + 1])
                del self._rbuf[:end + 1]
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

    def close(self) -> None:
        """Close the connection abruptly (no TLS close_notify)."""
        self.sock.close()

    # -------------------------------------------------------------- faults
    def point(self, step: str) -> None:
        """Inject the configured fault if this is its step."""
        if self.fault is None or self.fault[0] != step:
            return
        if self.fault[1] == "drop":
            self.close()
        else:
            self.go_silent()
        raise FaultDone(step)

    def go_silent(self) -> None:
        """Neither read nor answer until the test releases the session, then
        read until the client's end of file (sets ``peer_closed``)."""
        self._session.released.wait(SAFETY)
        try:
            while True:
                self._recv()
        except PeerClosed:
            pass
        except socket.timeout:
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


Handler = Callable[[Conn], None]


class Session:
    """One expected connection: its handler, then what happened on it."""

    def __init__(self, handler: Handler, fault: tuple[str, str] | None) -> None:
        self.handler = handler
        self.fault = fault
        self.released = threading.Event()
        self.finished = threading.Event()
        self.conn: Conn | None = None
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


class FaultServer:
    """A listening socket on 127.0.0.1 whose connections, one at a time, are
    each run by the next handler given to :meth:`expect`.

    *rcvbuf* sets SO_RCVBUF on the listener (inherited by connections), so
    a handler that stops reading makes the client block sooner.
    """

    def __init__(self, rcvbuf: int | None = None) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf is not None:
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.settimeout(SAFETY)
        self.port: int = self._listener.getsockname()[1]
        self._queue: queue.Queue[Session | None] = queue.Queue()
        self._sessions: list[Session] = []
        self._thread = threading.Thread(target=self._run, name="fault-server", daemon=True)
        self._thread.start()

    def expect(self, handler: Handler, fault: tuple[str, str] | None = None) -> Session:
        """Queue *handler* for the next connection, with *fault* as
        ``(step, mode)`` for :meth:`Conn.point`."""
        session = Session(handler, fault)
        self._sessions.append(session)
        self._queue.put(session)
        return session

    def _run(self) -> None:
        while True:
            session = self._queue.get()
            if session is None:
                return
            try:
                sock, _ = self._listener.accept()
            except OSError as exc:
                session.error = exc
                session.finished.set()
                continue
            conn = Conn(sock, session)
            session.conn = conn
            try:
                session.handler(conn)
            except (FaultDone, PeerClosed):
                pass
            except BaseException as exc:
                session.error = exc
            finally:
                conn.close()
                session.finished.set()

    def close(self) -> None:
        """Stop serving; wait for the server thread."""
        for session in self._sessions:
            session.released.set()
        self._queue.put(None)
        self._listener.close()
        self._thread.join(SAFETY + 5)

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def ehlo_reply(*keywords: bytes) -> bytes:
    """A multi-line 250 reply to EHLO listing *keywords*."""
    lines = [b"250-" + EHLO_NAME] + [b"250-" + k for k in keywords[:-1]] + [b"250 " + keywords[-1]]
    return b"".join(line + b"\r\n" for line in lines)


def mail_session(conn: Conn, tls_context: ssl.SSLContext | None = None) -> None:
    """A complete session: greeting, EHLO (STARTTLS and EHLO again when
    *tls_context* is given), AUTH LOGIN, messages until QUIT. Calls
    ``conn.point(step)`` at every step of :data:`FAULT_STEPS`."""
    conn.point("before_greeting")
    greeting = b"220 " + EHLO_NAME + b" ESMTP ready\r\n"
    conn.send(greeting[:9])
    conn.point("mid_greeting")
    conn.send(greeting[9:])
    conn.expect(b"EHLO ")
    conn.point("after_ehlo")
    keywords = [b"PIPELINING", b"8BITMIME", b"AUTH LOGIN PLAIN", b"SIZE 100000000"]
    if tls_context is not None:
        keywords.insert(1, b"STARTTLS")
    reply = ehlo_reply(*keywords)
    cut = reply.index(b"\r\n", reply.index(b"\r\n") + 2) + 2
    conn.send(reply[:cut])
    conn.point("mid_multiline")
    conn.send(reply[cut:])
    if tls_context is not None:
        conn.expect(b"STARTTLS")
        conn.send(b"220 2.0.0 Ready to start TLS\r\n")
        conn.point("after_starttls_220")
        conn.start_tls(tls_context)
        conn.expect(b"EHLO ")
        conn.send(ehlo_reply(b"PIPELINING", b"8BITMIME", b"AUTH LOGIN PLAIN", b"SIZE 100000000"))
    conn.expect(b"AUTH LOGIN")
    conn.send(b"334 VXNlcm5hbWU6\r\n")
    conn.readline()
    conn.point("after_auth_challenge")
    conn.send(b"334 UGFzc3dvcmQ6\r\n")
    conn.readline()
    conn.send(b"235 2.7.0 Authentication successful\r\n")
    serve_transactions(conn)


def serve_transactions(conn: Conn) -> None:
    """Answer MAIL, RCPT, DATA (recording bodies), RSET and NOOP until QUIT."""
    while True:
        line = conn.readline()
        verb = line[:4].upper()
        if verb == b"QUIT":
            conn.point("during_quit")
            conn.send(b"221 2.0.0 Bye\r\n")
            return
        if verb == b"MAIL":
            conn.point("after_mail")
            conn.send(b"250 2.1.0 Ok\r\n")
        elif verb == b"RCPT":
            conn.point("after_rcpt")
            conn.send(b"250 2.1.5 Ok\r\n")
        elif verb == b"DATA":
            conn.send(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            conn.point("after_data_354")
            body = conn.read_body()
            conn.point("after_dot")
            conn.messages.append(body)
            conn.send(b"250 2.0.0 Ok: queued\r\n")
        elif verb in (b"RSET", b"NOOP"):
            conn.send(b"250 2.0.0 Ok\r\n")
        else:
            conn.send(b"502 5.5.2 Command not recognized\r\n")


def greet_and_serve(conn: Conn) -> None:
    """A plain session without AUTH: greeting, EHLO, transactions."""
    conn.send(b"220 " + EHLO_NAME + b" ESMTP ready\r\n")
    conn.expect(b"EHLO ")
    conn.send(ehlo_reply(b"PIPELINING", b"8BITMIME"))
    serve_transactions(conn)
