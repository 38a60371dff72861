"""TLS behaviour of ``Net.SMTP`` against a real aiosmtpd server with real
certificates made at test time (issue 3): implicit TLS and STARTTLS modes,
certificate and host-name verification, SNI and ``tls_hostname``, custom
contexts, ``default_ssl_context`` and every ``ssl_context_params`` key, and
``open_timeout`` over the TLS handshake.

SNI, as observed: Python's ``ssl`` sends no SNI when the name is an IP
address (RFC 6066 allows host names only) but still checks that IP against
the certificate's IP entries. Real Ruby 0.5.1 (openssl gem 3.0.1) sets the
SNI to ``tls_hostname || address`` whatever it is, so against 127.0.0.1 it
sends ``127.0.0.1``; the port cannot, and sends none. With a host name (the
address or ``tls_hostname``) both send that name.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from net_smtp import SMTP, Net, OpenSSL, Response
from tests.support.aiosmtpd import AiosmtpdServer
from tests.support.scripted import Conn, ScriptedServer
from tests.support.tls import (
    HOST,
    SECRET,
    USER,
    CertKit,
    SNIRecorder,
    server_context,
)

pytestmark = pytest.mark.usefixtures("no_thread_leak")

MESSAGE = ("From: a@example.test\r\nTo: b@example.test\r\nSubject: over TLS\r\n"
           "\r\nHello over TLS.\r\n")
FROM = "a@example.test"
TO = "b@example.test"

# OpenSSL X509_V_ERR_* codes carried by ssl.SSLCertVerificationError.verify_code.
CERT_HAS_EXPIRED = 10
UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20
HOSTNAME_MISMATCH = 62
IP_ADDRESS_MISMATCH = 64



class SpySMTP(SMTP):
    """Net.SMTP that records each context and SSL socket its ``_ssl_socket``
    seam receives and makes (Ruby's ``ssl_socket`` override in its tests)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.contexts: list[ssl.SSLContext] = []
        self.ssl_sockets: list[ssl.SSLSocket] = []
        self.open_timeout = 10
        self.read_timeout = 10

    def _ssl_socket(self, sock: Any, context: ssl.SSLContext) -> ssl.SSLSocket:
        self.contexts.append(context)
        ssl_sock = super()._ssl_socket(sock, context)
        self.ssl_sockets.append(ssl_sock)
        return ssl_sock


def trusted(cert_kit: CertKit, **params: Any) -> dict[str, Any]:
    """``ssl_context_params`` trusting the cert_kit's CA, plus *params*."""
    return {"ca_file": str(cert_kit.ca_file), **params}


def send_and_finish(smtp: SMTP) -> Response:
    """Send MESSAGE on a started session and finish it."""
    try:
        return smtp.send_message(MESSAGE, FROM, TO)
    finally:
        smtp.finish()


def starttls_server(cert_kit: CertKit, **kwargs: Any) -> AiosmtpdServer:
    """aiosmtpd offering STARTTLS with the good certificate."""
    return AiosmtpdServer(tls_context=server_context(cert_kit.good), **kwargs)


def debug_lines(log: list[str]) -> list[str]:
    """Debug output as lines without their newline."""
    return "".join(log).splitlines()


# ---------------------------------------------------------------- modes
def test_implicit_tls_delivers_message_encrypted(cert_kit: CertKit) -> None:
    with AiosmtpdServer(ssl_context=server_context(cert_kit.good)) as server:
        smtp = SpySMTP(HOST, server.port, tls=True, ssl_context_params=trusted(cert_kit))
        assert smtp.is_tls() is True and smtp.is_ssl() is True
        assert smtp.is_starttls() == "auto"  # Ruby keeps the default; tls wins at start
        log: list[str] = []
        smtp.debug_output = log
        smtp.start()
        assert smtp.is_started()
        assert smtp.ssl_sockets[0].version() in ("TLSv1.2", "TLSv1.3")
        res = send_and_finish(smtp)
    assert res.status == "250" and "accepted" in res.string
    [msg] = server.messages
    assert msg.tls_version in ("TLSv1.2", "TLSv1.3")
    assert msg.content == MESSAGE.encode()
    assert b"STARTTLS" not in server.received_lines()
    lines = debug_lines(log)
    assert lines[0] == f"Connection opened: {HOST}:{server.port}"
    assert lines[1] == "TLS connection started"
    assert lines[2].startswith('-> "220 ')


@pytest.mark.parametrize("starttls", ["always", "auto"])
def test_starttls_upgrades_and_delivers(cert_kit: CertKit, starttls: str) -> None:
    with starttls_server(cert_kit) as server:
        smtp = SpySMTP(HOST, server.port, starttls=starttls, ssl_context_params=trusted(cert_kit))
        assert smtp.is_starttls() == starttls
        assert smtp.is_starttls_always() is (starttls == "always")
        assert smtp.is_starttls_auto() is (starttls == "auto")
        assert smtp.is_tls() is False
        log: list[str] = []
        smtp.debug_output = log
        smtp.start()
        send_and_finish(smtp)
    [msg] = server.messages
    assert msg.tls_version in ("TLSv1.2", "TLSv1.3")
    assert server.received_lines()[:3] == [b"EHLO localhost", b"STARTTLS", b"EHLO localhost"]
    lines = debug_lines(log)
    started = lines.index("TLS connection started")
    assert lines[started - 1].startswith('-> "220 ')
    assert lines[started - 2] == '<- "STARTTLS\\r\\n"'
    assert lines[started + 1] == '<- "EHLO localhost\\r\\n"'


def test_starttls_auto_stays_plain_when_not_offered(cert_kit: CertKit) -> None:
    with AiosmtpdServer() as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        smtp.start()
        assert smtp.is_capable_starttls() is False
        send_and_finish(smtp)
    assert smtp.ssl_sockets == []
    [msg] = server.messages
    assert msg.tls_version is None
    assert b"STARTTLS" not in server.received_lines()


def test_starttls_false_never_upgrades_even_when_offered(cert_kit: CertKit) -> None:
    with starttls_server(cert_kit) as server:
        smtp = SpySMTP(HOST, server.port, starttls=False, ssl_context_params=trusted(cert_kit))
        assert smtp.is_starttls() is False
        smtp.start()
        assert smtp.is_capable_starttls() is True
        send_and_finish(smtp)
    assert smtp.ssl_sockets == []
    assert server.messages[0].tls_version is None
    assert b"STARTTLS" not in server.received_lines()


def test_capabilities_are_reread_after_starttls(cert_kit: CertKit) -> None:
    # aiosmtpd offers STARTTLS and no AUTH in clear, AUTH and no STARTTLS under TLS.
    with starttls_server(cert_kit, users={USER: SECRET}, auth_require_tls=True,
                         auth_exclude_mechanism=["CRAM-MD5", "XOAUTH2"]) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        log: list[str] = []
        smtp.debug_output = log
        smtp.start(user=USER, secret=SECRET)
        assert smtp.is_capable_starttls() is False
        assert smtp.capable_auth_types() == ["LOGIN", "PLAIN"]
        capabilities = smtp.capabilities or {}
        assert "AUTH" in capabilities and "STARTTLS" not in capabilities
        send_and_finish(smtp)
    first_reply = "".join(log).split("TLS connection started")[0]
    assert '-> "250-STARTTLS\\r\\n"' in first_reply and "AUTH" not in first_reply
    assert server.received_lines().count(b"EHLO localhost") == 2
    assert len(server.auth_lines()) == 1


def test_starttls_auto_satisfies_require_starttls_server(cert_kit: CertKit) -> None:
    with starttls_server(cert_kit, require_starttls=True) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        smtp.start()
        send_and_finish(smtp)
        plain = SpySMTP(HOST, server.port, starttls=False)
        plain.start()
        with pytest.raises(Net.SMTPAuthenticationError) as err:  # 530: 53x, as in Ruby
            plain.send_message(MESSAGE, FROM, TO)
        plain.finish()
    assert err.value.response is not None and err.value.response.status == "530"
    assert [m.tls_version is not None for m in server.messages] == [True]


# ---------------------------------------------------------- verification
@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_default_verification_with_trusted_ca_succeeds(cert_kit: CertKit, mode: str) -> None:
    ctx = server_context(cert_kit.good)
    kwargs: Any = {"ssl_context": ctx} if mode == "tls" else {"tls_context": ctx}
    with AiosmtpdServer(**kwargs) as server:
        smtp = SpySMTP(HOST, server.port, tls=(mode == "tls"),
                       starttls="always" if mode == "starttls" else "auto",
                       ssl_context_params=trusted(cert_kit))
        assert smtp.tls_verify is True
        smtp.start()
        [context] = smtp.contexts
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname is True
        send_and_finish(smtp)
    assert len(server.messages) == 1


@pytest.mark.parametrize("mode", ["tls", "starttls"])
@pytest.mark.parametrize("cert_name, verify_code", [
    ("untrusted", UNABLE_TO_GET_ISSUER_CERT_LOCALLY),
    ("wrong_host", IP_ADDRESS_MISMATCH),
    ("expired", CERT_HAS_EXPIRED),
])
def test_verification_failures(cert_kit: CertKit, mode: str, cert_name: str, verify_code: int) -> None:
    ctx = server_context(getattr(cert_kit, cert_name))
    kwargs: Any = {"ssl_context": ctx} if mode == "tls" else {"tls_context": ctx}
    with AiosmtpdServer(**kwargs) as server:
        smtp = SpySMTP(HOST, server.port, tls=(mode == "tls"), ssl_context_params=trusted(cert_kit))
        with pytest.raises(ssl.SSLCertVerificationError) as err:
            smtp.start()
        assert err.value.verify_code == verify_code
        assert not smtp.is_started()
        assert smtp.ssl_sockets[0].fileno() == -1, "the TLS socket was left open"
        if mode == "starttls":  # aiosmtpd reports no connection whose TLS accept failed
            assert server.connections[0].closed.wait(10), "the server never saw the connection end"
    assert server.messages == []


def test_failed_implicit_tls_verification_closes_the_connection(cert_kit: CertKit) -> None:
    def script(conn: Conn) -> bool:
        with pytest.raises(ssl.SSLError):  # the client's alert: unknown CA
            conn.start_tls(server_context(cert_kit.untrusted))
        return conn.wait_eof()

    with ScriptedServer() as server:
        expected = server.expect(script)
        smtp = SpySMTP(HOST, server.port, tls=True, ssl_context_params=trusted(cert_kit))
        with pytest.raises(ssl.SSLCertVerificationError):
            smtp.start()
    expected.result()
    assert expected.value is True, "the client kept the connection open"


def test_wrong_host_name_fails_for_a_dns_name_too(cert_kit: CertKit) -> None:
    with starttls_server(cert_kit) as server:
        smtp = SpySMTP(HOST, server.port, tls_hostname="mail.example.test",
                       ssl_context_params=trusted(cert_kit))
        with pytest.raises(ssl.SSLCertVerificationError) as err:
            smtp.start()
    assert err.value.verify_code == HOSTNAME_MISMATCH


def test_failed_verification_closes_socket_and_object_can_start_again(cert_kit: CertKit) -> None:
    with AiosmtpdServer(tls_context=server_context(cert_kit.untrusted)) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        with pytest.raises(ssl.SSLCertVerificationError):
            smtp.start()
        assert smtp.ssl_sockets[0].fileno() == -1, "the TLS socket was left open"
        assert not smtp.is_started()
        with pytest.raises(IOError, match="not yet started"):
            smtp.finish()
        # The same object talks afresh (no 'already started', no dummy reply) ...
        with pytest.raises(ssl.SSLCertVerificationError):
            smtp.start()
        assert smtp.ssl_sockets[1].fileno() == -1
        # ... and succeeds once given a context that trusts the other CA.
        smtp.enable_starttls(ssl.create_default_context(cafile=str(cert_kit.other_ca_file)))
        smtp.start()
        send_and_finish(smtp)
        assert all(conn.closed.wait(10) for conn in server.connections)
    assert len(server.connections) == 3
    assert len(server.messages) == 1


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_tls_verify_false_connects_to_self_signed_server(cert_kit: CertKit, mode: str) -> None:
    ctx = server_context(cert_kit.self_signed)
    kwargs: Any = {"ssl_context": ctx} if mode == "tls" else {"tls_context": ctx}
    with AiosmtpdServer(**kwargs) as server:
        smtp = SpySMTP(HOST, server.port, tls=(mode == "tls"), tls_verify=False)
        smtp.start()
        assert smtp.contexts[0].verify_mode == ssl.CERT_NONE
        assert smtp.contexts[0].check_hostname is False
        send_and_finish(smtp)
    assert server.messages[0].tls_version is not None


# ------------------------------------------------------ SNI / tls_hostname
def test_default_sni_for_an_ip_address_is_none_and_ip_is_verified(cert_kit: CertKit) -> None:
    sni = SNIRecorder()
    with AiosmtpdServer(tls_context=server_context(cert_kit.good, sni=sni)) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        smtp.start()
        assert smtp.ssl_sockets[0].server_hostname == HOST
        send_and_finish(smtp)
    assert sni.names == [None]


def test_default_sni_is_the_address_when_it_is_a_name(cert_kit: CertKit) -> None:
    sni = SNIRecorder()
    with AiosmtpdServer(tls_context=server_context(cert_kit.good, sni=sni)) as server:
        smtp = SpySMTP("localhost", server.port, ssl_context_params=trusted(cert_kit))
        smtp.start()
        send_and_finish(smtp)
    assert sni.names == ["localhost"]


def test_tls_hostname_is_sent_as_sni_and_is_the_name_verified(cert_kit: CertKit) -> None:
    sni = SNIRecorder()
    with AiosmtpdServer(tls_context=server_context(cert_kit.wrong_host, sni=sni)) as server:
        plain = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        with pytest.raises(ssl.SSLCertVerificationError):
            plain.start()
        smtp = SpySMTP(HOST, server.port, tls_hostname="wrong.example.test",
                       ssl_context_params=trusted(cert_kit))
        smtp.start()
        send_and_finish(smtp)
    assert sni.names == [None, "wrong.example.test"]
    assert len(server.messages) == 1


def test_tls_hostname_set_after_construction_changes_sni_and_check(cert_kit: CertKit) -> None:
    sni = SNIRecorder()
    with AiosmtpdServer(ssl_context=server_context(cert_kit.good, sni=sni)) as server:
        sni.names.clear()  # drop aiosmtpd's own start-up probe
        smtp = SpySMTP(HOST, server.port, tls=True, ssl_context_params=trusted(cert_kit))
        smtp.tls_hostname = "other.example.test"
        with pytest.raises(ssl.SSLCertVerificationError) as err:
            smtp.start()
    assert err.value.verify_code == HOSTNAME_MISMATCH
    assert sni.names == ["other.example.test"]


# -------------------------------------------------------- custom contexts
@pytest.mark.parametrize("enable", ["enable_tls", "enable_ssl", "enable_starttls",
                                    "enable_starttls_auto"])
def test_context_given_to_enable_is_the_one_used(cert_kit: CertKit, enable: str) -> None:
    implicit = enable in ("enable_tls", "enable_ssl")
    ctx = server_context(cert_kit.good)
    kwargs: Any = {"ssl_context": ctx} if implicit else {"tls_context": ctx}
    with AiosmtpdServer(**kwargs) as server:
        # No ca_file: a context built from the params would use the system
        # store and refuse the test CA, so success proves our context ran.
        smtp = SpySMTP(HOST, server.port)
        mine = ssl.create_default_context(cafile=str(cert_kit.ca_file))
        getattr(smtp, enable)(mine)
        smtp.start()
        assert smtp.contexts == [mine]
        send_and_finish(smtp)
    assert len(server.messages) == 1


def test_given_context_overrides_ssl_context_params(cert_kit: CertKit) -> None:
    with AiosmtpdServer(tls_context=server_context(cert_kit.good)) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        smtp.enable_starttls(ssl.create_default_context(cafile=str(cert_kit.other_ca_file)))
        with pytest.raises(ssl.SSLCertVerificationError) as err:
            smtp.start()
    assert err.value.verify_code == UNABLE_TO_GET_ISSUER_CERT_LOCALLY


def test_disable_tls_and_starttls_forget_the_given_context(cert_kit: CertKit) -> None:
    with AiosmtpdServer(tls_context=server_context(cert_kit.good)) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        stale = ssl.create_default_context(cafile=str(cert_kit.other_ca_file))
        smtp.enable_starttls(stale)
        smtp.disable_starttls()
        smtp.enable_starttls_auto()
        smtp.start()
        assert smtp.contexts[0] is not stale
        send_and_finish(smtp)


# ------------------------------------------- default_ssl_context / params
def test_default_ssl_context_is_safe() -> None:
    ctx = Net.SMTP.default_ssl_context()
    assert isinstance(ctx, ssl.SSLContext)
    assert ctx.verify_mode == ssl.CERT_REQUIRED
    assert ctx.check_hostname is True
    assert ctx.minimum_version == ssl.TLSVersion.TLSv1_2
    system = ssl.create_default_context().cert_store_stats()["x509_ca"]
    assert ctx.cert_store_stats()["x509_ca"] == system
    assert Net.SMTP.default_ssl_context() is not ctx


def test_default_ssl_context_params_verify_none() -> None:
    ctx = Net.SMTP.default_ssl_context({"verify_mode": OpenSSL.SSL.VERIFY_NONE})
    assert ctx.verify_mode == ssl.CERT_NONE and ctx.check_hostname is False
    assert OpenSSL.SSL.VERIFY_NONE == ssl.CERT_NONE
    assert OpenSSL.SSL.VERIFY_PEER == ssl.CERT_REQUIRED


@pytest.mark.parametrize("mode, expect_ok", [
    (OpenSSL.SSL.VERIFY_NONE, True),
    (OpenSSL.SSL.VERIFY_PEER, False),
])
def test_param_verify_mode_overrides_tls_verify(cert_kit: CertKit, mode: Any, expect_ok: bool) -> None:
    # Ruby adds verify_mode from tls_verify only when the params lack it.
    with AiosmtpdServer(tls_context=server_context(cert_kit.self_signed)) as server:
        smtp = SpySMTP(HOST, server.port, tls_verify=not expect_ok,
                       ssl_context_params={"verify_mode": mode})
        if expect_ok:
            smtp.start()
            send_and_finish(smtp)
        else:
            with pytest.raises(ssl.SSLCertVerificationError):
                smtp.start()
    assert len(server.messages) == (1 if expect_ok else 0)


@pytest.mark.parametrize("verify_hostname", [False, True])
def test_param_verify_hostname(cert_kit: CertKit, verify_hostname: bool) -> None:
    with AiosmtpdServer(tls_context=server_context(cert_kit.wrong_host)) as server:
        smtp = SpySMTP(HOST, server.port,
                       ssl_context_params=trusted(cert_kit, verify_hostname=verify_hostname))
        if verify_hostname:
            with pytest.raises(ssl.SSLCertVerificationError) as err:
                smtp.start()
            assert err.value.verify_code == IP_ADDRESS_MISMATCH
        else:
            smtp.start()
            assert smtp.contexts[0].check_hostname is False
            assert smtp.contexts[0].verify_mode == ssl.CERT_REQUIRED
            send_and_finish(smtp)


def _hashed_ca_dir(cert_kit: CertKit, directory: Path) -> Path:
    """A ``c_rehash``-style directory holding the cert_kit's CA."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command (needed to name a CA directory entry) is not installed")
    digest = subprocess.run([openssl, "x509", "-hash", "-noout", "-in", str(cert_kit.ca_file)],
                            check=True, capture_output=True, text=True).stdout.strip()
    shutil.copy(cert_kit.ca_file, directory / f"{digest}.0")
    return directory


def test_param_ca_path(cert_kit: CertKit, tmp_path: Path) -> None:
    ca_dir = _hashed_ca_dir(cert_kit, tmp_path)
    with AiosmtpdServer(tls_context=server_context(cert_kit.good)) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params={"ca_path": str(ca_dir)})
        smtp.start()
        send_and_finish(smtp)
        empty = tmp_path / "empty"
        empty.mkdir()
        other = SpySMTP(HOST, server.port, ssl_context_params={"ca_path": str(empty)})
        with pytest.raises(ssl.SSLCertVerificationError):
            other.start()
    assert len(server.messages) == 1


def test_param_cert_and_key_give_a_client_certificate(cert_kit: CertKit) -> None:
    ctx = server_context(cert_kit.good, client_ca=cert_kit.ca_file)
    with AiosmtpdServer(tls_context=ctx) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(
            cert_kit, cert=str(cert_kit.client.cert_file), key=str(cert_kit.client.key_file)))
        smtp.start()
        send_and_finish(smtp)
        anonymous = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        # TLS 1.3: the client learns of the refusal at its first read, as
        # the server's alert or, as aiosmtpd does it, the connection closing.
        with pytest.raises((ssl.SSLError, EOFError)):
            anonymous.start()
        assert not anonymous.is_started()
        assert server.connections[1].lines() == [b"EHLO localhost", b"STARTTLS"]
    [msg] = server.messages
    assert msg.peer_cert is not None
    subject = dict(pair for rdn in msg.peer_cert["subject"] for pair in rdn)
    assert subject["commonName"] == "client"


@pytest.mark.parametrize("value", [OpenSSL.SSL.TLS1_2_VERSION, "TLS1_2", ssl.TLSVersion.TLSv1_2])
def test_param_max_version(cert_kit: CertKit, value: Any) -> None:
    with starttls_server(cert_kit) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit, max_version=value))
        smtp.start()
        assert smtp.contexts[0].maximum_version == ssl.TLSVersion.TLSv1_2
        send_and_finish(smtp)
    assert server.messages[0].tls_version == "TLSv1.2"


def test_param_min_version(cert_kit: CertKit) -> None:
    ctx = server_context(cert_kit.good)
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    with AiosmtpdServer(tls_context=ctx) as server:
        smtp = SpySMTP(HOST, server.port,
                       ssl_context_params=trusted(cert_kit, min_version=OpenSSL.SSL.TLS1_3_VERSION))
        with pytest.raises(ssl.SSLError) as err:
            smtp.start()
        assert not isinstance(err.value, ssl.SSLCertVerificationError)
        ok = SpySMTP(HOST, server.port, ssl_context_params=trusted(cert_kit))
        ok.start()
        send_and_finish(ok)
    assert [m.tls_version for m in server.messages] == ["TLSv1.2"]


def test_param_ciphers(cert_kit: CertKit) -> None:
    cipher = "ECDHE-ECDSA-AES256-GCM-SHA384"  # the cert_kit's keys are ECDSA
    with starttls_server(cert_kit) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params=trusted(
            cert_kit, max_version="TLS1_2", ciphers=cipher))
        smtp.start()
        assert (smtp.ssl_sockets[0].cipher() or ("",))[0] == cipher
        send_and_finish(smtp)
        other = SpySMTP(HOST, server.port, ssl_context_params=trusted(
            cert_kit, max_version="TLS1_2", ciphers="ECDHE-ECDSA-AES128-GCM-SHA256"))
        other.start()
        assert (other.ssl_sockets[0].cipher() or ("",))[0] == "ECDHE-ECDSA-AES128-GCM-SHA256"
        send_and_finish(other)


def test_unknown_param_is_an_argument_error_naming_it(cert_kit: CertKit) -> None:
    with AiosmtpdServer(tls_context=server_context(cert_kit.good)) as server:
        smtp = SpySMTP(HOST, server.port, ssl_context_params={"verify_depht": 3})
        with pytest.raises(Net.ArgumentError, match="verify_depht"):
            smtp.start()
        assert not smtp.is_started()
        assert server.connections == [], "connected before checking the params"
    with pytest.raises(Net.ArgumentError, match="no_such_key"):
        Net.SMTP.default_ssl_context({"no_such_key": 1})


@pytest.mark.parametrize("key, hint", [("timeout", "leave it out"),
                                       ("cert_store", "'ca_file' or 'ca_path'"),
                                       ("ssl_version", "'min_version' and 'max_version'")])
def test_ruby_only_params_are_refused_with_what_to_write_instead(key: str, hint: str) -> None:
    """Ruby's SSLContext takes these keys; Python's ssl cannot honour them,
    so a line-by-line port is told what to write instead of failing on an
    'unknown' key or silently running with weaker settings."""
    with pytest.raises(Net.ArgumentError) as info:
        Net.SMTP.default_ssl_context({key: 1})
    assert f"'{key}' has no Python equivalent" in str(info.value)
    assert hint in str(info.value)


# ------------------------------------------------- open_timeout over TLS
def _silent_after(conn: Conn, replies: dict[bytes, bytes] | None = None) -> bool:
    """Answer the listed commands, then never answer again; True when the
    client closed its end (a close before STARTTLS ends the handler early)."""
    if replies is not None:
        conn.send(b"220 slow.example.test ESMTP\r\n")
        while True:
            line = conn.readline().rstrip(b"\r\n")
            conn.send(replies[line.split(b" ")[0]])
            if line == b"STARTTLS":
                break
    return conn.wait_eof()


STALL_REPLIES = {b"EHLO": b"250-slow.example.test\r\n250 STARTTLS\r\n",
                 b"STARTTLS": b"220 2.0.0 go ahead\r\n"}


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_open_timeout_covers_the_tls_handshake(mode: str) -> None:
    replies = None if mode == "tls" else STALL_REPLIES
    with ScriptedServer() as server:
        expected = server.expect(lambda conn: _silent_after(conn, replies))
        smtp = SpySMTP(HOST, server.port, tls=(mode == "tls"))
        smtp.open_timeout = 0.5
        smtp.read_timeout = 20  # a handshake bounded by read_timeout would fail the time check
        log: list[str] = []
        smtp.debug_output = log
        began = time.monotonic()
        with pytest.raises(Net.OpenTimeout):
            smtp.start()
        elapsed = time.monotonic() - began
        assert not smtp.is_started()
    assert 0.4 <= elapsed < 8, elapsed
    assert "TLS connection started" in debug_lines(log)
    expected.result()
    assert expected.value is True, "the client did not close the connection"
