"""Fixtures for ``test_goldens.py``; nothing here is autouse, so the other
compat tests in this folder are unaffected."""

from __future__ import annotations

import ssl

import pytest


@pytest.fixture(scope="session")
def golden_tls_context(server_tls_context: ssl.SSLContext) -> ssl.SSLContext:
    """The server-side TLS context the scripted server offers: a certificate
    for localhost/127.0.0.1 from the session's test CA (see conftest.py)."""
    return server_tls_context
