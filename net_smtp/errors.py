"""Every exception of Ruby's net/smtp and net/protocol, with Python bases.

    Exception
    ├── ProtocolError                       Ruby Net::ProtocolError
    │   ├── ProtoSyntaxError ── SMTPSyntaxError          (50x replies)
    │   ├── ProtoFatalError ─── SMTPFatalError           (other 5xx)
    │   ├── ProtoUnknownError ─ SMTPUnknownError         (anything else)
    │   ├── ProtoServerError ── SMTPServerBusy           (4xx)
    │   ├── ProtoAuthError ──── SMTPAuthenticationError  (53x, failed AUTH)
    │   ├── ProtoCommandError
    │   ├── ProtoRetriableError (alias ProtocRetryError)
    │   └── SMTPUnsupportedCommand                       (STARTTLS missing)
    ├── SMTPError      mix-in of the six SMTP* classes: .response, .message
    └── TypeError, ValueError ── ArgumentError           Ruby ArgumentError
    OSError
    ├── EOFError       Ruby EOFError (also a builtins.EOFError)
    └── TimeoutError   Ruby Timeout::Error
        ├── OpenTimeout     connect or TLS handshake too slow
        ├── ReadTimeout     no reply within read_timeout
        └── WriteTimeout    the peer stopped reading for write_timeout

Ruby's IOError is Python's OSError. Ruby's EOFError (an IOError) is
:class:`EOFError` here, a subclass of both builtins ``EOFError`` and
``OSError``, so ``except EOFError`` and ``except OSError`` both catch it.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Optional, Union

if TYPE_CHECKING:
    from .response import Response

__all__ = [
    "ArgumentError",
    "EOFError",
    "ProtocolError",
    "ProtoSyntaxError",
    "ProtoFatalError",
    "ProtoUnknownError",
    "ProtoServerError",
    "ProtoAuthError",
    "ProtoCommandError",
    "ProtoRetriableError",
    "ProtocRetryError",
    "OpenTimeout",
    "ReadTimeout",
    "WriteTimeout",
    "SMTPError",
    "SMTPAuthenticationError",
    "SMTPServerBusy",
    "SMTPSyntaxError",
    "SMTPFatalError",
    "SMTPUnknownError",
    "SMTPUnsupportedCommand",
]


class ArgumentError(TypeError, ValueError):
    """Ruby's ArgumentError: a bad argument; caught by ``except TypeError``
    and by ``except ValueError`` alike."""


class EOFError(builtins.EOFError, OSError):
    """Ruby's ``EOFError``: the server closed the connection (a partial line
    it sent is dropped). Like Ruby's, it is an I/O error too."""


class ProtocolError(Exception):
    """Ruby ``Net::ProtocolError``: the base of protocol-level failures."""


class ProtoSyntaxError(ProtocolError):
    """Ruby ``Net::ProtoSyntaxError``."""


class ProtoFatalError(ProtocolError):
    """Ruby ``Net::ProtoFatalError``."""


class ProtoUnknownError(ProtocolError):
    """Ruby ``Net::ProtoUnknownError``."""


class ProtoServerError(ProtocolError):
    """Ruby ``Net::ProtoServerError``."""


class ProtoAuthError(ProtocolError):
    """Ruby ``Net::ProtoAuthError``."""


class ProtoCommandError(ProtocolError):
    """Ruby ``Net::ProtoCommandError``."""


class ProtoRetriableError(ProtocolError):
    """Ruby ``Net::ProtoRetriableError``."""


ProtocRetryError = ProtoRetriableError


class OpenTimeout(TimeoutError):
    """Ruby ``Net::OpenTimeout``: the TCP connect or TLS handshake took
    longer than ``open_timeout``."""


class _IOTimeout(TimeoutError):
    """A read or write timeout naming the connection it happened on."""

    def __init__(self, io: Any = None) -> None:
        self.io = io
        name = f"Net::{type(self).__name__}"
        super().__init__(f"{name} with {io}" if io is not None else name)


class ReadTimeout(_IOTimeout):
    """Ruby ``Net::ReadTimeout``: no complete reply within ``read_timeout``."""


class WriteTimeout(_IOTimeout):
    """Ruby ``Net::WriteTimeout``: the server accepted no data for
    ``write_timeout`` seconds."""


class SMTPError(Exception):
    """Ruby's ``Net::SMTPError`` mix-in: every SMTP reply error carries the
    :class:`Response` that caused it (``None`` when raised without one).

    ``str(err)`` and ``err.message`` are the explicit message if one was
    given, else the first line of the reply, newline included, as in Ruby.
    """

    def __init__(self, response: Union["Response", str, None] = None,
                 message: Optional[str] = None) -> None:
        from .response import Response

        if isinstance(response, Response):
            self.response: Optional[Response] = response
            self._message = message
        else:
            self.response = None
            self._message = message if message is not None else response
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The error text (Ruby ``#message``)."""
        if self._message is not None:
            return self._message
        if self.response is not None:
            return self.response.message
        return type(self).__name__

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Any:
        return (type(self), (self.response, self._message))


class SMTPAuthenticationError(ProtoAuthError, SMTPError):
    """Authentication failed (a 53x reply, or AUTH not accepted)."""


class SMTPServerBusy(ProtoServerError, SMTPError):
    """A temporary error: the server answered 4xx."""


class SMTPSyntaxError(ProtoSyntaxError, SMTPError):
    """The server answered 50x: a command or argument syntax error."""


class SMTPFatalError(ProtoFatalError, SMTPError):
    """A permanent error: the server answered 5xx (other than 50x / 53x)."""


class SMTPUnknownError(ProtoUnknownError, SMTPError):
    """A reply outside the codes a command expects, or one that cannot be
    read (too long, too many lines)."""


class SMTPUnsupportedCommand(ProtocolError, SMTPError):
    """The server does not offer a command the session requires
    (``starttls='always'`` without STARTTLS)."""
