"""TLS security proofs (issue 7, item 6), each against a real server over
real loopback sockets:

* STARTTLS response injection: bytes a man in the middle appends after the
  ``220`` in clear text never count as a reply or a capability.
* ``starttls='always'`` fails closed, before any credentials are sent, when
  the server does not offer STARTTLS or refuses it with 454.
* With ``tls_verify`` on (the default), a self-signed, expired, untrusted or
  wrong-host certificate is refused and no ``AUTH`` line reaches the server.
* The default context refuses a server that speaks only TLS 1.0 / 1.1.

"No credentials sent" is read from the server's own log of the plaintext
it received (decrypted when TLS is up), so a client that went on to AUTH
would be caught, encrypted or not.
"""

from __future__ import annotations

import ssl
from typing import Any, Callable

import pytest

from net_smtp import SMTP, Net
from tests.support.aiosmtpd import AiosmtpdServer
from tests.support.scripted import Conn, ScriptedServer
from tests.support.tls import (
    HOST,
    SECRET,
    USER,
    CertKit,
    legacy_tls_server_context,
    server_context,
)

pytestmark = pytest.mark.usefixtures("no_thread_leak")

MESSAGE = "Subject: secret\r\n\r\nconfidential body\r\n"


def new_client(port: int, **kwargs: Any) -> SMTP:
    """A client with short timeouts, so a hang fails fast."""
    smtp = Net.SMTP(HOST, port, **kwargs)
    smtp.open_timeout = 10
    smtp.read_timeout = 10
    return smtp


def trusted(cert_kit: CertKit) -> dict[str, Any]:
    """``ssl_context_params`` trusting the cert_kit's CA."""
    return {"ca_file": str(cert_kit.ca_file)}


# ------------------------------------------------ STARTTLS injection
AFTER_TLS_EHLO = b"250-inject.example.test\r\n250-XREAL-AFTER-TLS\r\n250 8BITMIME\r\n"
INJECTED = b"250-XFORGED-CAPABILITY\r\n250 AUTH PLAIN FORGED\r\n"


def injecting_server(cert_kit: CertKit, injected: bytes) -> Callable[[Conn], list[bytes]]:
    """A script: STARTTLS answered by ``220`` with *injected* in the same
    write, then TLS and an honest session; returns the lines read under TLS."""

    def script(conn: Conn) -> list[bytes]:
        conn.send(b"220 inject.example.test ESMTP\r\n")
        assert conn.readline() == b"EHLO localhost\r\n"
        conn.send(b"250-inject.example.test\r\n250 STARTTLS\r\n")
        assert conn.readline() == b"STARTTLS\r\n"
        conn.send(b"220 2.0.0 Ready to start TLS\r\n" + injected)
        conn.start_tls(server_context(cert_kit.good))
        before = len(conn.lines)
        replies = {b"EHLO": AFTER_TLS_EHLO, b"MAIL": b"250 2.1.0 ok\r\n",
                   b"RCPT": b"250 2.1.5 ok\r\n", b"DATA": b"354 go on\r\n",
                   b"RSET": b"250 2.0.0 reset\r\n", b"QUIT": b"221 2.0.0 bye\r\n"}
        in_data = False
        while True:
            line = conn.readline()
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    conn.send(b"250 2.0.0 queued as REAL\r\n")
                continue
            verb = line.rstrip(b"\r\n").split(b" ")[0].upper()
            conn.send(replies[verb])
            in_data = verb == b"DATA"
            if verb == b"QUIT":
                break
        return conn.lines[before:]

    return script


@pytest.mark.parametrize("injected", [
    INJECTED,
    b"250 AUTH PLAIN FORGED\r\n",
    b"250-XFORGED-CAPABILITY\r\n",          # an unfinished reply
])
def test_starttls_injected_reply_is_discarded(cert_kit: CertKit, injected: bytes) -> None:
    with ScriptedServer() as server:
        expected = server.expect(injecting_server(cert_kit, injected))
        smtp = new_client(server.port, ssl_context_params=trusted(cert_kit))
        log: list[str] = []
        smtp.debug_output = log
        smtp.start()
        capabilities = dict(smtp.capabilities or {})
        reset = smtp.rset()
        sent = smtp.send_message(MESSAGE, "a@example.test", "b@example.test")
        smtp.finish()
    expected.result()
    assert capabilities == {"XREAL-AFTER-TLS": [], "8BITMIME": []}
    assert "XFORGED-CAPABILITY" not in capabilities and "AUTH" not in capabilities
    assert reset.string == "250 2.0.0 reset\n"
    assert sent.string == "250 2.0.0 queued as REAL\n"
    lines = expected.value
    assert isinstance(lines, list)
    assert lines[0] == b"EHLO localhost\r\n"
    assert lines[-1] == b"QUIT\r\n"
    assert "FORGED" not in "".join(log)


# ------------------------------------------- 'always' fails closed
def test_recorder_sees_plaintext_auth_when_tls_is_not_required() -> None:
    """Control for the tests below: the server log does catch an AUTH line."""
    with AiosmtpdServer(users={USER: SECRET}) as server:
        smtp = new_client(server.port, starttls=False)
        smtp.start(user=USER, secret=SECRET)
        smtp.finish()
    assert len(server.auth_lines()) == 1


@pytest.mark.parametrize("how", ["constructor", "enable_starttls"])
def test_always_without_starttls_fails_before_credentials(how: str) -> None:
    with AiosmtpdServer(users={USER: SECRET}) as server:
        if how == "constructor":
            smtp = new_client(server.port, starttls="always")
        else:
            smtp = new_client(server.port)
            smtp.enable_starttls()
        with pytest.raises(Net.SMTPUnsupportedCommand) as err:
            smtp.start(user=USER, secret=SECRET)
        assert not smtp.is_started()
        assert server.connections[0].closed.wait(10), "the connection was left open"
    assert str(err.value) == "STARTTLS is not supported on this server"
    assert err.value.response is None
    assert server.received_lines() == [b"EHLO localhost"]
    assert server.auth_lines() == []


@pytest.mark.parametrize("starttls", ["always", "auto"])
def test_starttls_refused_with_454_fails_closed(cert_kit: CertKit, starttls: str) -> None:
    with AiosmtpdServer(tls_context=server_context(cert_kit.good), refuse_starttls=True,
                        users={USER: SECRET}) as server:
        smtp = new_client(server.port, starttls=starttls, ssl_context_params=trusted(cert_kit))
        with pytest.raises(Net.SMTPServerBusy) as err:
            smtp.start(user=USER, secret=SECRET)
        assert not smtp.is_started()
        assert server.connections[0].closed.wait(10), "the connection was left open"
    assert err.value.response is not None and err.value.response.status == "454"
    assert server.received_lines() == [b"EHLO localhost", b"STARTTLS"]
    assert server.auth_lines() == []


# -------------------------------------- bad certificates, no credentials
SELF_SIGNED_IN_LEAF = 18       # X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
CERT_HAS_EXPIRED = 10
UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20
IP_ADDRESS_MISMATCH = 64


@pytest.mark.parametrize("mode", ["tls", "starttls_always", "starttls_auto"])
@pytest.mark.parametrize("cert_name, verify_code", [
    ("self_signed", SELF_SIGNED_IN_LEAF),
    ("expired", CERT_HAS_EXPIRED),
    ("untrusted", UNABLE_TO_GET_ISSUER_CERT_LOCALLY),
    ("wrong_host", IP_ADDRESS_MISMATCH),
])
def test_bad_certificate_is_refused_and_no_credentials_sent(
        cert_kit: CertKit, mode: str, cert_name: str, verify_code: int) -> None:
    ctx = server_context(getattr(cert_kit, cert_name))
    # AUTH is offered only under TLS (aiosmtpd's default), so a client that
    # accepted the certificate would authenticate right away.
    server_kwargs: Any = {"ssl_context": ctx} if mode == "tls" else {"tls_context": ctx}
    with AiosmtpdServer(users={USER: SECRET}, auth_require_tls=True, **server_kwargs) as server:
        smtp = new_client(server.port, tls=(mode == "tls"),
                          starttls="always" if mode == "starttls_always" else "auto",
                          ssl_context_params=trusted(cert_kit))
        assert smtp.tls_verify is True
        with pytest.raises(ssl.SSLCertVerificationError) as err:
            smtp.start(user=USER, secret=SECRET)
        assert not smtp.is_started()
    assert err.value.verify_code == verify_code
    assert server.auth_lines() == []
    expected = [] if mode == "tls" else [b"EHLO localhost", b"STARTTLS"]
    assert server.received_lines() == expected
    assert server.messages == []


def test_the_same_servers_accept_the_good_certificate(cert_kit: CertKit) -> None:
    """Control: the setup above does authenticate when the certificate is good."""
    with AiosmtpdServer(users={USER: SECRET}, auth_require_tls=True, tls_context=server_context(cert_kit.good)) as server:
        smtp = new_client(server.port, ssl_context_params=trusted(cert_kit))
        smtp.start(user=USER, secret=SECRET)
        smtp.finish()
    assert len(server.auth_lines()) == 1


def test_verification_is_on_by_default_against_the_system_store(cert_kit: CertKit) -> None:
    """No params at all: the test CA is not in the system store, so even a
    CA-signed certificate is refused."""
    with AiosmtpdServer(users={USER: SECRET}, auth_require_tls=True, tls_context=server_context(cert_kit.good)) as server:
        smtp = new_client(server.port)
        with pytest.raises(ssl.SSLCertVerificationError) as err:
            smtp.start(user=USER, secret=SECRET)
    assert err.value.verify_code == UNABLE_TO_GET_ISSUER_CERT_LOCALLY
    assert server.auth_lines() == []


# ----------------------------------------------- no TLS below 1.2
@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
def test_default_context_refuses_tls_below_1_2(cert_kit: CertKit) -> None:
    legacy = legacy_tls_server_context(cert_kit.good)
    with AiosmtpdServer(users={USER: SECRET}, auth_require_tls=True, tls_context=legacy) as server:
        # Control: OpenSSL here can complete a TLS 1.1 handshake with this
        # server when the client allows it (so the refusal below is the
        # default context's doing, not a broken server).
        lax = new_client(server.port, ssl_context_params={
            "ca_file": str(cert_kit.ca_file), "min_version": "TLS1",
            "ciphers": "DEFAULT:@SECLEVEL=0"})
        lax.start()
        lax.finish()
        strict = new_client(server.port, ssl_context_params=trusted(cert_kit))
        with pytest.raises(ssl.SSLError) as err:
            strict.start(user=USER, secret=SECRET)
        assert not strict.is_started()
    assert not isinstance(err.value, ssl.SSLCertVerificationError)
    assert server.auth_lines() == []
    assert server.connections[1].lines() == [b"EHLO localhost", b"STARTTLS"]


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
@pytest.mark.parametrize("lax", [True, False])
def test_default_context_offers_nothing_below_1_2(cert_kit: CertKit, lax: bool) -> None:
    """The legacy server's own OpenSSL says why the handshake failed: the
    default client offered no version it could accept. The lax client
    (control) gets TLS 1.1 from the same server."""
    legacy = legacy_tls_server_context(cert_kit.good)

    def script(conn: Conn) -> str:
        try:
            conn.start_tls(legacy)
        except ssl.SSLError as exc:
            return str(exc.reason)
        conn.send(b"220 legacy.example.test ESMTP\r\n")
        assert conn.readline() == b"EHLO localhost\r\n"
        conn.send(b"250 legacy.example.test\r\n")
        assert conn.readline() == b"QUIT\r\n"
        conn.send(b"221 bye\r\n")
        return (conn.sock.version() if isinstance(conn.sock, ssl.SSLSocket) else None) or ""

    params: dict[str, Any] = trusted(cert_kit)
    if lax:
        params.update(min_version="TLS1", ciphers="DEFAULT:@SECLEVEL=0")
    with ScriptedServer() as server:
        expected = server.expect(script)
        smtp = new_client(server.port, tls=True, ssl_context_params=params)
        if lax:
            smtp.start()
            smtp.finish()
        else:
            with pytest.raises(ssl.SSLError) as err:
                smtp.start()
            assert not isinstance(err.value, ssl.SSLCertVerificationError)
            assert not smtp.is_started()
    expected.result()
    assert expected.value == ("TLSv1.1" if lax else "UNSUPPORTED_PROTOCOL")
