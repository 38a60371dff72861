"""Whole sessions against a real aiosmtpd server on 127.0.0.1.

aiosmtpd stores ``envelope.original_content``: the body with its dot-stuffing
removed and its CRLF line endings kept, so the expected content of a message
is the message with every line ending normalised to CRLF
(``normalize_line_endings``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from net_smtp import Net
from net_smtp.authenticator import Authenticator
from net_smtp.protocol import WriteAdapter
from net_smtp.response import Response
from net_smtp.smtp import MessageStream
from tests.support.aiosmtpd import AiosmtpdServer, normalize_line_endings

FROM = "sender@example.com"
USERS = {"alice": "alice-secret", "bob": "b\u00f6b-p\u00e4ss"}
TOKENS = {"alice": "ya29.a0AfH6SMBx-token"}


@pytest.fixture(scope="module")
def auth_server() -> Any:
    """One aiosmtpd server with AUTH PLAIN, LOGIN, CRAM-MD5 and XOAUTH2."""
    with AiosmtpdServer(users=USERS, tokens=TOKENS) as server:
        yield server


# ------------------------------------------------------------------ messages
def test_one_message(aiosmtpd_server: AiosmtpdServer) -> None:
    message = "From: a\nTo: b\nSubject: one\n\nHello.\n.signature\n"
    res = Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port,
                         block=lambda smtp: smtp.send_message(message, FROM, "to@example.com"))
    assert isinstance(res, Net.SMTP.Response) and res.is_success()
    [got] = aiosmtpd_server.messages
    assert got.mail_from == FROM
    assert got.rcpt_tos == ["to@example.com"]
    assert got.content == normalize_line_endings(message)
    assert got.content.endswith(b"\r\n.signature\r\n")
    assert got.mail_options == [] and not got.smtp_utf8


def test_the_conversation_in_ruby_debug_format(aiosmtpd_server: AiosmtpdServer) -> None:
    log: list[str] = []
    smtp = Net.SMTP(aiosmtpd_server.host, aiosmtpd_server.port)
    smtp.debug_output = log
    smtp.start(helo="client.example")
    smtp.send_message("Subject: x\n\nbody\n", FROM, "to@example.com")
    smtp.finish()
    text = "".join(log)
    body_on_wire = b"Subject: x\r\n\r\nbody\r\n.\r\n"
    assert text.startswith(f"Connection opened: 127.0.0.1:{aiosmtpd_server.port}\n-> \"220 ")
    for expected in ('<- "EHLO client.example\\r\\n"\n', '-> "250-SMTPUTF8\\r\\n"\n',
                     f'<- "MAIL FROM:<{FROM}>\\r\\n"\n', '<- "RCPT TO:<to@example.com>\\r\\n"\n',
                     '<- "DATA\\r\\n"\n', "writing message from String\n",
                     f"wrote {len(body_on_wire)} bytes\n", '<- "QUIT\\r\\n"\n'):
        assert expected in text
    assert text.endswith('-> "221 Bye\\r\\n"\n')


def test_many_recipients_with_nested_lists(aiosmtpd_server: AiosmtpdServer) -> None:
    recipients: list[Any] = ["a@example.com", ["b@example.com", ("c@example.com", ["d@example.com"])],
                             Net.SMTP.Address("e@example.com"), []]
    many = [f"user{i}@example.org" for i in range(60)]
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        smtp.send_message("Subject: nested\n\nhi\n", FROM, *recipients)
        smtp.sendmail("Subject: many\n\nhi\n", FROM, many)
    first, second = aiosmtpd_server.messages
    assert first.rcpt_tos == ["a@example.com", "b@example.com", "c@example.com",
                              "d@example.com", "e@example.com"]
    assert second.rcpt_tos == many


def test_many_messages_in_one_session(aiosmtpd_server: AiosmtpdServer, tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_bytes(b"Subject: file\r\n\r\n.from a file\r\n")
    sources: list[Any] = [
        "Subject: str\n\n.dot\n",
        b"Subject: bytes\r\n\r\nbare CR\rline\r\n",
        bytearray(b"Subject: bytearray\n\nunterminated"),
        memoryview(b"Subject: memoryview\n\n"),
        io.StringIO("Subject: stringio \u00e9\n\nbody\n"),
        ["Subject: list\n", b"\nchunk", "s\n"],
        (piece for piece in [b"Subject: gen", b"erator\r", b"\n\r\n..x\n"]),
        "",
    ]
    expected = [
        b"Subject: str\r\n\r\n.dot\r\n",
        b"Subject: bytes\r\n\r\nbare CR\r\nline\r\n",
        b"Subject: bytearray\r\n\r\nunterminated\r\n",
        b"Subject: memoryview\r\n\r\n",
        "Subject: stringio \u00e9\r\n\r\nbody\r\n".encode("utf-8"),
        b"Subject: list\r\n\r\nchunks\r\n",
        b"Subject: generator\r\n\r\n..x\r\n",
        b"\r\n",
    ]
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        for src in sources:
            assert smtp.send_message(src, FROM, "to@example.com").status == "250"
        with path.open("rb") as f:
            smtp.send_mail(f, FROM, "to@example.com")
        for i in range(40):
            smtp.send_message(f"Subject: {i}\n\n{i}\n", FROM, f"r{i}@example.com")
        assert smtp.is_started()
    got = aiosmtpd_server.messages
    assert [m.content for m in got[:len(expected)]] == expected
    assert got[len(expected)].content == b"Subject: file\r\n\r\n.from a file\r\n"
    tail = got[len(expected) + 1:]
    assert [m.content for m in tail] == [f"Subject: {i}\r\n\r\n{i}\r\n".encode() for i in range(40)]
    assert [m.rcpt_tos for m in tail] == [[f"r{i}@example.com"] for i in range(40)]


def test_open_message_stream_with_block(aiosmtpd_server: AiosmtpdServer) -> None:
    def write(f: WriteAdapter) -> None:
        f.puts("Subject: stream")
        f.puts()
        f.print("printed ")
        f.printf("%s=%d\n", "answer", 42)
        f << ".shifted" << "\n"
        f.write(b"bytes\r")

    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        res = smtp.open_message_stream(FROM, "to@example.com", block=write)
        res2 = smtp.ready(FROM, ["x@example.com", "y@example.com"], block=write)
    assert res.is_success() and res2.is_success()
    first, second = aiosmtpd_server.messages
    assert first.content == b"Subject: stream\r\n\r\nprinted answer=42\r\n.shifted\r\nbytes\r\n"
    assert second.content == first.content
    assert second.rcpt_tos == ["x@example.com", "y@example.com"]


def test_open_message_stream_with_statement(aiosmtpd_server: AiosmtpdServer) -> None:
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        stream = smtp.open_message_stream(FROM, "to@example.com")
        assert isinstance(stream, MessageStream)
        with stream as f:
            f.puts("Subject: with")
            f.puts("")
            for i in range(1000):
                f.puts(f".{i}")
        assert stream.response is not None and stream.response.status == "250"
    [got] = aiosmtpd_server.messages
    assert got.content == b"Subject: with\r\n\r\n" + b"".join(b".%d\r\n" % i for i in range(1000))


def test_leaving_a_stream_by_an_exception_delivers_nothing(aiosmtpd_server: AiosmtpdServer) -> None:
    smtp = Net.SMTP(aiosmtpd_server.host, aiosmtpd_server.port)
    smtp.start()
    with pytest.raises(KeyError):
        with smtp.open_message_stream(FROM, "to@example.com") as f:
            f.puts("Subject: half")
            f.puts("")
            f.write("x" * 500_000 + "\n")
            raise KeyError("stop")
    assert not smtp.is_started()
    smtp.finish()
    # The same object starts a fresh session afterwards.
    smtp.start()
    smtp.send_message("Subject: after\n\nok\n", FROM, "to@example.com")
    smtp.finish()
    assert [m.content for m in aiosmtpd_server.messages] == [b"Subject: after\r\n\r\nok\r\n"]


def test_address_parameters_reach_the_server(aiosmtpd_server: AiosmtpdServer) -> None:
    sender = Net.SMTP.Address(FROM, "BODY=8BITMIME", size=40)
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        smtp.send_message("Subject: params\n\n8bit \u00e9\n", sender, "to@example.com")
    [got] = aiosmtpd_server.messages
    assert got.mail_from == FROM
    # aiosmtpd upper-cases the parameter names it records.
    assert got.mail_options == ["BODY=8BITMIME", "SIZE=40"]
    assert got.content == "Subject: params\r\n\r\n8bit \u00e9\r\n".encode("utf-8")


# ------------------------------------------------------------------ SMTPUTF8
def test_non_ascii_recipient_turns_on_smtputf8(aiosmtpd_server: AiosmtpdServer) -> None:
    recipient = "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a"
    message = f"To: {recipient}\nSubject: \u00fcnic\u00f6de\n\n\U0001F600\n"
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        assert smtp.is_capable("SMTPUTF8")
        smtp.send_message(message, FROM, "plain@example.com", recipient)
        smtp.send_message(message, FROM, "plain@example.com")
    utf8, ascii_only = aiosmtpd_server.messages
    assert "SMTPUTF8" in utf8.mail_options and utf8.smtp_utf8
    assert utf8.rcpt_tos == ["plain@example.com", recipient]
    assert utf8.content == normalize_line_endings(message)
    assert "SMTPUTF8" not in ascii_only.mail_options and not ascii_only.smtp_utf8


def test_non_ascii_sender_and_stream_turn_on_smtputf8(aiosmtpd_server: AiosmtpdServer) -> None:
    sender = "j\u00f6rg@b\u00fccher.example"
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        smtp.send_message("Subject: s\n\nx\n", sender, "to@example.com")
        with smtp.open_message_stream(FROM, "m\u00fcller@example.com") as f:
            f.puts("Subject: stream")
    first, second = aiosmtpd_server.messages
    assert first.mail_from == sender and first.mail_options == ["SMTPUTF8"]
    assert second.rcpt_tos == ["m\u00fcller@example.com"] and second.mail_options == ["SMTPUTF8"]


# ---------------------------------------------------------------------- AUTH
@pytest.mark.parametrize("authtype", ["plain", "login", "cram_md5", "CRAM-MD5"])
@pytest.mark.parametrize("user", ["alice", "bob"])
def test_auth_success(auth_server: AiosmtpdServer, authtype: str, user: str) -> None:
    before = len(auth_server.auth_events)
    with Net.SMTP.start(auth_server.host, auth_server.port, user=user, secret=USERS[user],
                        authtype=authtype) as smtp:
        assert smtp.is_auth_capable(authtype.upper().replace("_", "-"))
        smtp.send_message(f"Subject: {authtype}\n\nauthenticated\n", FROM, "to@example.com")
    event = auth_server.auth_events[before]
    assert (event.mechanism, event.user, event.success) == (
        authtype.upper().replace("_", "-"), user, True)
    assert auth_server.messages[-1].authenticated_as == user


def test_auth_by_authenticate_after_start(auth_server: AiosmtpdServer) -> None:
    smtp = Net.SMTP(auth_server.host, auth_server.port)
    smtp.start()
    try:
        res = smtp.authenticate("alice", USERS["alice"], "login")
        assert res.status == "235"
    finally:
        smtp.finish()


@pytest.mark.parametrize("authtype", ["plain", "login", "cram_md5"])
@pytest.mark.parametrize("user, secret", [("alice", "wrong"), ("mallory", "alice-secret")])
def test_auth_failure_raises_authentication_error(auth_server: AiosmtpdServer, authtype: str,
                                                  user: str, secret: str) -> None:
    smtp = Net.SMTP(auth_server.host, auth_server.port)
    with pytest.raises(Net.SMTPAuthenticationError) as info:
        smtp.start(user=user, secret=secret, authtype=authtype)
    assert info.value.response is not None and info.value.response.status == "535"
    assert not smtp.is_started()
    with pytest.raises(IOError, match="not yet started"):
        smtp.finish()
    # A failed start leaves the object clean: the next start talks afresh.
    smtp.start(user="alice", secret=USERS["alice"], authtype=authtype)
    smtp.finish()
    failed, ok = auth_server.auth_events[-2:]
    assert (failed.user, failed.success, ok.user, ok.success) == (user, False, "alice", True)


def test_xoauth2_success_and_failure(auth_server: AiosmtpdServer) -> None:
    with Net.SMTP.start(auth_server.host, auth_server.port, user="alice", secret=TOKENS["alice"],
                        authtype="xoauth2") as smtp:
        smtp.send_message("Subject: oauth\n\nx\n", FROM, "to@example.com")
    assert auth_server.messages[-1].authenticated_as == "alice"
    with pytest.raises(Net.SMTPAuthenticationError):
        Net.SMTP.start(auth_server.host, auth_server.port, user="alice", secret="expired-token",
                       authtype="XOAUTH2", block=lambda smtp: pytest.fail("must not run"))
    assert [(e.mechanism, e.success) for e in auth_server.auth_events[-2:]] == [
        ("XOAUTH2", True), ("XOAUTH2", False)]


def test_auth_capabilities_as_aiosmtpd_announces_them(auth_server: AiosmtpdServer) -> None:
    with Net.SMTP.start(auth_server.host, auth_server.port) as smtp:
        assert smtp.capable_auth_types() == ["CRAM-MD5", "LOGIN", "PLAIN", "XOAUTH2"]
        assert smtp.is_capable_plain_auth() and smtp.is_capable_login_auth()
        assert smtp.is_capable_cram_md5_auth()
        assert not smtp.is_capable_starttls()


def test_user_mechanism_is_used_by_authenticate_end_to_end(registry_snapshot: None) -> None:
    """A mechanism registered as 'x-custom' is picked by authenticate(u, s,
    'x_custom') with no other change; here it speaks PLAIN to aiosmtpd."""
    calls: list[str] = []

    class AuthXCustom(Authenticator):
        def auth(self, user: str, secret: str) -> Response:
            calls.append(user)
            return self.finish("AUTH PLAIN " + self.base64_encode(f"\0{user}\0{secret}"))

    AuthXCustom.auth_type("x-custom")
    with AiosmtpdServer(users={"carol": "c-secret"}) as server:
        smtp = Net.SMTP(server.host, server.port)
        smtp.start()
        try:
            res = smtp.authenticate("carol", "c-secret", "x_custom")
        finally:
            smtp.finish()
        with Net.SMTP.start(server.host, server.port, user="carol", secret="c-secret",
                            authtype="X_CUSTOM") as second:
            assert second.is_started()
        events = server.auth_events
    assert res.status == "235"
    assert calls == ["carol", "carol"]
    assert [(e.mechanism, e.user, e.success) for e in events] == [("PLAIN", "carol", True)] * 2


# -------------------------------------------------------------- HELO fallback
def test_helo_fallback_when_ehlo_is_refused() -> None:
    with AiosmtpdServer(refuse_ehlo=True) as server:
        log: list[str] = []
        smtp = Net.SMTP(server.host, server.port)
        smtp.debug_output = log
        smtp.start(helo="old.example")
        try:
            assert smtp.is_esmtp() is False
            assert smtp.capabilities == {}
            smtp.send_message("Subject: helo\n\nx\n", FROM, "to@example.com")
        finally:
            smtp.finish()
        text = "".join(log)
        assert '<- "EHLO old.example\\r\\n"\n-> "502 5.5.1 EHLO not implemented\\r\\n"\n' \
               '<- "HELO old.example\\r\\n"\n' in text
        assert [m.content for m in server.messages] == [b"Subject: helo\r\n\r\nx\r\n"]


# --------------------------------------------------------------- big message
def test_twenty_megabytes_from_a_binary_file(aiosmtpd_server: AiosmtpdServer, tmp_path: Path) -> None:
    path = tmp_path / "big.eml"
    target = 20 * 1024 * 1024
    endings = (b"\n", b"\r\n", b"\n", b"\r")
    with path.open("wb") as out:
        out.write(b"Subject: twenty megabytes\n\n")
        written, i = 0, 0
        while written < target:
            line = b"%s%07d the quick brown fox jumps over the lazy dog %s" % (
                b"." if i % 37 == 0 else b"", i, endings[i % 4])
            out.write(line)
            written += len(line)
            i += 1
        out.write(b"no final newline")
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        with path.open("rb") as f:
            res = smtp.send_message(f, FROM, "big@example.com")
    assert res.is_success()
    [got] = aiosmtpd_server.messages
    expected = normalize_line_endings(path.read_bytes())
    assert len(got.content) == len(expected)
    assert got.content == expected
