"""Test kit for the TLS suites: certificates made at test time, server-side
TLS contexts.

Everything listens on 127.0.0.1 on a port the kernel picks (the listening
socket is bound before the server starts, so there is no port race).

* :func:`make_cert_kit` issues, with ``trustme`` (and ``cryptography`` for
  the self-signed one), a trusted CA, an untrusted CA and server
  certificates: good, untrusted, wrong host name, expired, self-signed,
  plus a client certificate.
* :func:`server_context` builds a server ``ssl.SSLContext`` from one of
  them, optionally recording the SNI name every ClientHello carries.
* The real server for these tests is ``tests.support.aiosmtpd.AiosmtpdServer``
  (implicit TLS with ``ssl_context=``, STARTTLS with ``tls_context=``), which
  records the raw plaintext bytes of every connection, so a test can prove
  what a client did or did not send (for instance, that no ``AUTH`` line
  arrived).
* What a real server will not do (bytes injected before the TLS
  handshake, a handshake that never gets an answer) is played by
  ``tests.support.scripted.ScriptedServer`` with a handler.
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

__all__ = [
    "HOST", "USER", "SECRET", "CertKit", "ServerCert", "make_cert_kit", "server_context",
    "SNIRecorder", "legacy_tls_server_context",
]

HOST = "127.0.0.1"
USER = "alice"
SECRET = "s3cret-pass"


@dataclass(frozen=True)
class ServerCert:
    """A certificate chain and its key, as PEM files a context can load."""

    cert_file: Path
    key_file: Path


@dataclass(frozen=True)
class CertKit:
    """Every certificate the TLS tests use, written under one directory.

    ``ca_file`` is the CA the client is told to trust; ``other_ca_file`` is
    a second CA the client never trusts.
    """

    ca_file: Path
    other_ca_file: Path
    good: ServerCert          # localhost, 127.0.0.1, ::1 - issued by the trusted CA
    untrusted: ServerCert     # the same names, issued by the other CA
    wrong_host: ServerCert    # wrong.example.test only - trusted CA
    expired: ServerCert       # localhost, 127.0.0.1 - trusted CA, expired yesterday
    self_signed: ServerCert   # localhost, 127.0.0.1 - signed by its own key
    client: ServerCert        # a client certificate issued by the trusted CA


def _write_leaf(leaf: trustme.LeafCert, directory: Path, name: str) -> ServerCert:
    cert_file = directory / f"{name}.crt"
    key_file = directory / f"{name}.key"
    cert_file.write_bytes(b"".join(pem.bytes() for pem in leaf.cert_chain_pems))
    key_file.write_bytes(leaf.private_key_pem.bytes())
    return ServerCert(cert_file, key_file)


def _self_signed(directory: Path) -> ServerCert:
    """A leaf certificate for localhost / 127.0.0.1 signed by its own key
    (trustme only issues CA-signed leaves)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address(HOST)),
        ]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file = directory / "self_signed.crt"
    key_file = directory / "self_signed.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ServerCert(cert_file, key_file)


def make_cert_kit(directory: Path, ca: trustme.CA) -> CertKit:
    """Issue every certificate of :class:`CertKit` from *ca* (and a CA of
    its own for the untrusted one) into *directory*."""
    other_ca = trustme.CA()
    ca_file = directory / "ca.pem"
    other_ca_file = directory / "other_ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    other_ca.cert_pem.write_to_path(str(other_ca_file))
    names = ("localhost", HOST, "::1")
    now = datetime.datetime.now(datetime.timezone.utc)
    expired = ca.issue_cert("localhost", HOST,
                            not_before=now - datetime.timedelta(days=30),
                            not_after=now - datetime.timedelta(days=1))
    return CertKit(
        ca_file=ca_file,
        other_ca_file=other_ca_file,
        good=_write_leaf(ca.issue_cert(*names), directory, "good"),
        untrusted=_write_leaf(other_ca.issue_cert(*names), directory, "untrusted"),
        wrong_host=_write_leaf(ca.issue_cert("wrong.example.test"), directory, "wrong_host"),
        expired=_write_leaf(expired, directory, "expired"),
        self_signed=_self_signed(directory),
        client=_write_leaf(ca.issue_cert("client@example.test", common_name="client"),
                           directory, "client"),
    )


class SNIRecorder:
    """A server ``sni_callback`` that keeps the SNI name of every ClientHello
    (``None`` when the client sent none)."""

    def __init__(self) -> None:
        self.names: list[str | None] = []

    def __call__(self, sslobj: Any, server_name: str | None, ctx: ssl.SSLContext) -> None:
        self.names.append(server_name)


def server_context(cert: ServerCert, *, sni: SNIRecorder | None = None,
                   client_ca: Path | None = None) -> ssl.SSLContext:
    """A server context presenting *cert*; with *client_ca* it requires a
    client certificate issued by that CA."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert.cert_file, cert.key_file)
    if sni is not None:
        ctx.sni_callback = sni
    if client_ca is not None:
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(cafile=client_ca)
    return ctx


def legacy_tls_server_context(cert: ServerCert) -> ssl.SSLContext:
    """A server context that speaks only TLS 1.0 and 1.1. OpenSSL 3 refuses
    those at its default security level, so the cipher string lowers it to 0
    (``@SECLEVEL=0``); Python warns that the versions are deprecated, which
    is the point here."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert.cert_file, cert.key_file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = ssl.TLSVersion.TLSv1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    return ctx

