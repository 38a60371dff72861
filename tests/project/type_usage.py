"""How user code is typed: checked by mypy --strict in tests/project/test_typing.py,
never run. Each ``assert_type`` is a claim about the public signatures."""

from __future__ import annotations

import io
from email.message import EmailMessage
from typing import Optional

from typing_extensions import assert_type

from net_smtp import MessageStream, Net
from net_smtp.errors import Reply
from net_smtp.protocol import WriteAdapter


def started(smtp: Net.SMTP) -> None:
    assert_type(smtp.send_message("x", "a@example.com", "b@example.net"), Net.SMTP.Response)
    assert_type(smtp.send_message(b"x", "a@example.com", ["b@example.net"]), Net.SMTP.Response)
    assert_type(smtp.send_message(io.BytesIO(b"x"), "a@example.com", "b@example.net"),
                Net.SMTP.Response)
    assert_type(smtp.send_message(io.StringIO("x"), "a@example.com", "b@example.net"),
                Net.SMTP.Response)
    assert_type(smtp.send_message(["a", b"b"], "a@example.com", "b@example.net"),
                Net.SMTP.Response)
    assert_type(smtp.send_message(EmailMessage()), Net.SMTP.Response)
    res = smtp.send_message("x", "a@example.com", "b@example.net", refused="return")
    assert_type(res.refused, dict[str, Net.SMTP.Response])
    assert_type(smtp.open_message_stream("a@example.com", "b@example.net"), MessageStream)
    with smtp.open_message_stream("a@example.com", "b@example.net") as f:
        assert_type(f, WriteAdapter)
    assert_type(smtp.open_message_stream("a@example.com", "b@example.net",
                                         block=lambda f: f.puts("x")), Net.SMTP.Response)
    assert_type(smtp.finish(), Optional[Net.SMTP.Response])


def start_forms() -> None:
    assert_type(Net.SMTP.start("mail.example.com", 25), Net.SMTP)
    assert_type(Net.SMTP.start("mail.example.com", 587, user="u", secret=b"s",
                               authtype="auto", read_timeout=5), Net.SMTP)
    assert_type(Net.SMTP.start("mail.example.com", block=lambda smtp: 42), int)
    with Net.SMTP.start("mail.example.com", 25) as smtp:
        assert_type(smtp, Net.SMTP)
    smtp = Net.SMTP("mail.example.com", 25, open_timeout=3, ssl_context=None)
    assert_type(smtp.start(), Net.SMTP)
    assert_type(smtp.start("helo.example", block=lambda s: "done"), str)


def errors(err: Net.SMTPError, refusal: Net.SMTPRecipientsRefused) -> None:
    assert_type(err.code, Optional[int])
    assert_type(refusal.refused, dict[str, Reply])
    aborted: OSError = Net.SMTPSessionAborted.after(err)
    assert_type(aborted, OSError)
    codes: list[int | None] = [err.code]
    assert codes
