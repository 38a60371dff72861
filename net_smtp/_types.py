"""The package's typing-only names: the protocols and aliases its
annotations use, in the one module that imports :mod:`typing` at run time.

Importing ``typing`` costs several milliseconds, more than the rest of a
plain session's start, so the package's modules import these names for type
checkers only (``if TYPE_CHECKING:``); a program that imports one at run
time (``from net_smtp.smtp import AddressLike``) gets it from here, through
its module's ``__getattr__``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, Union

from .address import Address

if TYPE_CHECKING:
    from email.message import Message

    from typing_extensions import TypeAlias

    from .response import Response

__all__ = ["AddressLike", "Credential", "MessageSource", "Readable", "Reply", "ResponseSource",
           "SocketLike"]


class Reply(Protocol):
    """What an error needs of a server reply (``Net.SMTP.Response``)."""

    @property
    def status(self) -> str: ...

    @property
    def string(self) -> str: ...

    @property
    def message(self) -> str: ...


class Readable(Protocol):
    """A binary or text file: anything with ``read(size)``."""

    def read(self, __size: int) -> str | bytes: ...


MessageSource: TypeAlias = Union[str, bytes, bytearray, memoryview, Readable,
                                 Iterable[Union[str, bytes]], "Message"]
"""What ``send_message``/``data`` accept: a str (sent as UTF-8), bytes-like,
a binary or text file, an iterable of str/bytes chunks, or an
``email.message.Message``."""


class SocketLike(Protocol):
    """What BufferedIO needs of a connection (socket, SSL socket or fake)."""

    def recv(self, bufsize: int) -> bytes: ...

    def sendall(self, data: Any) -> Any: ...

    def settimeout(self, value: float | None) -> None: ...

    def close(self) -> None: ...


Credential: TypeAlias = Union[str, bytes, bytearray, memoryview]
"""A user name or secret: a str is sent as UTF-8, bytes as they are."""


class ResponseSource(Protocol):
    """What an authenticator talks to: ``SMTP.get_response``."""

    def get_response(self, reqline: str) -> Response: ...


AddressLike: TypeAlias = Union[str, Address]
"""A mail address: a str, or an Address with ESMTP parameters."""
