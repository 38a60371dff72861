"""PIPELINING (RFC 2920), opt-in: MAIL, every RCPT and DATA in one write,
then the replies in order, with the same outcomes as lock-step for the same
replies. Against aiosmtpd (made to announce PIPELINING) and, for replies a
real server will not give, the scripted ScriptedServer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pytest
from aiosmtpd.smtp import SMTP as ServerSMTP
from aiosmtpd.smtp import Envelope, Session

from net_smtp import Net
from tests.support.aiosmtpd import AiosmtpdServer, RecordingHandler
from tests.support.faults import EHLO_NAME, ehlo_reply
from tests.support.scripted import Conn, ScriptedServer

FROM = "alice@example.com"
MESSAGE = "Subject: pipelined\n\nhello\n.dot line\n"


def debug_commands_then_replies(log: list[str]) -> list[str]:
    """The debug lines of one transaction, ``<-`` for commands, ``->`` for replies."""
    return [line[:2] for line in "".join(log).splitlines() if line[:2] in ("<-", "->")]


# --------------------------------------------------------------- aiosmtpd
class Refusing(RecordingHandler):
    """Offers PIPELINING (aiosmtpd reads commands from a buffered stream, so
    it serves a pipelined batch as it comes, but does not announce it);
    refuses nobody@ (550) and later@ (451), and MAIL from spammer@."""

    def __init__(self) -> None:
        super().__init__({}, {})

    async def handle_EHLO(self, server: ServerSMTP, session: Session, envelope: Envelope,
                          hostname: str, responses: list[str]) -> list[str]:
        session.host_name = hostname  # what aiosmtpd leaves to this hook
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_MAIL(self, server: ServerSMTP, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        if address == "spammer@example.com":
            return "550 5.7.1 go away"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server: ServerSMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        refusals = {"nobody@example.net": "550 5.1.1 no such user",
                    "later@example.net": "451 4.2.1 try later"}
        if address in refusals:
            return refusals[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def server() -> Any:
    with AiosmtpdServer(handler=Refusing()) as running:
        yield running


def test_one_write_then_the_replies_and_the_same_delivery(server: Any) -> None:
    log: list[str] = []
    smtp = Net.SMTP(server.host, server.port, pipelining=True)
    smtp.debug_output = log
    with smtp.start():
        assert smtp.is_capable("PIPELINING")
        del log[:]
        res = smtp.send_message(MESSAGE, FROM, "bob@example.net", "carol@example.org")
    assert res.is_success()
    assert debug_commands_then_replies(log)[:8] == ["<-"] * 4 + ["->"] * 4
    [got] = server.messages
    assert got.rcpt_tos == ["bob@example.net", "carol@example.org"]
    assert got.content == b"Subject: pipelined\r\n\r\nhello\r\n.dot line\r\n"


def test_off_by_default_and_class_level_keyword(server: Any) -> None:
    assert Net.SMTP("127.0.0.1").pipelining is False
    with Net.SMTP.start(server.host, server.port, pipelining=True) as smtp:
        assert smtp.pipelining is True
        smtp.send_message(MESSAGE, FROM, "bob@example.net")
    assert len(server.messages) == 1


def outcome(server: Any, pipelining: bool, send: Callable[[Any], Any]) -> Any:
    """What *send* does on a fresh session, and whether a message then still
    goes through the same session (after rset when it is still started)."""
    smtp = Net.SMTP.start(server.host, server.port, pipelining=pipelining)
    try:
        try:
            res = send(smtp)
            result: Any = ("ok", res.status, {a: r.status for a, r in res.refused.items()})
        except Net.SMTPError as exc:
            refused = {a: r.status for a, r in getattr(exc, "refused", {}).items()}
            result = (type(exc).__name__, str(exc), refused)
        usable = smtp.is_started()
        if usable:
            smtp.rset()
            smtp.send_message(MESSAGE, FROM, "bob@example.net")
        return result, usable
    finally:
        if smtp.is_started():
            smtp.finish()


CASES: dict[str, Callable[[Any], Any]] = {
    "all accepted": lambda s: s.send_message(MESSAGE, FROM, "bob@example.net"),
    "mail refused": lambda s: s.send_message(MESSAGE, "spammer@example.com", "bob@example.net"),
    "one refused, raise": lambda s: s.send_message(MESSAGE, FROM, "bob@example.net",
                                                   "nobody@example.net"),
    "first refused, raise": lambda s: s.send_message(MESSAGE, FROM, "later@example.net",
                                                     "bob@example.net"),
    "all refused, raise": lambda s: s.send_message(MESSAGE, FROM, "nobody@example.net",
                                                   "later@example.net"),
    "some refused, return": lambda s: s.send_message(MESSAGE, FROM, "nobody@example.net",
                                                     "bob@example.net", "later@example.net",
                                                     refused="return"),
    "all refused, return": lambda s: s.send_message(MESSAGE, FROM, "nobody@example.net",
                                                    "later@example.net", refused="return"),
}
# Where a command failed before DATA but DATA was answered 354, the
# pipelined client must drop the connection; lock-step never sent DATA.
DROPPED = {"one refused, raise", "first refused, raise"}


@pytest.mark.parametrize("case", list(CASES))
def test_same_outcome_as_lock_step(case: str, server: Any) -> None:
    lock_step, lock_step_usable = outcome(server, False, CASES[case])
    pipelined, pipelined_usable = outcome(server, True, CASES[case])
    assert pipelined == lock_step
    assert lock_step_usable
    assert pipelined_usable == (case not in DROPPED)


def test_354_after_a_refused_recipient_never_commits_the_message(server: Any) -> None:
    smtp = Net.SMTP.start(server.host, server.port, pipelining=True)
    with pytest.raises(Net.SMTPFatalError, match="no such user"):
        smtp.send_message(MESSAGE, FROM, "bob@example.net", "nobody@example.net")
    assert not smtp.is_started()
    with pytest.raises(Net.SMTPSessionAborted):
        smtp.rset()
    assert smtp.finish() is None
    assert server.messages == []
    smtp.start()
    smtp.send_message(MESSAGE, FROM, "bob@example.net")
    smtp.finish()
    assert len(server.messages) == 1


def test_a_message_stream_is_pipelined_too(server: Any) -> None:
    log: list[str] = []
    smtp = Net.SMTP(server.host, server.port, pipelining=True)
    smtp.debug_output = log
    with smtp.start():
        del log[:]
        with smtp.open_message_stream(FROM, "bob@example.net") as f:
            f.puts("Subject: streamed")
            f.puts("")
            f.puts("body")
    assert debug_commands_then_replies(log)[:6] == ["<-"] * 3 + ["->"] * 3
    assert server.messages[0].content == b"Subject: streamed\r\n\r\nbody\r\n"


def test_without_pipelining_offered_it_is_lock_step() -> None:
    with AiosmtpdServer() as plain:
        log: list[str] = []
        smtp = Net.SMTP(plain.host, plain.port, pipelining=True)
        smtp.debug_output = log
        with smtp.start():
            assert not smtp.is_capable("PIPELINING")
            del log[:]
            smtp.send_message(MESSAGE, FROM, "bob@example.net")
    assert debug_commands_then_replies(log)[:6] == ["<-", "->"] * 3


def test_bad_addresses_send_nothing(server: Any) -> None:
    log: list[str] = []
    smtp = Net.SMTP(server.host, server.port, pipelining=True)
    smtp.debug_output = log
    with smtp.start():
        del log[:]
        with pytest.raises(Net.ArgumentError, match="CR or LF"):
            smtp.send_message(MESSAGE, FROM, "bob@example.net", "evil\r\nRSET@example.net")
        with pytest.raises(Net.ArgumentError, match="mail destination not given"):
            smtp.send_message(MESSAGE, FROM)
        assert log == []
        smtp.send_message(MESSAGE, FROM, "bob@example.net")


# --------------------------------------------------------- scripted server
@dataclass
class Script:
    """Replies for one pipelined transaction: to MAIL, to each RCPT, to DATA
    (``None``: hang up instead of answering that command)."""

    mail: str = "250 2.1.0 Ok"
    rcpt: list[str | None] | None = None
    data: str | None = "354 go ahead"
    after_dot: str = "250 2.0.0 queued"


def batch_server(script: Script, recipients: int) -> Callable[[Conn], None]:
    """A server that reads the whole batch before answering anything (a
    lock-step client would wait for ever), then plays *script*."""
    def handler(conn: Conn) -> None:
        conn.send(b"220 " + EHLO_NAME + b" ESMTP\r\n")
        conn.expect(b"EHLO ")
        conn.send(ehlo_reply(b"PIPELINING", b"8BITMIME"))
        batch = [conn.readline() for _ in range(recipients + 2)]
        assert batch[0].startswith(b"MAIL FROM:") and batch[-1] == b"DATA\r\n", batch
        replies = [script.mail, *(script.rcpt or ["250 2.1.5 Ok"] * recipients), script.data]
        for reply in replies:
            if reply is None:
                conn.close()
                return
            conn.send(reply.encode() + b"\r\n")
        if script.data and script.data.startswith("354"):
            conn.messages.append(conn.read_body())
            conn.send(script.after_dot.encode() + b"\r\n")
        while True:
            line = conn.readline()
            conn.send(b"221 bye\r\n" if line.startswith(b"QUIT") else b"250 ok\r\n")
            if line.startswith(b"QUIT"):
                return
    return handler


def run_script(script: Script, recipients: list[str]) -> Any:
    with ScriptedServer() as fault:
        session = fault.expect(batch_server(script, len(recipients)))
        smtp = Net.SMTP("127.0.0.1", fault.port, pipelining=True, read_timeout=5)
        smtp.start()
        error: BaseException | None = None
        try:
            smtp.send_message(MESSAGE, FROM, *recipients)
        except Exception as exc:  # noqa: BLE001 - the exception is the outcome under test
            error = exc
        state = (smtp.is_started(), error)
        if smtp.is_started() or error is not None:
            smtp.finish()
        return state, session.result()


def test_data_refused_alone_aborts_as_in_ruby() -> None:
    (started, error), conn = run_script(Script(data="451 4.3.0 not now"), ["bob@example.net"])
    assert isinstance(error, Net.SMTPUnknownError)
    assert str(error) == "could not get 3xx (451: 451 4.3.0 not now\n)"
    assert started  # aborted, not dropped: the next command raises SMTPSessionAborted
    assert conn.received.endswith(b"DATA\r\n"), "finish skipped QUIT"


def test_354_after_a_refused_mail_drops_the_connection() -> None:
    (started, error), conn = run_script(
        Script(mail="550 5.7.1 no", rcpt=["503 need MAIL"], data="354 oops"), ["bob@example.net"])
    assert isinstance(error, Net.SMTPFatalError) and str(error) == "550 5.7.1 no\n"
    assert not started and conn.messages == []
    assert conn.received.endswith(b"DATA\r\n")


def test_354_after_every_recipient_refused_drops_instead_of_rset() -> None:
    (started, error), conn = run_script(
        Script(rcpt=["550 no", "550 no"], data="354 odd"), ["a@example.net", "b@example.net"])
    assert isinstance(error, Net.SMTPFatalError) and not started
    assert conn.messages == [] and conn.received.endswith(b"DATA\r\n")


@pytest.mark.parametrize("where", ["mail", "rcpt", "data"])
def test_eof_mid_batch(where: str) -> None:
    script = Script(**{"mail": None} if where == "mail" else
                    {"rcpt": [None]} if where == "rcpt" else {"data": None})
    (started, error), conn = run_script(script, ["bob@example.net"])
    assert isinstance(error, EOFError)
    assert started  # aborted as in lock-step: finish closes without QUIT
    assert conn.messages == []
