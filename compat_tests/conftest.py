"""Fixtures for ``test_goldens.py``; nothing here is autouse, so the other
compat tests in this folder are unaffected."""

from __future__ import annotations

import ssl

import pytest
import trustme


@pytest.fixture(scope="session")
def golden_tls_context() -> ssl.SSLContext:
    """A server-side TLS context with a certificate for localhost/127.0.0.1,
    issued by a CA made for this test session."""
    ca = trustme.CA()
    server_cert = ca.issue_cert("localhost", "127.0.0.1", "::1")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_cert.configure_cert(context)
    return context
