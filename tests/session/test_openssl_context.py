"""``OpenSSL.SSL.SSLContext``: Ruby's context, set up the Ruby way, against
real TLS servers on 127.0.0.1 (certificates from ``trustme``).

Each case repeats what Ruby 3.1's openssl gem was measured to do with
the same settings (docs/security.md): a bare context checks nothing;
``verify_mode = VERIFY_PEER`` checks the chain against the CA files given
but not the host name; ``verify_hostname = true`` adds the host name
check, and only while the chain is checked; ``set_params`` turns both on
with the system store; net-smtp 0.5.1 adds no check of its own.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Callable

import pytest

from net_smtp import Net, OpenSSL
from net_smtp._sslcontext import Certificate, PKey
from tests.support.aiosmtpd import AiosmtpdServer
from tests.support.tls import CertKit, ServerCert, server_context

MESSAGE = "Subject: ctx\r\n\r\nbody\r\n"
Setup = Callable[[CertKit], OpenSSL.SSL.SSLContext]



def deliver_over_tls(ctx: ssl.SSLContext, cert: ServerCert, *, starttls: bool = False,
                     client_ca: Path | None = None) -> int:
    """Send one message with *ctx* to a server presenting *cert*; the number
    of messages the server received."""
    server_ctx = server_context(cert, client_ca=client_ca)
    server = AiosmtpdServer(tls_context=server_ctx) if starttls else \
        AiosmtpdServer(ssl_context=server_ctx)
    with server:
        smtp = Net.SMTP(server.host, server.port)
        if starttls:
            smtp.enable_starttls(ctx)
        else:
            smtp.enable_tls(ctx)
        with smtp.start():
            smtp.send_message(MESSAGE, "a@example.com", "b@example.com")
        return len(server.messages)


def bare(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    return OpenSSL.SSL.SSLContext()


def peer_without_ca(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = OpenSSL.SSL.SSLContext()
    ctx.verify_mode = OpenSSL.SSL.VERIFY_PEER
    return ctx


def peer_with_ca(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = peer_without_ca(cert_kit)
    ctx.ca_file = str(cert_kit.ca_file)
    return ctx


def peer_ca_hostname(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = peer_with_ca(cert_kit)
    ctx.verify_hostname = True
    return ctx


def hostname_without_peer(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = OpenSSL.SSL.SSLContext()
    ctx.ca_file = str(cert_kit.ca_file)
    ctx.verify_hostname = True
    return ctx


def set_params_ca(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = OpenSSL.SSL.SSLContext()
    ctx.set_params(ca_file=str(cert_kit.ca_file))
    return ctx


def set_params_then_none(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = set_params_ca(cert_kit)
    ctx.verify_mode = OpenSSL.SSL.VERIFY_NONE
    return ctx


def set_params_verify_none(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = OpenSSL.SSL.SSLContext()
    ctx.set_params({"ca_file": str(cert_kit.ca_file), "verify_mode": OpenSSL.SSL.VERIFY_NONE})
    return ctx


def set_params_no_hostname(cert_kit: CertKit) -> OpenSSL.SSL.SSLContext:
    ctx = set_params_ca(cert_kit)
    ctx.verify_hostname = False
    return ctx


# (setup, server certificate, accepted?) as Ruby 3.1's openssl decided them.
CASES = [
    (bare, "good", True), (bare, "untrusted", True), (bare, "wrong_host", True),
    (peer_without_ca, "good", False),
    (peer_with_ca, "good", True), (peer_with_ca, "wrong_host", True),
    (peer_with_ca, "untrusted", False),
    (peer_ca_hostname, "good", True), (peer_ca_hostname, "wrong_host", False),
    (hostname_without_peer, "wrong_host", True),
    (set_params_ca, "good", True), (set_params_ca, "wrong_host", False),
    (set_params_ca, "untrusted", False),
    (set_params_then_none, "untrusted", True), (set_params_then_none, "wrong_host", True),
    (set_params_verify_none, "untrusted", True),
    (set_params_no_hostname, "wrong_host", True), (set_params_no_hostname, "untrusted", False),
]


@pytest.mark.parametrize("setup, cert_name, accepted", CASES,
                         ids=[f"{s.__name__}-{c}" for s, c, _ in CASES])
def test_checks_what_ruby_checks(cert_kit: CertKit, setup: Setup, cert_name: str,
                                 accepted: bool) -> None:
    ctx = setup(cert_kit)
    cert = getattr(cert_kit, cert_name)
    if accepted:
        assert deliver_over_tls(ctx, cert) == 1
    else:
        with pytest.raises(ssl.SSLCertVerificationError):
            deliver_over_tls(ctx, cert)


def test_starttls_with_a_ruby_style_context(cert_kit: CertKit) -> None:
    assert deliver_over_tls(peer_ca_hostname(cert_kit), cert_kit.good, starttls=True) == 1
    with pytest.raises(ssl.SSLCertVerificationError):
        deliver_over_tls(peer_ca_hostname(cert_kit), cert_kit.wrong_host, starttls=True)


def test_client_certificate_from_pem_objects(cert_kit: CertKit) -> None:
    ctx = peer_ca_hostname(cert_kit)
    ctx.cert = Certificate(cert_kit.client.cert_file.read_text())
    ctx.key = PKey.read(cert_kit.client.key_file.read_text())
    assert deliver_over_tls(ctx, cert_kit.good, client_ca=cert_kit.ca_file) == 1
    assert isinstance(OpenSSL.X509.Certificate(cert_kit.client.cert_file.read_text()), Certificate)
    assert isinstance(OpenSSL.PKey.read(cert_kit.client.key_file.read_bytes()), PKey)


def test_attributes_read_back_as_set(cert_kit: CertKit) -> None:
    ctx = OpenSSL.SSL.SSLContext()
    assert (ctx.verify_mode, ctx.verify_hostname, ctx.ca_file) == (0, False, None)
    ctx.min_version = OpenSSL.SSL.TLS1_2_VERSION
    ctx.max_version = "TLS1_3"
    ctx.ca_path = str(cert_kit.ca_file.parent)
    assert (ctx.min_version, ctx.max_version) == (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3)
    assert ctx.ca_path == str(cert_kit.ca_file.parent)
    ctx.verify_mode = None  # Ruby's nil: no check
    assert ctx.verify_mode == ssl.CERT_NONE and not ctx.check_hostname
    assert isinstance(ctx, ssl.SSLContext)


def test_bad_settings_are_refused(cert_kit: CertKit) -> None:
    ctx = OpenSSL.SSL.SSLContext()
    with pytest.raises(Net.ArgumentError, match="'timeout' has no Python equivalent"):
        ctx.set_params(timeout=5)
    with pytest.raises(Net.ArgumentError):
        OpenSSL.SSL.SSLContext("TLSv1_2")
    with pytest.raises(Net.ArgumentError):
        Certificate("not a certificate")
    with pytest.raises(AttributeError):
        OpenSSL.SSL.NoSuchThing  # noqa: B018
