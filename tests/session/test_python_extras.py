"""The keywords and behaviours a Python user expects, none changing Ruby's
arguments or bytes: refused recipients the smtplib way, timeouts and TLS
contexts as keywords, ``authtype='auto'``, bytes credentials, ``err.code``,
connect errors that say where, and one session per thread. Each against a
real aiosmtpd server (TLS with trustme certificates)."""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl
import threading
from typing import Any

import pytest
import trustme
from aiosmtpd.smtp import SMTP as ServerSMTP
from aiosmtpd.smtp import Envelope, Session

from net_smtp import Net, protocol
from tests.support.aiosmtpd import AiosmtpdServer, RecordingHandler
from tests.support.scripted import ScriptedServer

FROM = "alice@example.com"
MESSAGE = "Subject: extras\n\nhello\n"
USERS = {"alice": "s3cret", "bj\u00f6rn": "p\u00e4ss"}


class Refusing(RecordingHandler):
    """Refuses some recipients (550 or 450), and can hold a message's end of
    data until released (for the thread tests)."""

    REFUSE = {"nobody@example.net": "550 5.1.1 <nobody@example.net>: no such user",
              "later@example.net": "450 4.2.1 <later@example.net>: try later"}

    def __init__(self, users: dict[str, str] | None = None) -> None:
        super().__init__(users or {}, {})
        self.hold = threading.Event()
        self.hold.set()
        self.holding = threading.Event()
        self.rsets = 0

    async def handle_RCPT(self, server: ServerSMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address in self.REFUSE:
            return self.REFUSE[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_RSET(self, server: ServerSMTP, session: Session,
                          envelope: Envelope) -> str:
        self.rsets += 1
        return "250 OK"

    async def handle_DATA(self, server: ServerSMTP, session: Session,
                          envelope: Envelope) -> str:
        self.holding.set()
        while not self.hold.is_set():
            await asyncio.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def refusing() -> Any:
    with AiosmtpdServer(handler=Refusing()) as server:
        yield server


# ----------------------------------------------------------------- refused=
def test_refused_return_sends_to_the_accepted_and_lists_the_others(refusing: Any) -> None:
    with Net.SMTP.start(refusing.host, refusing.port) as smtp:
        res = smtp.send_message(MESSAGE, FROM, "bob@example.net", "nobody@example.net",
                                ["later@example.net", "carol@example.org"], refused="return")
    assert res.is_success()
    assert {a: (r.status, r.message) for a, r in res.refused.items()} == {
        "nobody@example.net": ("550", "550 5.1.1 <nobody@example.net>: no such user\n"),
        "later@example.net": ("450", "450 4.2.1 <later@example.net>: try later\n")}
    [got] = refusing.messages
    assert got.rcpt_tos == ["bob@example.net", "carol@example.org"]


def test_refused_return_without_refusals_has_an_empty_dict(refusing: Any) -> None:
    with Net.SMTP.start(refusing.host, refusing.port) as smtp:
        res = smtp.send_message(MESSAGE, FROM, Net.SMTP.Address("bob@example.net"),
                                refused="return")
        assert res.refused == {}
        assert smtp.send_message(MESSAGE, FROM, "bob@example.net").refused == {}


def test_every_recipient_refused_resets_and_raises_with_the_same_dict(refusing: Any) -> None:
    with Net.SMTP.start(refusing.host, refusing.port) as smtp:
        with pytest.raises(Net.SMTPRecipientsRefused) as refused:
            smtp.send_message(MESSAGE, FROM, "nobody@example.net", "later@example.net",
                              refused="return")
        error = refused.value
        assert isinstance(error, Net.SMTPError) and error.code == 550
        assert sorted(error.refused) == ["later@example.net", "nobody@example.net"]
        assert "every recipient was refused" in str(error)
        assert refusing.handler.rsets == 1
        # The session is usable: the transaction was reset.
        assert smtp.send_message(MESSAGE, FROM, "bob@example.net").is_success()
    assert len(refusing.messages) == 1


def test_refused_raise_is_rubys_way(refusing: Any) -> None:
    with Net.SMTP.start(refusing.host, refusing.port) as smtp:
        with pytest.raises(Net.SMTPFatalError) as fatal:
            smtp.send_message(MESSAGE, FROM, "nobody@example.net", "bob@example.net")
        assert fatal.value.code == 550
        smtp.rset()
    assert refusing.messages == []


def test_a_bad_refused_value_sends_nothing(aiosmtpd_server: AiosmtpdServer) -> None:
    log: list[str] = []
    smtp = Net.SMTP(aiosmtpd_server.host, aiosmtpd_server.port)
    smtp.debug_output = log
    with smtp.start():
        with pytest.raises(Net.ArgumentError, match="refused must be 'raise' or 'return'"):
            smtp.send_message(MESSAGE, FROM, "bob@example.net", refused="ignore")
    assert not any("MAIL FROM" in line for line in log)


# ----------------------------------------------------------------- keywords
def test_timeouts_as_keywords_on_new_and_class_start(aiosmtpd_server: AiosmtpdServer) -> None:
    smtp = Net.SMTP("127.0.0.1", 25, open_timeout=1.5, read_timeout=2, write_timeout=None)
    assert (smtp.open_timeout, smtp.read_timeout, smtp.write_timeout) == (1.5, 2, None)
    with Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port, read_timeout=7,
                        write_timeout=8, open_timeout=9) as started:
        assert (started.open_timeout, started.read_timeout, started.write_timeout) == (9, 7, 8)
        assert started._io().read_timeout == 7 and started._io().write_timeout == 8
    default = Net.SMTP("127.0.0.1")
    assert (default.open_timeout, default.read_timeout, default.write_timeout) == (30, 60, 60)


@pytest.mark.parametrize("name", ["open_timeout", "read_timeout", "write_timeout"])
@pytest.mark.parametrize("value", [-1, "5", True, float("nan")])
def test_bad_timeouts_are_refused(name: str, value: Any) -> None:
    with pytest.raises(Net.ArgumentError, match=name):
        Net.SMTP("127.0.0.1", 25, **{name: value})


def test_a_read_timeout_keyword_applies_to_the_session() -> None:
    """No greeting: the keyword's 0.3 s, not the default 60 s, decides."""
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        with pytest.raises(Net.ReadTimeout):
            Net.SMTP.start("127.0.0.1", listener.getsockname()[1], read_timeout=0.3)
    finally:
        listener.close()


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


def client_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def test_ssl_context_for_smtps(test_ca: trustme.CA) -> None:
    with AiosmtpdServer(ssl_context=server_context(test_ca)) as server:
        with Net.SMTP.start(server.host, server.port, tls=True,
                            ssl_context=client_context(test_ca)) as smtp:
            assert smtp.is_tls()
            assert isinstance(smtp._io().io, ssl.SSLSocket)
            smtp.send_message(MESSAGE, FROM, "bob@example.net")
        # The default context does not trust the test CA: the keyword was used.
        with pytest.raises(ssl.SSLCertVerificationError):
            Net.SMTP.start(server.host, server.port, tls=True)
    assert len(server.messages) == 1


@pytest.mark.parametrize("mode", ["always", "auto"])
def test_ssl_context_for_starttls(test_ca: trustme.CA, mode: str) -> None:
    with AiosmtpdServer(tls_context=server_context(test_ca), require_starttls=True) as server:
        smtp = Net.SMTP(server.host, server.port, starttls=mode, ssl_context=client_context(test_ca))
        with smtp.start():
            assert isinstance(smtp._io().io, ssl.SSLSocket)
            smtp.send_message(MESSAGE, FROM, "bob@example.net")
    assert len(server.messages) == 1


@pytest.mark.parametrize("kwargs,message", [
    ({"ssl_context": "not a context"}, "must be an ssl.SSLContext"),
    ({"ssl_context": ssl.create_default_context(), "starttls": False},
     "needs tls=True or starttls"),
    ({"ssl_context": ssl.create_default_context(), "ssl_context_params": {}},
     "not both"),
])
def test_bad_ssl_context_keywords(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(Net.ArgumentError, match=message):
        Net.SMTP("127.0.0.1", 25, **kwargs)


# ----------------------------------------------------------------- AUTH
@pytest.mark.parametrize("offered,chosen", [
    (None, "CRAM-MD5"),                      # aiosmtpd with our hooks: PLAIN LOGIN CRAM-MD5 XOAUTH2
    (["CRAM-MD5"], "PLAIN"),
    (["CRAM-MD5", "PLAIN"], "LOGIN"),
])
def test_authtype_auto_picks_the_best_offered(offered: list[str] | None, chosen: str) -> None:
    with AiosmtpdServer(users=USERS, tokens={"alice": "token"},
                        auth_exclude_mechanism=offered or []) as server:
        with Net.SMTP.start(server.host, server.port, user="alice", secret="s3cret",
                            authtype="auto") as smtp:
            smtp.send_message(MESSAGE, FROM, "bob@example.net")
    assert [(e.mechanism, e.user, e.success) for e in server.auth_events] == [
        (chosen, "alice", True)]


def test_authtype_auto_never_picks_xoauth2() -> None:
    with AiosmtpdServer(users=USERS, tokens={"alice": "token"},
                        auth_exclude_mechanism=["PLAIN", "LOGIN", "CRAM-MD5"]) as server:
        smtp = Net.SMTP(server.host, server.port)
        with pytest.raises(Net.SMTPUnsupportedCommand, match="offered: XOAUTH2"):
            smtp.start(user="alice", secret="token", authtype="auto")
        assert not smtp.is_started()
    assert server.auth_events == []


def test_authtype_auto_uses_a_registered_mechanism_of_ones_own() -> None:
    class AuthXPlain(Net.SMTP.Authenticator, auth_type="x-plain"):
        def auth(self, user: Any, secret: Any) -> Net.SMTP.Response:
            plain = b"\0" + user.encode() + b"\0" + secret.encode()
            return self.finish("AUTH PLAIN " + self.base64_encode(plain))

    try:
        assert Net.SMTP.Authenticator.best_offered(["x-plain", "XOAUTH2"]) is AuthXPlain
    finally:
        del Net.SMTP.Authenticator.auth_classes()["X-PLAIN"]


def test_authtype_auto_without_auth_offered() -> None:
    with AiosmtpdServer() as server:
        with pytest.raises(Net.SMTPUnsupportedCommand, match="offered: none"):
            Net.SMTP.start(server.host, server.port, user="alice", secret="x", authtype="auto")


@pytest.mark.parametrize("authtype", ["plain", "login", "cram_md5"])
def test_bytes_credentials_are_sent_as_they_are(authtype: str) -> None:
    with AiosmtpdServer(users=USERS) as server:
        user, secret = "bj\u00f6rn".encode(), "p\u00e4ss".encode()
        with Net.SMTP.start(server.host, server.port, user=user, secret=secret,
                            authtype=authtype):
            pass
        with pytest.raises(Net.SMTPAuthenticationError):
            Net.SMTP.start(server.host, server.port, user=b"alice",
                           secret=bytearray(b"s3cret!"), authtype=authtype)
    assert [(e.user, e.success) for e in server.auth_events] == [("bj\u00f6rn", True),
                                                                   ("alice", False)]


def test_xoauth2_takes_bytes_too() -> None:
    with AiosmtpdServer(tokens={"alice": "ya29.token"}) as server:
        with Net.SMTP.start(server.host, server.port, user=b"alice", secret=b"ya29.token",
                            authtype="xoauth2"):
            pass
    assert [(e.mechanism, e.success) for e in server.auth_events] == [("XOAUTH2", True)]


@pytest.mark.parametrize("user,secret,bad", [(42, "x", "user"), ("alice", 3.5, "secret"),
                                             (["alice"], "x", "user")])
def test_other_credential_types_raise_before_connecting(user: Any, secret: Any,
                                                        bad: str) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    try:
        with pytest.raises(TypeError, match=f"{bad} must be str or bytes"):
            Net.SMTP.start("127.0.0.1", listener.getsockname()[1], user=user, secret=secret)
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody connected
    finally:
        listener.close()


# ----------------------------------------------------------------- errors
def test_code_is_the_reply_code_as_an_int() -> None:
    assert Net.SMTPFatalError(Net.SMTP.Response.parse("554 no\n")).code == 554
    assert Net.SMTPUnknownError("reply too long").code is None
    assert Net.SMTPUnknownError(Net.SMTP.Response.parse("xyz odd\n")).code is None
    assert Net.SMTPServerBusy(Net.SMTP.Response.parse("421 bye\n")).response.status == "421"


def test_connection_refused_names_host_and_port_as_ruby_does() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()
    with pytest.raises(ConnectionRefusedError) as refused:
        Net.SMTP.start("127.0.0.1", port)
    assert refused.value.errno is not None
    assert refused.value.strerror == f'Connection refused - connect(2) for "127.0.0.1" port {port}'
    assert isinstance(refused.value.__cause__, ConnectionRefusedError)


def test_each_address_of_the_host_is_tried_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    """As socket.create_connection: the first address that accepts wins;
    when none does, the last one's error is raised."""
    closed = socket.create_server(("127.0.0.1", 0))
    dead = closed.getsockname()[1]
    closed.close()
    live = socket.create_server(("127.0.0.1", 0))
    port = live.getsockname()[1]
    tried: list[object] = []

    def lookup(host: object, service: object, *args: Any) -> list[tuple[Any, ...]]:
        tried.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", p))
                for p in (dead, service)]

    monkeypatch.setattr(protocol._socket, "getaddrinfo", lookup)
    try:
        sock = protocol.open_tcp("mail.example", port, 5)
        peer, _ = live.accept()
        assert sock.getpeername() == ("127.0.0.1", port)
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        sock.close()
        peer.close()
    finally:
        live.close()
    assert tried == [b"mail.example"]  # ASCII: bytes, no IDNA codec
    with pytest.raises(ConnectionRefusedError) as refused:
        protocol.open_tcp("bücher.example", port, 5)
    assert refused.value.errno == errno.ECONNREFUSED
    assert tried[-1] == "bücher.example"  # getaddrinfo encodes it with IDNA


def test_an_unknown_host_names_itself() -> None:
    with pytest.raises(socket.gaierror) as unknown:
        Net.SMTP.start("no-such-host.invalid", 25)
    assert '"no-such-host.invalid" port 25' in str(unknown.value)


# ----------------------------------------------------------------- threads
def test_a_second_thread_is_refused_at_once_and_the_first_message_is_unharmed(
        refusing: Any) -> None:
    handler = refusing.handler
    handler.hold.clear()
    smtp = Net.SMTP.start(refusing.host, refusing.port)
    results: list[Any] = []
    first = threading.Thread(target=lambda: results.append(
        smtp.send_message("Subject: first\n\nfirst\n", FROM, "bob@example.net")))
    first.start()
    assert handler.holding.wait(5), "the first message reached the server"
    for call in (lambda: smtp.send_message(MESSAGE, FROM, "carol@example.org"),
                 lambda: smtp.rset(), lambda: smtp.get_response("NOOP"), smtp.finish):
        with pytest.raises(RuntimeError, match="in use by another thread"):
            call()
    handler.hold.set()
    first.join(5)
    assert results and results[0].is_success()
    assert smtp.send_message(MESSAGE, FROM, "carol@example.org").is_success()
    smtp.finish()
    assert [m.rcpt_tos for m in refusing.messages] == [["bob@example.net"],
                                                        ["carol@example.org"]]


def test_a_with_block_stream_holds_the_session_for_its_thread(
        aiosmtpd_server: AiosmtpdServer) -> None:
    smtp = Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port)
    errors: list[BaseException] = []
    with smtp.open_message_stream(FROM, "bob@example.net") as f:
        f.puts("Subject: streamed")
        other = threading.Thread(target=lambda: errors.append(
            pytest.raises(RuntimeError, smtp.rset).value))
        other.start()
        other.join(5)
        f.puts("")
        f.puts("body")
    assert len(errors) == 1
    smtp.rset()  # this thread again, after the stream ended
    smtp.finish()
    [got] = aiosmtpd_server.messages
    assert got.content == b"Subject: streamed\r\n\r\nbody\r\n"


def test_sessions_may_move_between_threads_one_at_a_time(
        aiosmtpd_server: AiosmtpdServer) -> None:
    smtp = Net.SMTP.start(aiosmtpd_server.host, aiosmtpd_server.port)
    for n in range(3):
        worker = threading.Thread(target=smtp.send_message,
                                  args=(f"Subject: {n}\n\n{n}\n", FROM, "bob@example.net"))
        worker.start()
        worker.join(5)
    smtp.finish()
    assert len(aiosmtpd_server.messages) == 3


# ----------------------------------------------------------------- Ruby's throw
def test_a_ported_timeout_is_no_error_of_the_session_as_in_ruby() -> None:
    """Ruby's Timeout.timeout leaves its block by throw, which the session's
    error rule never sees: the session still says QUIT and takes the late
    reply as its answer. A ported script's ``ruby.timeout`` does the same
    (and the caller gets Timeout::Error, TimeoutError here)."""
    from net_smtp import ruby

    profile = {"replies": {"DATA_END": {"delay": 0.6, "lines": ["250 2.0.0 queued late"]}}}
    with ScriptedServer(profile) as server:
        with pytest.raises(TimeoutError, match="execution expired"):
            with ruby.timeout(0.2):
                with Net.SMTP.start("127.0.0.1", server.port) as smtp:
                    smtp.send_message("Subject: x\r\n\r\nbody\r\n", "a@x.test", "b@x.test")
    sent = bytes(server.connections[0].client)  # (the server has stopped: all of it)
    assert sent.endswith(b"\r\n.\r\nQUIT\r\n")
    assert not smtp.is_started()
