"""Fixtures shared by ``tests/`` and ``compat_tests/``: the one test CA of a
test session, and the certificates made from it."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator

import pytest
import trustme

from tests.support.tls import CertKit, make_cert_kit


@pytest.fixture(scope="session")
def test_ca() -> trustme.CA:
    """The CA every test certificate of this session is issued by."""
    return trustme.CA()


@pytest.fixture(scope="session")
def cert_kit(test_ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> CertKit:
    """Good, untrusted, wrong-host, expired, self-signed and client
    certificates, as files (see :class:`tests.support.tls.CertKit`)."""
    return make_cert_kit(tmp_path_factory.mktemp("certs"), test_ca)


@pytest.fixture(scope="session")
def server_tls_context(test_ca: trustme.CA) -> ssl.SSLContext:
    """A server context with a certificate for localhost, 127.0.0.1 and ::1."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    test_ca.issue_cert("localhost", "127.0.0.1", "::1").configure_cert(context)
    return context


@pytest.fixture(scope="session")
def client_tls_context(test_ca: trustme.CA) -> ssl.SSLContext:
    """A client context that verifies as usual and trusts the test CA."""
    context = ssl.create_default_context()
    test_ca.configure_trust(context)
    return context


@pytest.fixture
def no_thread_leak() -> Iterator[None]:
    """Fails a test that leaves a thread running: each test must stop the
    servers it starts (aiosmtpd or scripted)."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert left == [], left
