"""Fixtures shared by the whole ``tests/`` suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from net_smtp.authenticator import Authenticator
from tests.support.aiosmtpd import AiosmtpdServer


@pytest.fixture
def aiosmtpd_server() -> Iterator[AiosmtpdServer]:
    """A fresh aiosmtpd server on 127.0.0.1 (SMTPUTF8 on, no AUTH, no size
    limit) that records every message; stopped after the test."""
    with AiosmtpdServer() as server:
        yield server


@pytest.fixture
def registry_snapshot() -> Iterator[None]:
    """Restore the global mechanism registry after a test registers into it."""
    saved = dict(Authenticator.auth_classes())
    yield
    Authenticator.auth_classes().clear()
    Authenticator.auth_classes().update(saved)
