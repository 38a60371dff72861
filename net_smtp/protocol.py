"""The wire layer, after Ruby's net/protocol.rb: :class:`BufferedIO` (reads,
writes, timeouts, debug log), :class:`InternetMessageIO` (DATA bodies) and
:class:`WriteAdapter` (the stream handed to ``data`` blocks).

This is the only module that touches a socket, and it knows nothing of
SMTP. Low-level failures are translated here, and only here: a socket
timeout (Python's, or a kernel timer's EAGAIN) becomes ``OpenTimeout``
(connect, TLS handshake), ``ReadTimeout`` or ``WriteTimeout``, a closed peer
``EOFError``, a refused connect an error naming host and port; a line over
its length limit is :class:`LineTooLong`.
"""

from __future__ import annotations

import _socket
import functools
import socket
import sys
import time
from collections.abc import Mapping

from . import _ruby
from ._text import MessageEncoder, as_bytes, message_chunks, redact_command, source_class_name
from .errors import EOFError, OpenTimeout, ReadTimeout, WriteTimeout

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    import ssl
    from typing import Any, Callable

    from ._types import MessageSource
    from ._types import Readable as Readable
    from ._types import SocketLike as SocketLike

__all__ = ["BufferedIO", "InternetMessageIO", "MessageSource", "MessageWriter", "WriteAdapter"]


class DebugSink:
    """Where debug text goes: an object with ``write()`` (one write per
    line), a ``list`` (the pieces appended as Ruby's ``<<`` appends them) or a
    ``logging.Logger`` (each line logged at DEBUG)."""

    __slots__ = ("_target",)

    def __init__(self, target: Any) -> None:
        self._target = target

    @property
    def target(self) -> Any:
        """The object given by the user."""
        return self._target

    def emit(self, *pieces: str) -> None:
        """Write one line of debug text, given in the pieces Ruby writes it
        in (the last one ends with a newline)."""
        target = self._target
        logging = sys.modules.get("logging")  # no Logger can exist before it is imported
        if isinstance(target, list):
            target.extend(pieces)
        elif logging is not None and isinstance(target, logging.Logger):
            target.debug("%s", "".join(pieces).rstrip("\n"))
        else:
            target.write("".join(pieces))


def open_tcp(host: str, port: int | str, timeout: float | None) -> socket.socket:
    """A TCP connection to *host*:*port* with TCP_NODELAY on (a command is
    one write: nothing gains by waiting), each address getaddrinfo gives
    tried in turn within *timeout* as ``socket.create_connection`` does.

    An ASCII host goes to getaddrinfo as bytes: the same name without the
    IDNA codec's Python code on every connect; an empty or overlong label
    then fails in the lookup, as in Ruby, not in the codec.

    Raises:
        OSError: no address could be reached (the last address's error),
            ``socket.gaierror`` for a failed lookup.
    """
    name = host.encode() if host.isascii() else host
    failure: OSError = OSError("getaddrinfo returns an empty list")
    # _socket's getaddrinfo: socket's own wraps each number in an enum
    for family, kind, proto, _, address in _socket.getaddrinfo(name, port, 0,
                                                                socket.SOCK_STREAM):
        sock = None
        try:
            sock = socket.socket(family, kind, proto)
            sock.settimeout(timeout)
            sock.connect(address)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        except OSError as exc:
            if sock is not None:
                sock.close()
            failure = exc
    raise failure


def connect_failure(exc: OSError, host: str, port: object) -> OSError:
    """What a failed TCP connect to *host*:*port* raises: ``OpenTimeout``
    for a timeout, else an error of the same class whose text names the
    host and port as Ruby does (``Connection refused - connect(2) for
    "127.0.0.1" port 25``)."""
    if isinstance(exc, socket.timeout):
        return OpenTimeout("execution expired")
    reason = exc.strerror or str(exc) or type(exc).__name__
    if isinstance(exc, socket.gaierror):
        text = f'getaddrinfo: {reason} (for "{host}" port {port})'
    else:
        text = f'{reason} - connect(2) for "{host}" port {port}'
    try:
        return type(exc)(exc.errno, text)
    except TypeError:  # a subclass with a constructor of its own: keep it as it is
        return exc


def tls_handshake(sock: ssl.SSLSocket, timeout: float | None) -> None:
    """Complete the TLS handshake on *sock* within *timeout* seconds.

    Raises:
        OpenTimeout: the handshake took longer.
        ssl.SSLError, OSError: it failed (a refused certificate included).
    """
    sock.settimeout(timeout)
    try:
        sock.do_handshake()
    except socket.timeout as exc:
        raise OpenTimeout("Net::OpenTimeout") from exc


class LineTooLong(ValueError):
    """The peer sent more than the limit allows without ending the line."""


# Size of one recv(); replies are small, this only bounds the syscalls.
READ_CHUNK = 64 * 1024
# Message bytes gathered before one sendall(): few, large writes.
WRITE_CHUNK = 256 * 1024
# A line longer than this is sent before its end arrives (memory bound).
MAX_HELD_LINE = 4 * 1024 * 1024


_UNSET = object()

# Whether waits can be bounded by a socket's kernel timers: on 64-bit Linux,
# SO_RCVTIMEO and SO_SNDTIMEO take a struct timeval of two native longs.
KERNEL_TIMERS = sys.platform.startswith("linux") and sys.maxsize > 2**32


@functools.lru_cache(maxsize=32)
def _timeval(seconds: float | None) -> bytes:
    """*seconds* as the struct timeval of a kernel timer: ``None`` is zero,
    the kernel's "no limit", so a time of zero (or below a microsecond)
    becomes one microsecond instead."""
    whole = micro = 0
    if seconds is not None:
        whole = int(seconds)
        micro = max(int((seconds - whole) * 1_000_000), 0 if whole > 0 else 1)
    return whole.to_bytes(8, sys.byteorder) + micro.to_bytes(8, sys.byteorder)


class BufferedIO:
    """Line-oriented reads and whole-buffer writes over one connection.

    Ruby: ``Net::BufferedIO``.
    """

    def __init__(self, sock: SocketLike, read_timeout: float | None = 60,
                 write_timeout: float | None = 60,
                 debug_output: DebugSink | None = None,
                 redact: bool = False) -> None:
        self._io = sock
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout
        self.debug_output = debug_output
        self.redact = redact
        # Received bytes not yet read: those of _rbuf from _rpos on (a line
        # sliced out of bytes is copied once; out of a bytearray, twice);
        # _rbuf is empty whenever everything was read.
        self._rbuf = b""
        self._rpos = 0
        # When the current read must be done: read_timeout after its first
        # wait, so a peer trickling bytes cannot stretch a reply for ever.
        self._deadline: float | None = None
        self._last_line = b""  # tells whether the next command answers a 334
        self._closed = False
        # How waits are bounded. A plain socket is made blocking, each way's
        # wait bounded by its kernel timer: one system call per read or
        # write, where a Python socket timeout polls before each. Others
        # get settimeout(): an SSL socket's blocking read retries past a
        # kernel timer, and a test double has none.
        self._timed_socket: socket.socket | None = None
        if KERNEL_TIMERS and type(sock) is socket.socket:
            self._timed_socket = sock
            sock.settimeout(None)
        self._read_bound: object = _UNSET  # the bound each way's wait has now
        self._write_bound: object = _UNSET

    @property
    def io(self) -> SocketLike:
        """The wrapped connection."""
        return self._io

    def is_closed(self) -> bool:
        """Whether :meth:`close` was called. Ruby: ``closed?``."""
        return self._closed

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if not self._closed:
            self._closed = True
            self._io.close()

    def inspect(self) -> str:
        """Ruby's ``inspect`` text."""
        return f"#<Net::{type(self).__name__} io={self._io}>"

    # ------------------------------------------------------------- reading
    def _describe(self) -> str:
        try:
            host, port = self._io.getpeername()[:2]  # type: ignore[attr-defined]
            return f"{host}:{port}"
        except (AttributeError, OSError, ValueError, TypeError):
            return repr(self._io)

    def _bound(self, timeout: float | None, reading: bool) -> None:
        """Bound the next wait for reading (else writing) to *timeout*
        seconds (``None``: no bound). A change costs a system call: callers
        make one only when *timeout* differs from the bound in force."""
        sock = self._timed_socket
        if sock is None:  # settimeout: one bound for both ways
            self._io.settimeout(timeout)
            self._read_bound = self._write_bound = timeout
        elif reading:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, _timeval(timeout))
            self._read_bound = timeout
        else:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, _timeval(timeout))
            self._write_bound = timeout

    def _receive(self) -> bytes:
        """One wait for more bytes, within the current read's deadline (set
        at its first wait).

        Raises:
            ReadTimeout: the deadline passed.
            EOFError: the peer closed the connection.
        """
        timeout = self.read_timeout
        if timeout is not None:
            now = time.monotonic()
            if self._deadline is None:
                self._deadline = now + timeout
            else:
                timeout = self._deadline - now
            if timeout <= 0:
                raise ReadTimeout(self._describe())
        if timeout != self._read_bound:
            self._bound(timeout, True)
        try:
            data = self._io.recv(READ_CHUNK)
        except (socket.timeout, BlockingIOError) as exc:  # a kernel timer: EAGAIN
            raise ReadTimeout(self._describe()) from exc
        if not data:
            raise EOFError("end of file reached")
        return data

    def _find(self, terminator: bytes, limit: int | None) -> int:
        """The offset in the buffer of the next *terminator*, receiving more
        as needed; -1 once more than *limit* bytes have come without one.

        Raises:
            ReadTimeout, EOFError: as :meth:`_receive`.
        """
        rbuf = self._rbuf
        end = rbuf.find(terminator, self._rpos) if rbuf else -1
        while end < 0:
            rest = rbuf[self._rpos:] if rbuf else rbuf
            if limit is not None and len(rest) > limit:
                return -1
            data = self._receive()
            self._rpos = 0
            if rest:
                rbuf = self._rbuf = rest + data
                end = rbuf.find(terminator, max(0, len(rest) - len(terminator) + 1))
            else:
                rbuf = self._rbuf = data
                end = rbuf.find(terminator)
        return end

    def _take(self, end: int, stop: int) -> bytes:
        """Consume the buffer up to offset *end*; returns it up to *stop*."""
        rbuf, start = self._rbuf, self._rpos
        if end < len(rbuf):
            self._rpos = end
        else:
            self._rbuf = b""
            self._rpos = 0
        if self.debug_output is not None:
            self.debug_output.emit(f"-> {_ruby.dump(rbuf[start:end])}\n")
        line = self._last_line = rbuf[start:stop]
        return line

    def readuntil(self, terminator: bytes = b"\n", limit: int | None = None) -> bytes:
        """Bytes up to and including *terminator* (at most *limit* in all),
        a new read with its own deadline.

        Raises:
            EOFError: the peer closed first (a partial line is dropped).
            ReadTimeout: read_timeout passed since the read's first wait.
            LineTooLong: no *terminator* within *limit* bytes.
        """
        self._deadline = None
        end = self._find(terminator, limit)
        if end >= 0:
            end += len(terminator)
        if end < 0 or (limit is not None and end - self._rpos > limit):
            raise LineTooLong(f"no {terminator!r} within {limit} bytes")
        return self._take(end, end)

    def readline(self, limit: int | None = None, continued: bool = False) -> bytes:
        """One line without its LF or CRLF (Ruby: ``readuntil("\\n").chop``).

        Each call is a new read whose waits may last read_timeout in all,
        counted from its first wait; a *continued* line (the next line of
        one reply) shares the deadline of the read before it.

        Raises:
            EOFError, ReadTimeout: as :meth:`readuntil`.
            LineTooLong: the line (its ending not counted) is longer
                than *limit* bytes.
        """
        if not continued:
            self._deadline = None
        if not self._rbuf and self.debug_output is None:
            # The common case: one wait brings exactly one line, ended by CRLF.
            data = self._receive()
            if data.endswith(b"\r\n") and data.count(b"\n") == 1:
                line = data[:-2]
                if limit is not None and len(line) > limit:
                    raise LineTooLong(f"reply line longer than {limit} bytes")
                self._last_line = line
                return line
            self._rbuf = data
            self._rpos = 0
        end = self._find(b"\n", None if limit is None else limit + 2)
        start = self._rpos
        stop = end - 1 if end > start and self._rbuf[end - 1] == 0x0D else end
        if end < 0 or (limit is not None and stop - start > limit):
            raise LineTooLong(f"reply line longer than {limit} bytes")
        return self._take(end + 1, stop)

    # ------------------------------------------------------------- writing
    def send(self, data: bytes | bytearray) -> None:
        """Send raw bytes, all of them within write_timeout (no debug text)."""
        sock = self._timed_socket
        try:
            if sock is None:
                timeout = self.write_timeout
                if timeout != self._write_bound:
                    self._bound(timeout, False)
                self._io.sendall(data)
                return
            try:  # what the socket buffer takes at once needs no timer
                sent = sock.send(data, socket.MSG_DONTWAIT)
            except BlockingIOError:
                sent = 0
            if sent < len(data):
                self._send_rest(sock, data, sent)
        except (socket.timeout, BlockingIOError) as exc:  # a kernel timer: EAGAIN
            raise WriteTimeout(self._describe()) from exc

    def _send_rest(self, sock: socket.socket, data: bytes | bytearray, sent: int) -> None:
        """The rest of a write that the socket buffer could not take at once:
        blocking sends bounded by the kernel timer, each resumed with the
        time left after one a timer or a signal cut short, so the whole
        write (its first part took no time) is bounded by write_timeout."""
        timeout = left = self.write_timeout
        began = time.monotonic()
        view = memoryview(data)
        while True:
            if left != self._write_bound:
                self._bound(left, False)
            sent += sock.send(view[sent:])
            if sent >= len(data):
                return
            if timeout is not None:
                left = timeout - (time.monotonic() - began)
                if left <= 0:
                    raise socket.timeout("timed out")

    def write(self, data: str | bytes) -> int:
        """Send *data* as it is; returns the number of bytes written."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if self.debug_output is not None:
            self.debug_output.emit("<- ", _ruby.dump(data), "\n")
        self.send(raw)
        return len(raw)

    def writeline(self, line: str) -> int:
        """Send *line* and CRLF in one write; returns the bytes written."""
        if self.debug_output is not None:
            answers_challenge = self._last_line.startswith(b"334")
            shown = redact_command(line, answers_challenge) if self.redact else line
            self.debug_output.emit("<- ", _ruby.dump(shown + "\r\n"), "\n")
        raw = (line + "\r\n").encode()
        self.send(raw)
        return len(raw)

    def exchange(self, line: str, limit: int | None) -> bytes:
        """Send the command *line* (:meth:`writeline`) and read the first
        line of its reply (:meth:`readline`)."""
        if self.debug_output is None:
            self.send((line + "\r\n").encode())
        else:
            self.writeline(line)
        return self.readline(limit)

    def writelines(self, lines: list[str]) -> int:
        """Send several command lines, each with CRLF, in one write (a
        pipelined batch); the debug text shows each line as it would alone.
        Returns the bytes written."""
        if self.debug_output is not None:
            for line in lines:
                self.debug_output.emit("<- ", _ruby.dump(line + "\r\n"), "\n")
        raw = "".join(line + "\r\n" for line in lines).encode("utf-8")
        self.send(raw)
        return len(raw)

    def log(self, message: str) -> None:
        """One line of debug text (Ruby: ``LOG``)."""
        if self.debug_output is not None:
            self.debug_output.emit(message + "\n")


class MessageWriter:
    """A DATA body in progress: encodes what it is fed and sends it in large
    writes; :meth:`commit` ends it with the ``.`` line, :meth:`abandon` leaves
    it unterminated.

    Only complete lines leave the buffer before :meth:`commit`, so a body that
    is abandoned half way never puts a partial line on the wire (unless one
    line alone outgrows MAX_HELD_LINE).
    """

    __slots__ = ("_io", "_encoder", "_pending", "_written", "_lines_sent", "_failed", "_adapter")

    def __init__(self, bio: BufferedIO, label: str) -> None:
        self._io = bio
        self._encoder = MessageEncoder()
        self._pending = bytearray()
        self._written = 0
        self._lines_sent = 0  # wire bytes up to the end of the last line sent
        self._failed = False
        self._adapter: WriteAdapter | None = None
        if bio.debug_output is not None:  # no formatting per message otherwise
            bio.log(f"writing message from {label}")

    @property
    def adapter(self) -> WriteAdapter:
        """The stream a ``data`` block writes to (made on first use: most
        messages are fed directly)."""
        if self._adapter is None:
            self._adapter = WriteAdapter(self.write)
        return self._adapter

    def feed(self, data: bytes) -> None:
        """Encode and queue *data*."""
        self._pending += self._encoder.feed(data)
        if len(self._pending) >= WRITE_CHUNK:
            self._flush_lines()

    def write(self, data: bytes) -> int:
        """:meth:`feed` *data*; returns how many wire bytes of complete lines
        it added (Ruby's ``WriteAdapter#write`` value)."""
        before = self._lines_end()
        self.feed(data)
        return self._lines_end() - before

    def _lines_end(self) -> int:
        """Wire bytes encoded so far up to the end of the last complete line."""
        last = self._pending.rfind(b"\n")
        return self._lines_sent if last < 0 else self._written + last + 1

    def _send_head(self, cut: int) -> None:
        """Send the first *cut* queued bytes; the rest stays queued."""
        head, self._pending = self._pending, self._pending[cut:]
        del head[cut:]
        self._failed = True  # until the send returns
        self._io.send(head)
        self._failed = False
        last = head.rfind(b"\n")
        if last >= 0:
            self._lines_sent = self._written + last + 1
        self._written += cut

    def _flush_lines(self) -> None:
        # Keep the last line back: the partial one (never sent before the
        # end), or the last complete one, so the marker never goes out alone.
        pending = self._pending
        cut = pending.rfind(b"\n", 0, len(pending) - 1) + 1
        if cut == 0 and len(pending) < MAX_HELD_LINE:
            return
        self._send_head(cut or len(pending))

    def abandon(self) -> None:
        """Send the complete lines queued so far (as Ruby has them on the wire
        already) unless a write has just failed, and drop the partial one."""
        cut = self._pending.rfind(b"\n") + 1
        if cut and not self._failed:
            try:
                self._send_head(cut)
            except OSError:
                pass
        self._pending = bytearray()

    def commit(self) -> int:
        """Send the rest and the end-of-data marker in one write; returns the
        bytes the whole body took on the wire."""
        self._pending += self._encoder.finish()
        self._send_head(len(self._pending))
        if self._io.debug_output is not None:
            self._io.log(f"wrote {self._written} bytes")
        return self._written


class InternetMessageIO(BufferedIO):
    """BufferedIO that can send a DATA body. Ruby: ``Net::InternetMessageIO``."""

    @staticmethod
    def _write_with(message: MessageWriter, produce: Callable[[], Any]) -> int:
        try:
            produce()
        except BaseException:
            message.abandon()
            raise
        return message.commit()

    def write_message(self, src: MessageSource) -> int:
        """Send *src* as a DATA body, dot-stuffed, with CRLF line endings and
        the ``.`` terminator; returns the number of bytes written."""
        message = MessageWriter(self, source_class_name(src))

        def produce() -> None:
            for chunk in message_chunks(src):
                message.feed(chunk)
        return self._write_with(message, produce)

    def write_message_by_block(self, block: Callable[[WriteAdapter], Any]) -> int:
        """Call *block* with a :class:`WriteAdapter`; what it writes is sent as
        the DATA body (as :meth:`write_message`)."""
        message = self.begin_message()
        return self._write_with(message, lambda: block(message.adapter))

    def begin_message(self, label: str = "block") -> MessageWriter:
        """Start a DATA body written piece by piece; *label* names the
        source in the debug text (``writing message from block``)."""
        return MessageWriter(self, label)


class WriteAdapter:
    """The stream given to ``data``/``open_message_stream`` blocks.

    Ruby: ``Net::WriteAdapter`` (``write``, ``print``, ``puts``, ``printf``,
    ``<<``).
    """

    __slots__ = ("_writer",)

    def __init__(self, writer: Callable[[bytes], int]) -> None:
        self._writer = writer

    def write(self, s: str | bytes) -> int:
        """Add *s* to the message; returns the wire bytes of the lines it
        completed (Ruby's value).

        Raises:
            ArgumentError: *s* is neither str nor bytes.
            OSError, WriteTimeout: the connection failed.
        """
        return self._writer(as_bytes(s, "message text"))

    print = write

    def __lshift__(self, s: str | bytes) -> WriteAdapter:
        self.write(s)
        return self

    def puts(self, s: str | bytes = "") -> int:
        """Write *s* as one line (a trailing line ending is not doubled).

        Raises:
            As :meth:`write`.
        """
        raw = as_bytes(s, "message text")
        if raw.endswith(b"\r\n"):
            raw = raw[:-2]
        elif raw.endswith((b"\n", b"\r")):
            raw = raw[:-1]
        return self._writer(raw + b"\n")

    def printf(self, fmt: str, *args: Any) -> int:
        """Write ``fmt % args`` (C-style formats, as Ruby's ``sprintf``, whose
        rounding of ``%.2f`` it keeps: ``1234.565`` gives ``1234.56``; one
        mapping argument fills ``%(name)s`` fields).

        Raises:
            TypeError, ValueError, KeyError: *fmt* does not fit *args*.
            As :meth:`write`.
        """
        if len(args) == 1 and isinstance(args[0], Mapping):
            return self.write(fmt % args[0])
        return self.write(fmt % _ruby.printf_args(fmt, args))

    def inspect(self) -> str:
        """Ruby's ``inspect`` text."""
        return f"#<Net::WriteAdapter writer={self._writer!r}>"


if not TYPE_CHECKING:
    def __getattr__(name: str) -> object:
        # names only annotations use, made on first use by net_smtp._types
        if name in ("MessageSource", "Readable", "SocketLike"):
            from . import _types

            return getattr(_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
