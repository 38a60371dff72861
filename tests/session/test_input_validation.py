"""Input validation before anything reaches the wire (issue 7, item 4).

CR, LF or NUL in any argument that ends up in a command line would let a
caller's data smuggle a second SMTP command. Every such argument - the HELO
domain, addresses (str and Address), Address parameters given positionally,
as dicts or as keywords (values and keys), raw ``get_response`` lines -
must raise ``Net.ArgumentError`` (Ruby's message for CR/LF) with nothing
written. Wrong types must fail the same way, naming the argument.

"Nothing written" is proved on the server's side: after the bad call the
test sends RSET and QUIT, and the server's recorded bytes after EHLO must be
exactly those two commands.
"""

from __future__ import annotations

import base64
import contextlib
import io
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from net_smtp import SMTP, Net
from tests.support.faults import greet_and_serve, mail_session
from tests.support.scripted import Conn, Expected, ScriptedServer

Address = Net.SMTP.Address
CRLF_MESSAGE = "A line must not contain CR or LF"
BAD_CHARS = {"CR": "\r", "LF": "\n", "CRLF": "\r\n", "NUL": "\0"}


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A scripted loopback server recording every byte it receives."""
    with ScriptedServer() as srv:
        yield srv


@pytest.fixture
def started(server: ScriptedServer) -> Iterator[tuple[SMTP, Expected]]:
    """A started session against the scripted server."""
    session = server.expect(greet_and_serve)
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.read_timeout = 5
    smtp.start()
    yield smtp, session
    if smtp.is_started():
        with contextlib.suppress(Exception):
            smtp.finish()


def sent_after_ehlo(smtp: SMTP, session: Expected) -> bytes:
    """RSET, QUIT, then every byte the server got after the EHLO line."""
    assert smtp.rset().status == "250"
    smtp.finish()
    wire = bytes(session.result().received)
    return wire[wire.index(b"\r\n") + 2:]


def _fill(f: Any) -> None:
    f.puts("Subject: x")


# Each builds one call whose command line would carry *bad*.
INJECTION_CALLS: dict[str, Callable[[SMTP, str], Any]] = {
    "helo": lambda smtp, bad: smtp.helo(f"client{bad}MAIL FROM:<x@y>"),
    "ehlo": lambda smtp, bad: smtp.ehlo(f"client{bad}MAIL FROM:<x@y>"),
    "mailfrom-str": lambda smtp, bad: smtp.mailfrom(f"a@x.test{bad}RSET"),
    "mailfrom-Address": lambda smtp, bad: smtp.mailfrom(Address(f"a@x.test{bad}RSET")),
    "rcptto-str": lambda smtp, bad: smtp.rcptto(f"b@x.test>{bad}RCPT TO:<c@x.test"),
    "rcptto-Address": lambda smtp, bad: smtp.rcptto(Address(f"b@x.test{bad}")),
    "param-positional": lambda smtp, bad: smtp.mailfrom(Address("a@x.test", f"SIZE=10{bad}RSET")),
    "param-dict-value": lambda smtp, bad: smtp.rcptto(Address("b@x.test", {"NOTIFY": f"NEVER{bad}"})),
    "param-dict-key": lambda smtp, bad: smtp.rcptto(Address("b@x.test", {f"NO{bad}TIFY": "NEVER"})),
    "param-keyword-value": lambda smtp, bad: smtp.mailfrom(Address("a@x.test", BODY=f"8BIT{bad}")),
    "param-keyword-key": lambda smtp, bad: smtp.mailfrom(
        Address("a@x.test", **{f"BO{bad}DY": "8BITMIME"})),
    "param-copied-Address": lambda smtp, bad: smtp.rcptto(
        Address(Address("b@x.test", f"ORCPT=rfc822;b{bad}"), "NOTIFY=NEVER")),
    "send_message-sender": lambda smtp, bad: smtp.send_message("x\r\n", f"a@x.test{bad}", "b@x.test"),
    "send_message-sender-Address": lambda smtp, bad: smtp.send_message(
        "x\r\n", Address("a@x.test", f"BODY=8BIT{bad}"), "b@x.test"),
    "open_message_stream-sender": lambda smtp, bad: smtp.open_message_stream(
        f"a@x.test{bad}", "b@x.test", block=_fill),
    "with-stream-sender": lambda smtp, bad: smtp.open_message_stream(
        f"a@x.test{bad}", "b@x.test").__enter__(),
    "get_response": lambda smtp, bad: smtp.get_response(f"NOOP{bad}RSET"),
}


@pytest.mark.parametrize("char", sorted(BAD_CHARS))
@pytest.mark.parametrize("call", sorted(INJECTION_CALLS))
def test_injection_is_refused_before_writing(started: tuple[SMTP, Expected],
                                             call: str, char: str) -> None:
    """ArgumentError (Ruby's message for CR/LF), nothing on the wire, and
    the session still in step with the server."""
    smtp, session = started
    with pytest.raises(Net.ArgumentError) as info:
        INJECTION_CALLS[call](smtp, BAD_CHARS[char])
    if char != "NUL":
        assert str(info.value) == CRLF_MESSAGE
    else:
        assert "NUL" in str(info.value)
    assert smtp.is_started()
    assert sent_after_ehlo(smtp, session) == b"RSET\r\nQUIT\r\n"


@pytest.mark.parametrize("char", sorted(BAD_CHARS))
@pytest.mark.parametrize("where", ["rcpt-str", "rcpt-Address-param"])
def test_bad_recipient_in_send_message_writes_no_rcpt_nor_data(
        started: tuple[SMTP, Expected], where: str, char: str) -> None:
    """A bad recipient: MAIL FROM has gone out (as in Ruby, recipients are
    checked one by one), but neither the bad RCPT nor DATA nor any message
    byte; the session is still usable."""
    smtp, session = started
    bad = BAD_CHARS[char]
    rcpt: Any = f"b@x.test{bad}" if where == "rcpt-str" else Address("b@x.test", f"NOTIFY={bad}")
    with pytest.raises(Net.ArgumentError):
        smtp.send_message("Subject: secret body\r\n", "a@x.test", "ok@x.test", rcpt)
    wire = sent_after_ehlo(smtp, session)
    assert wire == (b"MAIL FROM:<a@x.test>\r\nRCPT TO:<ok@x.test>\r\nRSET\r\nQUIT\r\n")


@pytest.mark.parametrize("char", sorted(BAD_CHARS))
@pytest.mark.parametrize("form", ["start-keyword", "start-positional", "class-start"])
def test_bad_helo_domain_in_start(server: ScriptedServer, form: str, char: str) -> None:
    """The HELO domain given to start(): ArgumentError after the greeting,
    before EHLO is written; the socket closed, the object not started."""
    session = server.expect(greet_and_serve)
    domain = f"client{BAD_CHARS[char]}MAIL FROM:<x@y>"
    smtp = Net.SMTP("127.0.0.1", server.port)
    with pytest.raises(Net.ArgumentError):
        if form == "start-keyword":
            smtp.start(helo=domain)
        elif form == "start-positional":
            smtp.start(domain)
        else:
            Net.SMTP.start("127.0.0.1", server.port, domain, block=lambda s: None)
    assert not smtp.is_started()
    conn = session.result()
    assert bytes(conn.received) == b"" and conn.peer_closed


def _user_seen(conn: Conn) -> bytes:
    """The AUTH LOGIN user name the scripted server received, decoded."""
    lines = bytes(conn.received).split(b"\r\n")
    return base64.b64decode(lines[lines.index(b"AUTH LOGIN") + 1])


def test_auth_credentials_never_reach_a_line_raw(server: ScriptedServer) -> None:
    """CR/LF in an AUTH user name or secret are carried inside base64:
    the server receives no extra line, and decodes the exact user name."""
    session = server.expect(mail_session)
    user = "user\r\nMAIL FROM:<x@y>"
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start("client.test", user, "se\ncret\r\n", "login")
    smtp.finish()
    conn = session.result()
    commands = bytes(conn.received).split(b"\r\n")
    assert [c for c in commands if c.startswith(b"MAIL")] == []
    assert _user_seen(conn) == user.encode()


# -------------------------------------------------------------- wrong types
# Values of the wrong type, typed Any so that the calls below type-check.
INT: Any = 5
NONE: Any = None
BYTES: Any = b"a@x.test"
ADDRESS_TYPE_CALLS: dict[str, Callable[[SMTP], Any]] = {
    "mailfrom-int": lambda smtp: smtp.mailfrom(INT),
    "mailfrom-None": lambda smtp: smtp.mailfrom(NONE),
    "mailfrom-bytes": lambda smtp: smtp.mailfrom(BYTES),
    "rcptto-int": lambda smtp: smtp.rcptto(INT),
    "rcptto-None": lambda smtp: smtp.rcptto(NONE),
    "send_message-sender-None": lambda smtp: smtp.send_message("x", NONE, "b@x.test"),
    "send_message-sender-int": lambda smtp: smtp.send_message("x", INT, "b@x.test"),
    "send_message-recipient-None": lambda smtp: smtp.send_message("x", "a@x.test", NONE),
    "send_message-recipient-int": lambda smtp: smtp.send_message("x", "a@x.test", "ok@x.test", INT),
    "send_message-recipient-in-list": lambda smtp: smtp.send_message(
        "x", "a@x.test", ["ok@x.test", None]),
    "open_message_stream-sender-None": lambda smtp: smtp.open_message_stream(
        NONE, "b@x.test", block=_fill),
    "open_message_stream-recipient-int": lambda smtp: smtp.open_message_stream(
        "a@x.test", INT, block=_fill),
    "with-stream-recipient-None": lambda smtp: smtp.open_message_stream(
        "a@x.test", NONE).__enter__(),
    "Address-int": lambda smtp: smtp.rcptto(Address(INT)),
}


@pytest.mark.parametrize("call", sorted(ADDRESS_TYPE_CALLS))
def test_wrong_address_type_is_refused_before_writing(started: tuple[SMTP, Expected],
                                                     call: str) -> None:
    """TypeError (Net.ArgumentError is one) naming the address, nothing sent."""
    smtp, session = started
    with pytest.raises(TypeError) as info:
        ADDRESS_TYPE_CALLS[call](smtp)
    assert isinstance(info.value, Net.ArgumentError)
    assert "address" in str(info.value)
    assert sent_after_ehlo(smtp, session) == b"RSET\r\nQUIT\r\n"


MESSAGE_TYPE_CALLS: dict[str, Callable[[SMTP], Any]] = {
    "send_message-None": lambda smtp: smtp.send_message(None, "a@x.test", "b@x.test"),
    "send_message-int": lambda smtp: smtp.send_message(5, "a@x.test", "b@x.test"),
    "send_message-float": lambda smtp: smtp.send_message(1.5, "a@x.test", "b@x.test"),
    "send_message-object": lambda smtp: smtp.send_message(object(), "a@x.test", "b@x.test"),
    "send_message-dict": lambda smtp: smtp.send_message({"Subject": "x"}, "a@x.test", "b@x.test"),
    "send_message-empty-dict": lambda smtp: smtp.send_message({}, "a@x.test", "b@x.test"),
    "data-int": lambda smtp: smtp.data(5),
    "data-dict": lambda smtp: smtp.data({"Subject": "x"}),
}


@pytest.mark.parametrize("call", sorted(MESSAGE_TYPE_CALLS))
def test_unsupported_message_is_refused_before_writing(started: tuple[SMTP, Expected],
                                                      call: str) -> None:
    """An unsupported message object: TypeError naming the message,
    raised before MAIL FROM (or DATA) is written."""
    smtp, session = started
    with pytest.raises(TypeError) as info:
        MESSAGE_TYPE_CALLS[call](smtp)
    assert isinstance(info.value, Net.ArgumentError)
    assert "message" in str(info.value)
    assert smtp.is_started()
    assert sent_after_ehlo(smtp, session) == b"RSET\r\nQUIT\r\n"


def test_bad_chunk_inside_an_iterable_drops_without_terminator(
        started: tuple[SMTP, Expected]) -> None:
    """An iterable is only checked while it is read: a bad chunk in the
    middle raises ArgumentError naming the chunk, after DATA, so the
    connection is dropped and the message never terminated."""
    smtp, session = started
    with pytest.raises(Net.ArgumentError) as info:
        smtp.send_message(["Subject: x\r\n", "\r\n", 42], "a@x.test", "b@x.test")
    assert "chunk" in str(info.value)
    assert not smtp.is_started()
    conn = session.result()
    assert conn.messages == [] and conn.peer_closed
    assert not bytes(conn.received).endswith(b"\r\n.\r\n")
    assert smtp.finish() is None


def test_supported_sources_still_pass(started: tuple[SMTP, Expected]) -> None:
    """The checks refuse nothing that is documented: str, bytes, bytearray,
    memoryview, a file object and an iterable of chunks all send."""
    smtp, session = started
    sources = ["s\r\n", b"b\r\n", bytearray(b"ba\r\n"), memoryview(b"mv\r\n"),
               io.BytesIO(b"file\r\n"), io.StringIO("text\r\n"), iter(["it", "er\r\n"]),
               ("tu", "ple\r\n"), [b"li", b"st\r\n"]]
    for source in sources:
        assert smtp.send_message(source, "a@x.test", "b@x.test").status == "250"
    smtp.finish()
    assert session.result().messages == [
        b"s\r\n", b"b\r\n", b"ba\r\n", b"mv\r\n", b"file\r\n", b"text\r\n", b"iter\r\n",
        b"tuple\r\n", b"list\r\n"]


def test_valid_call_after_a_refused_one_is_written(server: ScriptedServer) -> None:
    """Sanity of the method: a valid call right after a refused one is
    written (the recorded bytes do see commands that are sent)."""
    session = server.expect(greet_and_serve)
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start()
    with pytest.raises(Net.ArgumentError):
        smtp.mailfrom("a@x.test\r\n")
    smtp.mailfrom("a@x.test")
    assert sent_after_ehlo(smtp, session) == b"MAIL FROM:<a@x.test>\r\nRSET\r\nQUIT\r\n"


def test_other_unprintable_characters_are_written_as_given(server: ScriptedServer) -> None:
    """Only CR, LF and NUL are refused: a tab, another control character or
    a line separator that str.isprintable() rejects goes out unchanged
    (the fast path looks closer only at such lines)."""
    session = server.expect(greet_and_serve)
    smtp = Net.SMTP("127.0.0.1", server.port)
    smtp.start()
    smtp.mailfrom("a\tb@x.test")
    smtp.rcptto("c\x7fd@x.test")
    smtp.rcptto("e\u2028f@x.test")
    assert sent_after_ehlo(smtp, session) == (
        b"MAIL FROM:<a\tb@x.test>\r\nRCPT TO:<c\x7fd@x.test>\r\n"
        + "RCPT TO:<e\u2028f@x.test>\r\n".encode() + b"RSET\r\nQUIT\r\n")
