"""Soak: no descriptor or memory growth over long use (issue 7, item 7).

5,000 messages in one session, then 500 sessions, against a real aiosmtpd
server. The server runs in a child process, so the descriptors
(``/proc/self/fd``) and the memory traced by ``tracemalloc`` in this
process are the client's alone. Both are sampled after a warm-up and at the
end of each phase; the end may not exceed the warm-up point by more than a
small bound. The phases rotate through every way of sending (str, bytes,
file, block, ``with`` stream) and of opening a session (class and instance
``start``, with a block, ``with``, explicit ``finish``).
"""

from __future__ import annotations

import gc
import io
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from typing import Any, Callable, NamedTuple

import pytest

from net_smtp import SMTP, Net

pytestmark = [pytest.mark.soak, pytest.mark.slow]

MESSAGES = 5000
MESSAGE_WARMUP = 500
SESSIONS = 500
SESSION_WARMUP = 50
MEMORY_BOUND = 16 * 1024  # bytes of traced growth allowed after warm-up (4 B a message)
SENDER, RECIPIENT = "soak@client.test", "sink@server.test"

# The child: a real aiosmtpd server; prints its port, then answers every
# line on stdin with the number of messages delivered so far.
_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from tests.support.aiosmtpd import AiosmtpdServer
with AiosmtpdServer() as server:
    print(server.port, flush=True)
    for _ in sys.stdin:
        print(len(server.messages), flush=True)
"""


class Child(NamedTuple):
    port: int
    delivered: Callable[[], int]


@pytest.fixture
def aiosmtpd_child() -> Iterator[Child]:
    """A real aiosmtpd server in a child process."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with subprocess.Popen([sys.executable, "-c", _CHILD, root], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        stdin, stdout = proc.stdin, proc.stdout

        def delivered() -> int:
            stdin.write("count\n")
            stdin.flush()
            return int(stdout.readline())

        try:
            yield Child(int(stdout.readline()), delivered)
        finally:
            stdin.close()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class Sample(NamedTuple):
    fds: int
    traced: int


def sample() -> Sample:
    """Open descriptors and traced bytes, after a full collection."""
    gc.collect()
    return Sample(len(os.listdir("/proc/self/fd")), tracemalloc.get_traced_memory()[0])


@pytest.fixture
def traced() -> Iterator[None]:
    """tracemalloc on for the test (left on if it already was)."""
    already = tracemalloc.is_tracing()
    if not already:
        tracemalloc.start()
    try:
        yield
    finally:
        if not already:
            tracemalloc.stop()


def _send_str(smtp: SMTP, i: int) -> Any:
    return smtp.send_message(f"Subject: soak {i}\r\n\r\nline one\r\n.leading dot\r\n",
                             SENDER, RECIPIENT)


def _send_bytes(smtp: SMTP, i: int) -> Any:
    return smtp.send_message(b"Subject: soak %d\n\nbare LF body\n" % i, SENDER, RECIPIENT)


def _send_file(smtp: SMTP, i: int) -> Any:
    return smtp.send_message(io.BytesIO(b"Subject: soak %d\r\n\r\nfrom a file\r\n" % i),
                             SENDER, RECIPIENT)


def _send_block(smtp: SMTP, i: int) -> Any:
    def write(f: Any) -> None:
        f.puts(f"Subject: soak {i}")
        f.puts()
        f.printf("written by a block %d\n", i)
    return smtp.open_message_stream(SENDER, RECIPIENT, block=write)


def _send_with(smtp: SMTP, i: int) -> Any:
    stream = smtp.open_message_stream(SENDER, RECIPIENT)
    with stream as f:
        f.write(f"Subject: soak {i}\r\n\r\nwritten in a with block\r\n")
    return stream.response


SENDERS: tuple[Callable[[SMTP, int], Any], ...] = (
    _send_str, _send_bytes, _send_file, _send_block, _send_with)


def test_many_messages_in_one_session(aiosmtpd_child: Child, traced: None) -> None:
    """5,000 messages in one session: every one accepted, no descriptor
    and no traced-memory growth after the warm-up."""
    smtp = Net.SMTP.start("127.0.0.1", aiosmtpd_child.port)
    try:
        replies: list[str] = []
        warm = sample()
        for i in range(MESSAGES):
            res = SENDERS[i % len(SENDERS)](smtp, i)
            if res.status != "250":
                replies.append(res.string)
            if i + 1 == MESSAGE_WARMUP:
                warm = sample()
        end = sample()
    finally:
        smtp.finish()
    assert replies == []
    assert aiosmtpd_child.delivered() == MESSAGES
    assert end.fds == warm.fds
    assert end.traced - warm.traced < MEMORY_BOUND, (warm, end)


def _session_class_block(port: int, i: int) -> None:
    Net.SMTP.start("127.0.0.1", port, block=lambda smtp: SENDERS[i % len(SENDERS)](smtp, i))


def _session_class_with(port: int, i: int) -> None:
    with Net.SMTP.start("127.0.0.1", port) as smtp:
        SENDERS[i % len(SENDERS)](smtp, i)


def _session_instance_finish(port: int, i: int) -> None:
    smtp = Net.SMTP("127.0.0.1", port)
    smtp.start("soak.client.test")
    try:
        SENDERS[i % len(SENDERS)](smtp, i)
    finally:
        smtp.finish()


def _session_instance_block(port: int, i: int) -> None:
    Net.SMTP("127.0.0.1", port).start(block=lambda smtp: SENDERS[i % len(SENDERS)](smtp, i))


OPENERS: tuple[Callable[[int, int], None], ...] = (
    _session_class_block, _session_class_with, _session_instance_finish, _session_instance_block)


def test_many_sessions(aiosmtpd_child: Child, traced: None) -> None:
    """500 sessions, one message each: no descriptor and no traced-memory
    growth after the warm-up, every message delivered."""
    warm = sample()
    for i in range(SESSIONS):
        OPENERS[i % len(OPENERS)](aiosmtpd_child.port, i)
        if i + 1 == SESSION_WARMUP:
            warm = sample()
    end = sample()
    assert aiosmtpd_child.delivered() == SESSIONS
    assert end.fds == warm.fds
    assert end.traced - warm.traced < MEMORY_BOUND, (warm, end)
