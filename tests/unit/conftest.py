"""The unit tests use no sockets and start no processes: each test here
fails at once if it tries, so that ``pytest tests/unit`` stays a loop of a
few seconds and a test that needs a server goes to ``tests/session``."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise AssertionError("a unit test opened a socket or a process: move it to tests/session")


@pytest.fixture(autouse=True)
def no_sockets_or_processes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "__init__", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", _refuse)
    yield
