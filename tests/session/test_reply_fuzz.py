"""Fuzzing the reply reader (issue 7, item 5, parser part).

Arbitrary bytes, and reply-shaped byte soup, are fed as the server's side
of a real socket pair. Reading a reply must either return a ``Response``
or raise one of the documented errors - ``EOFError`` (the stream ended),
``Net.ReadTimeout`` (it stalled) or an ``Net.SMTPError`` - never anything
else, and never hang (read_timeout is small and every example is timed).

Where a reply comes back it is checked against an independent reading of
the same bytes: lines end at LF (a CR before it is dropped), a reply goes
on while the fourth byte of a line is ``-``, and the text is UTF-8 when it
decodes, else one character per byte.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from net_smtp import SMTP, Net
from net_smtp.errors import EOFError as PortEOFError  # Ruby's EOFError: also an OSError

pytestmark = pytest.mark.slow

DOCUMENTED = (EOFError, Net.ReadTimeout, Net.SMTPError)
STALL_TIMEOUT = 0.03  # read_timeout when the fake server keeps the stream open
HANG_BOUND = 2.0      # no example may take longer than this
FUZZ_SETTINGS = settings(max_examples=200, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])


class PairSMTP(Net.SMTP):
    """Net.SMTP whose connection is one end of a socket pair (Ruby's
    ``tcp_socket`` seam); the test writes the other end."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__("fuzz.invalid", 25, starttls=False)
        self._pair_end = sock

    def _tcp_socket(self, address: str, port: int | str) -> Any:
        return self._pair_end


def expected_reply(stream: bytes, closed: bool) -> bytes | type[BaseException]:
    """What one reply read from *stream* must be: its bytes (lines joined
    by LF, with a final LF), or the error class when it never completes."""
    lines: list[bytes] = []
    rest = stream
    while True:
        end = rest.find(b"\n")
        if end < 0:
            return PortEOFError if closed else Net.ReadTimeout
        raw, rest = rest[:end + 1], rest[end + 1:]
        line = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
        lines.append(line)
        if line[3:4] != b"-":
            return b"\n".join(lines) + b"\n"


def check_response(res: Any) -> None:
    """Every reader of a Response works on whatever came back."""
    assert isinstance(res, Net.SMTP.Response)
    assert res.string.endswith("\n")
    assert res.status == res.string[:3]
    assert res.status_type_char == res.status[:1]
    assert isinstance(res.is_success(), bool) and isinstance(res.is_continue(), bool)
    assert res.message.endswith("\n") and res.string.startswith(res.message)
    caps = res.capabilities
    assert all((k is None or isinstance(k, str)) and all(isinstance(p, str) for p in v)
               for k, v in caps.items())  # None: a line with no keyword, as Ruby's nil
    assert issubclass(res.exception_class, Net.SMTPError)
    try:
        assert isinstance(res.cram_md5_challenge, bytes)
    except IndexError:
        assert len(res.string.split(" ")) < 2


def same_text(text: str, raw: bytes) -> bool:
    """*text* is *raw* read as UTF-8, or byte for byte when it is not UTF-8."""
    try:
        return text == raw.decode("utf-8")
    except UnicodeDecodeError:
        return text.encode("latin-1") == raw


def feed(stream: bytes, closed: bool, *, prefix: bytes = b"",
         debug: list[str] | None = None) -> tuple[PairSMTP, socket.socket]:
    """A client on one end of a socket pair whose other end has sent
    *prefix* + *stream* and, if *closed*, shut down its writing side."""
    client_end, server_end = socket.socketpair()
    server_end.sendall(prefix + stream)
    if closed:
        server_end.shutdown(socket.SHUT_WR)
    smtp = PairSMTP(client_end)
    smtp.read_timeout = 5 if closed else STALL_TIMEOUT
    if debug is not None:
        smtp.debug_output = debug
    return smtp, server_end


def finish_quietly(smtp: SMTP) -> None:
    """Finish a started session; QUIT's reply is more fuzz, so documented
    errors are accepted (the socket is closed either way)."""
    if smtp.is_started():
        try:
            smtp.finish()
        except DOCUMENTED:
            pass
    assert not smtp.is_started()


# Reply-shaped soup: codes (real and odd), separators, text, and line
# endings that are CRLF, LF, a lone CR (no end at all) or missing.
_codes = st.one_of(st.sampled_from([b"220", b"250", b"334", b"354", b"421", b"501", b"535",
                                    b"554", b"600", b"999", b"000"]),
                   st.binary(min_size=0, max_size=4))
_separators = st.sampled_from([b"-", b" ", b"", b"\t", b"-", b"--"])
_texts = st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")) | st.sampled_from(
    [b"AUTH PLAIN LOGIN", b"STARTTLS", b"SIZE 1000", b"PGRpZ2VzdD4=", b"\xc3\xa9t\xc3\xa9",
     b"\xff\xfe", b"8BITMIME", b""])
_endings = st.sampled_from([b"\r\n", b"\n", b"\r", b"", b"\r\r\n", b"\n"])
_lines = st.tuples(_codes, _separators, _texts, _endings).map(lambda t: b"".join(t))
reply_soup = st.lists(_lines, max_size=12).map(b"".join)
streams = st.one_of(st.binary(max_size=3000), reply_soup)
# Mostly closed streams; an open one costs STALL_TIMEOUT.
closed_flags = st.integers(0, 7).map(lambda n: n != 0)


@FUZZ_SETTINGS
@given(stream=streams, closed=closed_flags)
def test_any_bytes_as_one_reply(stream: bytes, closed: bool) -> None:
    """After a normal start, one reply read by get_response: the expected
    Response, or the documented error the bytes call for."""
    smtp, server_end = feed(stream, closed, prefix=b"220 fuzz ESMTP\r\n250 fuzz\r\n")
    try:
        smtp.start()
        began = time.monotonic()
        outcome: Any
        try:
            outcome = smtp.get_response("NOOP")
        except DOCUMENTED as exc:
            outcome = exc
        assert time.monotonic() - began < HANG_BOUND
        expected = expected_reply(stream, closed)
        if isinstance(expected, bytes):
            check_response(outcome)
            assert same_text(outcome.string, expected)
        else:
            assert type(outcome) is expected
        finish_quietly(smtp)
    finally:
        server_end.close()


@FUZZ_SETTINGS
@given(stream=streams, closed=closed_flags)
def test_any_bytes_as_a_whole_session_start(stream: bytes, closed: bool) -> None:
    """The bytes as greeting, EHLO and (after a refusal) HELO replies, with
    debug output on: start either starts or raises a documented error and
    leaves the object not started."""
    debug: list[str] = []
    smtp, server_end = feed(stream, closed, debug=debug)
    try:
        began = time.monotonic()
        try:
            smtp.start()
        except DOCUMENTED:
            assert not smtp.is_started()
        else:
            assert isinstance(smtp.capabilities, dict)
        assert time.monotonic() - began < 3 * HANG_BOUND
        finish_quietly(smtp)
        assert all(isinstance(line, str) for line in debug)
    finally:
        server_end.close()


@FUZZ_SETTINGS
@given(stream=streams, closed=closed_flags)
def test_any_bytes_after_a_command_checked_by_rset(stream: bytes, closed: bool) -> None:
    """The checked path (rset): 2xx comes back as a Response, any other
    complete reply raises its own exception_class, and a broken stream
    raises EOFError or ReadTimeout and aborts the session (the next rset
    raises SMTPSessionAborted)."""
    smtp, server_end = feed(stream, closed, prefix=b"220 fuzz\r\n250 fuzz\r\n")
    try:
        smtp.start()
        expected = expected_reply(stream, closed)
        try:
            res = smtp.rset()
        except Net.SMTPError as exc:
            assert isinstance(expected, bytes)
            assert exc.response is not None and type(exc) is exc.response.exception_class
            assert same_text(exc.response.string, expected)
        except (EOFError, Net.ReadTimeout) as exc:
            assert type(exc) is expected
            with pytest.raises(Net.SMTPSessionAborted):
                smtp.rset()
        else:
            assert isinstance(expected, bytes) and res.is_success()
            assert same_text(res.string, expected)
        finish_quietly(smtp)
    finally:
        server_end.close()
