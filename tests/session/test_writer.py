"""The DATA body writer (``InternetMessageIO.write_message`` and
``write_message_by_block``) over a real ``socket.socketpair()``: exact bytes
for every source type, few and large socket writes, the terminator in the
same write as the last data, a file never read whole, and the ``wrote N
bytes`` debug count."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from net_smtp import Net
from net_smtp.protocol import DebugSink, InternetMessageIO, WriteAdapter
from tests.support.aiosmtpd import normalize_line_endings
from tests.support.wire import encode_message, unstuff_message


class CountingSocket:
    """A real socket whose ``sendall`` calls are recorded (sizes and the last
    bytes of each), so tests can see how the writer cuts its output."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.writes: list[int] = []
        self.tails: list[bytes] = []

    def sendall(self, data: Any) -> None:
        view = memoryview(data)
        self.writes.append(view.nbytes)
        self.tails.append(bytes(view[-8:]))
        self._sock.sendall(data)

    def recv(self, bufsize: int) -> bytes:
        return self._sock.recv(bufsize)

    def settimeout(self, value: float | None) -> None:
        self._sock.settimeout(value)

    def getpeername(self) -> Any:
        return ("socketpair", 0)

    def close(self) -> None:
        self._sock.close()


class Drain:
    """Reads everything the peer end receives, in a thread, until EOF."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._chunks: list[bytes] = []
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            data = self._sock.recv(1 << 20)
            if not data:
                return
            self._chunks.append(data)

    def result(self) -> bytes:
        self._thread.join(timeout=60)
        assert not self._thread.is_alive()
        return b"".join(self._chunks)


@pytest.fixture
def wire() -> Iterator[tuple[InternetMessageIO, CountingSocket, Drain, list[str]]]:
    """An InternetMessageIO writing into a socketpair; the other end drained."""
    left, right = socket.socketpair()
    counting = CountingSocket(left)
    log: list[str] = []
    bio = Net.InternetMessageIO(counting, read_timeout=10, write_timeout=30,
                                debug_output=DebugSink(log))
    drain = Drain(right)
    try:
        yield bio, counting, drain, log
    finally:
        bio.close()
        drain.result()
        right.close()


def finish(bio: InternetMessageIO, drain: Drain) -> bytes:
    """Close the writing end and return every byte the peer received."""
    bio.close()
    return drain.result()


SAMPLE = "Subject: caf\u00e9\r\n\r\n.dot line\nLF line\rCR line\r\n..two dots\nlast"
SAMPLE_WIRE = ("Subject: caf\u00e9\r\n\r\n..dot line\r\nLF line\r\nCR line\r\n"
               "...two dots\r\nlast\r\n.\r\n").encode("utf-8")


def _sources(tmp_path: Path) -> Iterator[tuple[str, Any, str]]:
    raw = SAMPLE.encode("utf-8")
    path = tmp_path / "sample.eml"
    path.write_bytes(raw)
    yield "str", SAMPLE, "String"
    yield "bytes", raw, "String"
    yield "bytearray", bytearray(raw), "String"
    yield "memoryview", memoryview(raw), "String"
    yield "BytesIO", io.BytesIO(raw), "StringIO"
    yield "StringIO", io.StringIO(SAMPLE, newline=""), "StringIO"
    yield "binary file", path.open("rb"), "File"
    yield "text file", path.open("r", encoding="utf-8", newline=""), "File"
    yield "list", [SAMPLE[:10], raw[len(SAMPLE[:10].encode("utf-8")):]], "Array"
    yield "generator", (raw[i:i + 5] for i in range(0, len(raw), 5)), "Enumerator"


def test_exact_bytes_for_each_source_type(tmp_path: Path) -> None:
    for name, src, ruby_class in _sources(tmp_path):
        left, right = socket.socketpair()
        log: list[str] = []
        bio = Net.InternetMessageIO(left, debug_output=DebugSink(log))
        drain = Drain(right)
        try:
            written = bio.write_message(src)
        finally:
            if hasattr(src, "close"):
                src.close()
            received = finish(bio, drain)
            right.close()
        assert received == SAMPLE_WIRE, name
        assert written == len(SAMPLE_WIRE), name
        assert log == [f"writing message from {ruby_class}\n",
                       f"wrote {len(SAMPLE_WIRE)} bytes\n"], name


@pytest.mark.parametrize("message, expected", [
    ("", b"\r\n.\r\n"),
    ("abc\r", b"abc\r\n.\r\n"),
    (".", b"..\r\n.\r\n"),
    ("before\n.\nafter\n.\n", b"before\r\n..\r\nafter\r\n..\r\n.\r\n"),
    ("Subject: CR\r\rline one\rline two\r", b"Subject: CR\r\n\r\nline one\r\nline two\r\n.\r\n"),
])
def test_edge_messages_and_their_debug_count(wire: Any, message: str, expected: bytes) -> None:
    bio, _, drain, log = wire
    assert bio.write_message(message) == len(expected)
    assert finish(bio, drain) == expected
    assert log[-1] == f"wrote {len(expected)} bytes\n"


def test_a_megabyte_goes_out_in_a_handful_of_large_writes(wire: Any) -> None:
    bio, counting, drain, log = wire
    line = b"0123456789 abcdefghij .leading dot follows\n.dot\n"
    message = line * (1_048_576 // len(line) + 1)
    written = bio.write_message(message)
    received = finish(bio, drain)
    assert received == encode_message([message])
    assert written == len(received) == sum(counting.writes)
    lines = message.count(b"\n")
    assert lines > 40_000
    assert len(counting.writes) <= 16, counting.writes
    assert min(counting.writes[:-1]) >= 64 * 1024
    # The terminator travels with the last data, not in a write of its own.
    assert counting.tails[-1] == b"dot\r\n.\r\n"
    assert counting.writes[-1] >= len(b"..dot\r\n.\r\n")
    assert log[-1] == f"wrote {len(received)} bytes\n"


def test_small_message_is_one_write_including_the_terminator(wire: Any) -> None:
    bio, counting, drain, _ = wire
    bio.write_message("Subject: hi\n\nbody\n")
    assert finish(bio, drain) == b"Subject: hi\r\n\r\nbody\r\n.\r\n"
    assert counting.writes == [len(b"Subject: hi\r\n\r\nbody\r\n.\r\n")]


def test_block_writes_are_gathered_not_sent_one_by_one(wire: Any) -> None:
    bio, counting, drain, log = wire

    def block(f: WriteAdapter) -> None:
        for i in range(5000):
            f.puts(f"line {i}")
        f.print(".last")

    written = bio.write_message_by_block(block)
    received = finish(bio, drain)
    expected = b"".join(f"line {i}\r\n".encode() for i in range(5000)) + b"..last\r\n.\r\n"
    assert received == expected
    assert written == len(expected)
    assert len(counting.writes) <= 4
    assert log == ["writing message from block\n", f"wrote {len(expected)} bytes\n"]


@pytest.mark.parametrize("cut", [1, 2, 3, 5, 7])
def test_cr_at_a_chunk_boundary(wire: Any, cut: int) -> None:
    """A CR that ends one chunk and an LF that starts the next are one line
    end, not two; a CR before other text is a line end of its own."""
    bio, _, drain, _ = wire
    message = b"ab\r\ncd\r.e\r"
    chunks = [message[i:i + cut] for i in range(0, len(message), cut)]
    bio.write_message(iter(chunks))
    assert finish(bio, drain) == b"ab\r\ncd\r\n..e\r\n.\r\n"


def test_cr_at_the_boundary_of_block_writes(wire: Any) -> None:
    bio, _, drain, _ = wire

    def block(f: WriteAdapter) -> None:
        f.write("one\r")
        f.write("\ntwo\r")
        f << "three\r" << "\r\n"

    bio.write_message_by_block(block)
    assert finish(bio, drain) == b"one\r\ntwo\r\nthree\r\n\r\n.\r\n"


class RecordingFile(io.RawIOBase):
    """A binary file wrapper that records every read request."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._file = path.open("rb")
        self.requests: list[int | None] = []

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        self.requests.append(size)
        return self._file.read(size)

    def readinto(self, buffer: Any) -> int:
        raise AssertionError("the writer should call read(size)")

    def readall(self) -> bytes:
        raise AssertionError("the writer must not read the file whole")

    def close(self) -> None:
        self._file.close()
        super().close()


def test_a_file_source_is_never_read_whole(wire: Any, tmp_path: Path) -> None:
    bio, counting, drain, _ = wire
    path = tmp_path / "big.eml"
    with path.open("wb") as out:
        for i in range(60_000):
            out.write(b"line %06d of the message\r\n" % i)
    size = path.stat().st_size
    with RecordingFile(path) as src:
        written = bio.write_message(src)
        requests = src.requests
    received = finish(bio, drain)
    assert unstuff_message(received) == path.read_bytes()
    assert written == len(received)
    assert all(isinstance(n, int) and 0 < n < size // 2 for n in requests), requests
    assert len(requests) >= 3
    assert len(counting.writes) <= 16


def test_unterminated_long_line_is_still_sent(wire: Any) -> None:
    """A message that is one huge line without a line end arrives whole,
    terminated, with the marker after it."""
    bio, _, drain, _ = wire
    message = b"x" * 3_000_000
    bio.write_message(message)
    assert finish(bio, drain) == message + b"\r\n.\r\n"


def test_normalised_content_for_many_random_cuts(wire: Any) -> None:
    bio, _, drain, _ = wire
    message = b"".join(b"L%d%s" % (i, (b"\r", b"\n", b"\r\n", b"\n.", b"")[i % 5])
                       for i in range(20_000))
    chunks = [message[i:i + 97] for i in range(0, len(message), 97)]
    bio.write_message(chunks)
    received = finish(bio, drain)
    assert unstuff_message(received) == normalize_line_endings(message)
