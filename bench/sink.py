"""A minimal SMTP sink for the benchmark: it accepts everything, keeps only a
fingerprint of each message, and is cheap enough never to be the bottleneck.

Run as its own process: ``python3 bench/sink.py --log FILE``. It listens on
127.0.0.1 (an ephemeral port unless ``--port``), prints ``port N`` on stdout,
then serves one connection at a time (the benchmark clients run one session
at a time). When a connection ends it appends one JSON line to the log:

``{"helo": "EHLO localhost", "quit": true, "errors": [...], "msgs": [...]}``

where each message is ``[from, [to, ...], [mail params], size, sha1, data_ns,
cpu_ns]``: the envelope, then the size and SHA-1 of the DATA bytes exactly as
received - everything after the 354 reply up to and including the ``.``
CRLF terminator - and the wall and CPU time the sink spent between sending
354 and seeing the terminator (the runner's throughput check).

Replies are single lines: 220 greeting, 250 to EHLO/HELO (no extensions: no
client pipelines, negotiates TLS or adds SIZE), 250 to MAIL/RCPT/RSET/NOOP,
354 to DATA, 250 after the body, 221 to QUIT, 502 to anything else.

Speed: a DATA body is received straight into one reusable buffer, and the
end is looked for only at the end of what has arrived (see
:meth:`Connection.receive_body`). A large body is hashed by a helper thread
after the 250 reply, so hashing is not on the client's path; the session's
log line waits for it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import sys
import threading
import time
from typing import Any, List, Optional, Tuple

TERMINATOR = b"\r\n.\r\n"
COMMAND_RECV = 64 * 1024
FIRST_BUFFER = 4 * 1024 * 1024
HASH_LATER = 256 * 1024  # bodies this large are hashed off the reply path


class BodyBuffer:
    """The buffer DATA bodies are received into; it grows to the largest
    body seen and is reused. A body being hashed in the background keeps it
    busy until :meth:`settle`."""

    def __init__(self) -> None:
        self.data = bytearray(FIRST_BUFFER)
        self.view = memoryview(self.data)
        self._hashing: Optional[threading.Thread] = None

    def grow(self, keep: int) -> None:
        """Double the buffer, keeping its first *keep* bytes."""
        bigger = bytearray(2 * len(self.data))
        bigger[:keep] = self.view[:keep]
        self.view.release()
        self.data = bigger
        self.view = memoryview(bigger)

    def hash_later(self, size: int, into: List[Any], slot: int) -> None:
        """SHA-1 of the first *size* bytes, stored in ``into[slot]`` by a
        helper thread (hashlib releases the GIL for large data)."""
        view = self.view[:size]

        def work() -> None:
            into[slot] = hashlib.sha1(view).hexdigest()
            view.release()
        self._hashing = threading.Thread(target=work)
        self._hashing.start()

    def settle(self) -> None:
        """Wait for a background hash to finish."""
        if self._hashing is not None:
            self._hashing.join()
            self._hashing = None


class Connection:
    """One SMTP session."""

    def __init__(self, sock: socket.socket, body: BodyBuffer) -> None:
        self.sock = sock
        self.body = body
        self.pending = b""
        self.record: dict[str, Any] = {"helo": None, "quit": False, "errors": [], "msgs": []}
        self.mail_from: Optional[Tuple[str, List[str]]] = None
        self.rcpts: List[str] = []

    def reply(self, line: bytes) -> None:
        """Send one reply line."""
        self.sock.sendall(line)

    def next_line(self) -> Optional[bytes]:
        """The next command line without its line ending; None at EOF."""
        while True:
            end = self.pending.find(b"\n")
            if end >= 0:
                line = self.pending[:end]
                self.pending = self.pending[end + 1:]
                return line[:-1] if line.endswith(b"\r") else line
            data = self.sock.recv(COMMAND_RECV)
            if not data:
                return None
            self.pending += data

    def serve(self) -> None:
        """Run the session until QUIT or end of file."""
        self.reply(b"220 sink ESMTP ready\r\n")
        while True:
            line = self.next_line()
            if line is None:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.record["helo"] = line.decode("latin-1")
                self.reply(b"250 sink\r\n")
            elif verb == b"MAIL":
                self.mail_from = _path(line, b"FROM:")
                self.rcpts = []
                self.reply(b"250 OK\r\n")
            elif verb == b"RCPT":
                self.rcpts.append(_path(line, b"TO:")[0])
                self.reply(b"250 OK\r\n")
            elif verb == b"DATA":
                if self.mail_from is None or not self.rcpts:
                    self.record["errors"].append("DATA without MAIL/RCPT")
                    self.reply(b"503 bad sequence\r\n")
                    continue
                self.body.settle()
                self.reply(b"354 go ahead\r\n")
                self.receive_body()
                self.reply(b"250 OK queued\r\n")
            elif verb in (b"RSET", b"NOOP"):
                self.mail_from = None
                self.rcpts = []
                self.reply(b"250 OK\r\n")
            elif verb == b"QUIT":
                self.record["quit"] = True
                self.reply(b"221 bye\r\n")
                return
            else:
                self.record["errors"].append("unexpected command " + line[:40].decode("latin-1"))
                self.reply(b"502 not implemented\r\n")

    def receive_body(self) -> None:
        """Receive one DATA body into the body buffer and fingerprint it.

        The sink offers no PIPELINING, so a client must wait for the reply
        after the terminator: the body ends when the data received so far
        ends with CRLF ``.`` CRLF (the CRLF of the DATA line counts, so a
        body that is just ``.`` CRLF is empty). Looking only there, rather
        than searching every byte, keeps the sink fast. A client that breaks
        the rule - a bare terminator inside the body, or a command sent
        early - shows up as a mismatching hash, an unexpected command or a
        run that times out.
        """
        wall0 = time.perf_counter_ns()
        cpu0 = time.process_time_ns()
        body = self.body
        size = len(self.pending)
        while len(body.data) < size:
            body.grow(0)
        body.view[:size] = self.pending
        self.pending = b""
        while not _ends_body(body.view, size):
            if size == len(body.data):
                body.grow(size)
            count = self.sock.recv_into(body.view[size:])
            if count == 0:
                raise EOFError("connection closed inside DATA")
            size += count
        wall = time.perf_counter_ns() - wall0
        cpu = time.process_time_ns() - cpu0
        assert self.mail_from is not None
        entry: List[Any] = [self.mail_from[0], self.rcpts, self.mail_from[1], size, None,
                            wall, cpu]
        self.record["msgs"].append(entry)
        if size >= HASH_LATER:
            body.hash_later(size, entry, 4)
        else:
            entry[4] = hashlib.sha1(body.view[:size]).hexdigest()
        self.mail_from = None
        self.rcpts = []


def _ends_body(view: memoryview, size: int) -> bool:
    """Whether the first *size* bytes end with the terminator (the CRLF of the
    DATA line counts as the CRLF before it)."""
    if size >= len(TERMINATOR):
        return view[size - len(TERMINATOR):size] == TERMINATOR
    return (b"\r\n" + bytes(view[:size])).endswith(TERMINATOR)


def _path(line: bytes, keyword: bytes) -> Tuple[str, List[str]]:
    """The address in ``MAIL FROM:<a> params`` / ``RCPT TO:<a>`` and the
    parameters after it."""
    rest = line[5:].lstrip()
    if rest[:len(keyword)].upper() == keyword:
        rest = rest[len(keyword):]
    words = rest.decode("latin-1").split()
    address = words[0] if words else ""
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1]
    return address, words[1:]


def serve_forever(listener: socket.socket, log_fd: int) -> None:
    """Serve connections one after another; log one line per session."""
    body = BodyBuffer()
    while True:
        sock, _ = listener.accept()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = Connection(sock, body)
        try:
            conn.serve()
        except (OSError, EOFError) as exc:
            conn.record["errors"].append(f"{type(exc).__name__}: {exc}")
        finally:
            sock.close()
        body.settle()
        line = (json.dumps(conn.record, separators=(",", ":")) + "\n").encode("ascii")
        written = 0
        while written < len(line):
            written += os.write(log_fd, line[written:])


def main(argv: Optional[List[str]] = None) -> None:
    """Listen, announce the port, serve until terminated."""
    parser = argparse.ArgumentParser(description="Minimal SMTP sink for bench/run.py.")
    parser.add_argument("--log", required=True, help="file that gets one JSON line per session")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    log_fd = os.open(args.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    sys.stdout.write(f"port {listener.getsockname()[1]}\n")
    sys.stdout.flush()
    try:
        serve_forever(listener, log_fd)
    except KeyboardInterrupt:
        pass
    finally:
        listener.close()
        os.close(log_fd)


if __name__ == "__main__":
    main()
