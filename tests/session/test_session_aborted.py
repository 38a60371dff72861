"""No fake success: after a failure aborted the session, every command that
Ruby 0.5.1 answers with ``200 dummy reply code`` raises
``Net.SMTPSessionAborted`` instead, with nothing on the wire (SPEC.md
section 4, deviation 1).

A real aiosmtpd server is used where it can be made to fail that way (a
reply slower than ``read_timeout``); the scripted ``ScriptedServer`` where a real
server will not (``DATA`` answered 451, a hang-up on MAIL).
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

import pytest
from aiosmtpd.smtp import SMTP as ServerSMTP
from aiosmtpd.smtp import Envelope, Session

from net_smtp import Net
from tests.support.aiosmtpd import AiosmtpdServer, RecordingHandler
from tests.support.faults import EHLO_NAME, ehlo_reply, serve_transactions
from tests.support.scripted import Conn, ScriptedServer

FROM = "alice@example.com"
TO = "bob@example.net"


def data_refused_once(conn: Conn) -> None:
    """A session whose first DATA command is answered 451 (not 354), then
    ordinary transactions: what follows from the client is recorded."""
    conn.send(b"220 " + EHLO_NAME + b" ESMTP ready\r\n")
    conn.expect(b"EHLO ")
    conn.send(ehlo_reply(b"PIPELINING", b"8BITMIME"))
    conn.expect(b"MAIL FROM:")
    conn.send(b"250 2.1.0 Ok\r\n")
    conn.expect(b"RCPT TO:")
    conn.send(b"250 2.1.5 Ok\r\n")
    conn.expect(b"DATA")
    conn.send(b"451 4.3.0 try again later\r\n")
    serve_transactions(conn)


def hang_up_on_mail(conn: Conn) -> None:
    """Greets, then closes the connection when MAIL arrives."""
    conn.send(b"220 " + EHLO_NAME + b" ESMTP ready\r\n")
    conn.expect(b"EHLO ")
    conn.send(ehlo_reply(b"PIPELINING"))
    conn.expect(b"MAIL FROM:")
    conn.close()


def test_a_loop_after_a_refused_data_reports_every_unsent_message() -> None:
    """The issue's example: three messages after DATA was answered 451. Ruby
    reports two successes and the server gets nothing; the port raises for
    each message, sends nothing more, and the next session delivers."""
    with ScriptedServer() as server:
        session = server.expect(data_refused_once)
        server.expect(lambda conn: (conn.send(b"220 again\r\n"), conn.expect(b"EHLO "),
                                    conn.send(ehlo_reply(b"8BITMIME")),
                                    serve_transactions(conn)))
        smtp = Net.SMTP("127.0.0.1", server.port)
        smtp.start()
        outcomes: list[Any] = []
        for n in range(4):
            try:
                outcomes.append(smtp.send_message(f"Subject: {n}\n\nbody {n}\n", FROM, TO))
            except Net.SMTPError as exc:
                outcomes.append(exc)
        first, *rest = outcomes
        assert type(first) is Net.SMTPUnknownError and first.code == 451
        for aborted in rest:
            assert isinstance(aborted, Net.SMTPSessionAborted)
            assert isinstance(aborted, OSError) and isinstance(aborted, Net.SMTPError)
            assert aborted.__cause__ is first
            assert aborted.response is first.response and aborted.code == 451
            assert "SMTPUnknownError: could not get 3xx (451: 451 4.3.0 try again later)" \
                in str(aborted)
            assert "start a new session" in str(aborted)
        assert smtp.is_started()
        assert smtp.finish() is None  # no QUIT on an aborted session
        conn = session.result()
        assert conn.received.endswith(b"DATA\r\n"), "nothing is sent after the abort"
        assert conn.peer_closed
        smtp.start()
        res = smtp.send_message("Subject: again\n\nbody\n", FROM, TO)
        smtp.finish()
        assert res.is_success()


def test_every_checked_command_raises_after_a_hang_up() -> None:
    """After EOF on MAIL, each command of Ruby's critical section raises
    without touching the wire; a message block is never called."""
    with ScriptedServer() as server:
        session = server.expect(hang_up_on_mail)
        smtp = Net.SMTP.start("127.0.0.1", server.port)
        with pytest.raises(EOFError) as eof:
            smtp.mailfrom(FROM)
        called: list[bool] = []
        calls: list[Callable[[], Any]] = [
            lambda: smtp.mailfrom(FROM), lambda: smtp.rcptto(TO), lambda: smtp.rset(),
            lambda: smtp.helo("x"), lambda: smtp.ehlo("x"), lambda: smtp.starttls(),
            lambda: smtp.quit(), lambda: smtp.data("x\n"),
            lambda: smtp.data(block=lambda f: called.append(True)),
            lambda: smtp.send_message("x\n", FROM, TO),
            lambda: smtp.open_message_stream(FROM, TO, block=lambda f: called.append(True)),
        ]
        for call in calls:
            with pytest.raises(Net.SMTPSessionAborted) as aborted:
                call()
            assert aborted.value.__cause__ is eof.value
            assert aborted.value.response is None and aborted.value.code is None
        with pytest.raises(Net.SMTPSessionAborted):
            with smtp.open_message_stream(FROM, TO) as f:
                f.puts("never")
                called.append(True)
        assert not called
        assert smtp.finish() is None
        assert session.result().received.endswith(b"MAIL FROM:<alice@example.com>\r\n")


class SlowFirstMessage(RecordingHandler):
    """Takes longer than the client waits to answer the first message's end
    of data (and refuses it), then accepts messages at once."""

    def __init__(self) -> None:
        super().__init__({}, {})
        self.data_commands = 0

    async def handle_DATA(self, server: ServerSMTP, session: Session,
                          envelope: Envelope) -> str:
        self.data_commands += 1
        if self.data_commands == 1:
            await asyncio.sleep(1.0)
            return "451 4.3.0 too slow"
        return await super().handle_DATA(server, session, envelope)


def test_a_timeout_against_aiosmtpd_aborts_and_a_new_session_delivers() -> None:
    handler = SlowFirstMessage()
    with AiosmtpdServer(handler=handler) as server:
        smtp = Net.SMTP(server.host, server.port, read_timeout=0.3)
        smtp.start()
        with pytest.raises(Net.ReadTimeout) as timeout:
            smtp.send_message("Subject: slow\n\nslow\n", FROM, TO)
        for _ in range(2):
            with pytest.raises(Net.SMTPSessionAborted) as aborted:
                smtp.send_message("Subject: lost?\n\nnot lost\n", FROM, TO)
            assert aborted.value.__cause__ is timeout.value
            assert "(ReadTimeout: Net::ReadTimeout with 127.0.0.1:" in str(aborted.value)
        assert smtp.finish() is None
        smtp.read_timeout = 5
        with smtp.start():
            assert smtp.send_message("Subject: fresh\n\nfresh\n", FROM, TO).is_success()
        assert handler.data_commands == 2
        assert [m.content for m in server.messages] == [b"Subject: fresh\r\n\r\nfresh\r\n"]


def test_commands_before_start_raise_then_abort_until_start() -> None:
    """Ruby: NoMethodError, then the dummy reply; the port: AttributeError,
    then SMTPSessionAborted naming it. start() clears it."""
    smtp = Net.SMTP("127.0.0.1", 9)
    with pytest.raises(AttributeError) as missing:
        smtp.rset()
    with pytest.raises(Net.SMTPSessionAborted) as aborted:
        smtp.mailfrom(FROM)
    assert aborted.value.__cause__ is missing.value
    with pytest.raises(OSError, match="closed session"):
        smtp.send_message("x\n", FROM, TO)


def test_the_error_pickles_and_keeps_its_reply() -> None:
    import pickle

    reply = Net.SMTP.Response.parse("421 closing\n")
    error = Net.SMTPSessionAborted.after(Net.SMTPServerBusy(reply))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is Net.SMTPSessionAborted
    assert str(copy) == str(error) and copy.response == reply and copy.code == 421


def busy_then_hang_up(conn: Conn) -> None:
    """Greets, answers MAIL with 421 and closes, as a relay that limits its
    sessions does: the client's QUIT meets end of file. (It reads the QUIT
    before closing, so that the close is a clean end of file, never a reset
    for unread bytes, however the two sides are scheduled.)"""
    conn.send(b"220 " + EHLO_NAME + b" ESMTP ready\r\n")
    conn.expect(b"EHLO ")
    conn.send(ehlo_reply(b"PIPELINING"))
    conn.expect(b"MAIL FROM:")
    conn.send(b"421 4.7.0 too many messages in this session\r\n")
    conn.expect(b"QUIT")
    conn.close()


@pytest.mark.parametrize("form", ["with", "block"])
def test_a_failed_quit_replaces_the_error_of_the_body_as_in_ruby(form: str) -> None:
    """Ruby 0.5.1: ``Net::SMTP.start(h, p) { |s| s.send_message(...) }``
    against this server raises EOFError (its ensure's QUIT fails), not
    SMTPServerBusy: a 421 reply does not abort the session, so QUIT is
    sent. The ``with`` statement and ``block=`` both do the same; the
    reply's error stays the EOFError's context."""
    with ScriptedServer() as server:
        session = server.expect(busy_then_hang_up)
        with pytest.raises(EOFError) as eof:
            if form == "with":
                with Net.SMTP.start("127.0.0.1", server.port) as smtp:
                    smtp.send_message("Subject: x\n\nbody\n", FROM, TO)
            else:
                Net.SMTP.start("127.0.0.1", server.port,
                               block=lambda s: s.send_message("Subject: x\n\nbody\n", FROM, TO))
        assert isinstance(eof.value.__context__, Net.SMTPServerBusy)
        session.result()
