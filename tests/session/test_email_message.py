"""``email.message.Message`` and ``EmailMessage`` as messages: sent as
smtplib's ``send_message`` sends them, checked byte for byte against
smtplib itself, each client talking to a real aiosmtpd server."""

from __future__ import annotations

import copy
import smtplib
from collections.abc import Sequence
from email.message import EmailMessage, Message
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from typing import Any, Callable

import pytest

from net_smtp import Net
from tests.support.aiosmtpd import AiosmtpdServer, ReceivedMessage


def email_message() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Alice <alice@example.com>"
    msg["To"] = "Bob <bob@example.net>, carol@example.org"
    msg["Cc"] = "dave@example.org"
    msg["Bcc"] = "secret@example.org"
    msg["Subject"] = "Grüße from EmailMessage"
    msg.set_content("Hello,\n.a line that starts with a dot\nbye\n")
    return msg


def compat32_message() -> Message:
    msg = MIMEText("Plain compat32 body\n.dot line\nFrom here\n")
    msg["From"] = "alice@example.com"
    msg["To"] = "bob@example.net"
    msg["Bcc"] = "hidden@example.org"
    msg["Subject"] = "compat32"
    return msg


def multipart_message() -> Message:
    msg = MIMEMultipart()
    msg["From"] = "alice@example.com"
    msg["To"] = "bob@example.net"
    msg["Subject"] = "with an attachment"
    msg.attach(MIMEText("see the attachment\n"))
    msg.attach(MIMEApplication(bytes(range(256)) * 64, Name="data.bin"))
    msg.set_boundary("fixed-boundary-for-comparison")
    return msg


def resent_message() -> EmailMessage:
    msg = email_message()
    msg["Resent-Date"] = "Sat, 28 Nov 2026 10:00:00 +0000"
    msg["Resent-From"] = "forwarder@example.com"
    msg["Resent-To"] = "eve@example.org"
    msg["Resent-Bcc"] = "hidden-resent@example.org"
    return msg


def sender_header_message() -> EmailMessage:
    msg = email_message()
    msg["Sender"] = "On Behalf <secretary@example.com>"
    return msg


def international_message() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "jörg@example.com"
    msg["To"] = "zoë@example.net"
    msg["Subject"] = "ünïcödé"
    msg.set_content("Grüße\n")
    return msg


def by_smtplib(server: AiosmtpdServer, msg: Message, *args: Any) -> ReceivedMessage:
    with smtplib.SMTP(server.host, server.port) as client:
        client.send_message(msg, *args)
    return server.messages[-1]


def by_net_smtp(server: AiosmtpdServer, msg: Message, *args: Any) -> ReceivedMessage:
    with Net.SMTP.start(server.host, server.port) as smtp:
        res = smtp.send_message(msg, *args)
    assert res.is_success()
    return server.messages[-1]


def same_delivery(ours: ReceivedMessage, theirs: ReceivedMessage) -> None:
    """What the server received from both clients is the same: envelope,
    MAIL options (SMTPUTF8, BODY=8BITMIME) and the message bytes."""
    assert ours.mail_from == theirs.mail_from
    assert ours.rcpt_tos == theirs.rcpt_tos
    assert sorted(ours.mail_options) == sorted(theirs.mail_options)
    assert ours.smtp_utf8 == theirs.smtp_utf8
    assert ours.content == theirs.content


@pytest.mark.parametrize("make", [email_message, compat32_message, multipart_message,
                                  resent_message, sender_header_message,
                                  international_message],
                         ids=lambda f: f.__name__)
def test_sent_as_smtplib_sends_it(make: Callable[[], Message],
                                  aiosmtpd_server: AiosmtpdServer) -> None:
    theirs = by_smtplib(aiosmtpd_server, make())
    ours = by_net_smtp(aiosmtpd_server, make())
    same_delivery(ours, theirs)
    assert b"Bcc:" not in ours.content


def test_bcc_is_a_recipient_but_not_a_header(aiosmtpd_server: AiosmtpdServer) -> None:
    msg = email_message()
    before = copy.deepcopy(msg)
    got = by_net_smtp(aiosmtpd_server, msg)
    assert got.mail_from == "alice@example.com"
    assert got.rcpt_tos == ["bob@example.net", "carol@example.org", "secret@example.org",
                            "dave@example.org"]
    assert b"secret@example.org" not in got.content
    assert msg.as_string() == before.as_string(), "the caller's message is left as it was"


def test_resent_headers_give_the_envelope(aiosmtpd_server: AiosmtpdServer) -> None:
    got = by_net_smtp(aiosmtpd_server, resent_message())
    assert got.mail_from == "forwarder@example.com"
    assert got.rcpt_tos == ["eve@example.org", "hidden-resent@example.org"]
    assert b"hidden-resent@example.org" not in got.content
    assert b"secret@example.org" not in got.content


@pytest.mark.parametrize("args,sender,recipients", [
    (("boss@example.com",), "boss@example.com",
     ["bob@example.net", "carol@example.org", "secret@example.org", "dave@example.org"]),
    ((None, "only@example.org"), "alice@example.com", ["only@example.org"]),
    (("boss@example.com", ["x@example.org", "y@example.org"]), "boss@example.com",
     ["x@example.org", "y@example.org"]),
])
def test_explicit_envelope_arguments_win(args: Sequence[Any], sender: str, recipients: list[str],
                                         aiosmtpd_server: AiosmtpdServer) -> None:
    theirs = by_smtplib(aiosmtpd_server, email_message(), args[0],
                        *([args[1]] if len(args) > 1 else []))
    got = by_net_smtp(aiosmtpd_server, email_message(), *args)
    assert (got.mail_from, got.rcpt_tos) == (sender, recipients)
    same_delivery(got, theirs)


def test_smtputf8_is_used_when_the_envelope_needs_it(aiosmtpd_server: AiosmtpdServer) -> None:
    got = by_net_smtp(aiosmtpd_server, international_message())
    assert got.smtp_utf8 and "BODY=8BITMIME" in got.mail_options
    assert "Subject: ünïcödé".encode() in got.content, "headers written as UTF-8"


def test_compat32_needing_smtputf8_is_sent_where_smtplib_fails(
        aiosmtpd_server: AiosmtpdServer) -> None:
    """smtplib raises TypeError (compat32 has no UTF-8 header mode); the
    port sends with the message's own policy and SMTPUTF8."""
    msg = compat32_message()
    msg.replace_header("To", "zoë@example.net")
    with pytest.raises(TypeError):
        by_smtplib(aiosmtpd_server, msg)
    got = by_net_smtp(aiosmtpd_server, msg)
    assert got.smtp_utf8 and got.rcpt_tos == ["zoë@example.net", "hidden@example.org"]


def test_a_server_without_smtputf8_is_refused_before_mail_from() -> None:
    with AiosmtpdServer(enable_SMTPUTF8=False) as server:
        log: list[str] = []
        smtp = Net.SMTP(server.host, server.port)
        smtp.debug_output = log
        with smtp.start():
            with pytest.raises(Net.SMTPUnsupportedCommand, match="needs SMTPUTF8"):
                smtp.send_message(international_message())
            assert not any("MAIL FROM" in line for line in log)
            assert smtp.send_message(email_message()).is_success()
        assert len(server.messages) == 1


@pytest.mark.parametrize("edit,message", [
    (lambda m: m.__delitem__("From"), "no Sender or From header"),
    (lambda m: (m.__setitem__("Resent-Date", "Sat, 28 Nov 2026 10:00:00 +0000"),
                m.__setitem__("Resent-Date", "Sun, 29 Nov 2026 10:00:00 +0000")),
     "more than one Resent- header block"),
    (lambda m: (m.__delitem__("To"), m.__delitem__("Cc"), m.__delitem__("Bcc")),
     "names no recipient"),
])
def test_missing_headers_raise_before_anything_is_sent(edit: Callable[[EmailMessage], Any],
                                                       message: str,
                                                       aiosmtpd_server: AiosmtpdServer) -> None:
    msg = email_message()
    edit(msg)
    log: list[str] = []
    smtp = Net.SMTP(aiosmtpd_server.host, aiosmtpd_server.port)
    smtp.debug_output = log
    with smtp.start():
        with pytest.raises(Net.ArgumentError, match=message):
            smtp.send_message(msg)
        assert not any("MAIL FROM" in line for line in log)


def test_data_takes_a_message_too(aiosmtpd_server: AiosmtpdServer) -> None:
    theirs = by_smtplib(aiosmtpd_server, compat32_message())
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port) as smtp:
        smtp.mailfrom("alice@example.com")
        smtp.rcptto("bob@example.net")
        smtp.rcptto("hidden@example.org")
        assert smtp.data(compat32_message()).is_success()
    same_delivery(aiosmtpd_server.messages[-1], theirs)


def test_a_message_is_never_sent_as_its_header_names(aiosmtpd_server: AiosmtpdServer) -> None:
    """The bug this fixes: a Message is iterable over its header names."""
    by_net_smtp(aiosmtpd_server, email_message(), "alice@example.com", "bob@example.net")
    assert not aiosmtpd_server.messages[-1].content.startswith(b"FromToCcBcc")


def test_a_closed_session_is_reported_for_a_message_too() -> None:
    smtp = Net.SMTP("127.0.0.1", 9)
    with pytest.raises(OSError, match="closed session"):
        smtp.send_message(email_message())
