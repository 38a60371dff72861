"""Fixtures shared by the whole ``tests/`` suite."""

from __future__ import annotations

from typing import Iterator

import pytest

from aiosmtpd_support import AiosmtpdServer


@pytest.fixture
def aiosmtpd_server() -> Iterator[AiosmtpdServer]:
    """A fresh aiosmtpd server on 127.0.0.1 (SMTPUTF8 on, no AUTH, no size
    limit) that records every message; stopped after the test."""
    with AiosmtpdServer() as server:
        yield server
