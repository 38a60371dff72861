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
    │   ├── SMTPUnsupportedCommand                       (STARTTLS missing)
    │   └── SMTPRecipientsRefused   (not in Ruby: every RCPT refused, refused='return')
    ├── SMTPError      mix-in of every SMTP* class: .response, .message, .code
    └── TypeError, ValueError ── ArgumentError           Ruby ArgumentError
    OSError
    ├── EOFError       Ruby EOFError (also a builtins.EOFError)
    ├── SMTPSessionAborted  (not in Ruby: also an SMTPError) a command on a
    │                       session an earlier failure aborted
    └── TimeoutError   Ruby Timeout::Error
        ├── OpenTimeout     connect or TLS handshake too slow
        ├── ReadTimeout     no reply within read_timeout
        └── WriteTimeout    the peer stopped reading for write_timeout

Ruby's IOError is Python's OSError. Ruby's EOFError (an IOError) is
:class:`EOFError` here, a subclass of both builtins ``EOFError`` and
``OSError``, so ``except EOFError`` and ``except OSError`` both catch it.

This module imports nothing of the package at run time: a reply is
anything with ``status`` and ``message`` (``Reply``, a typing protocol).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ._types import Reply as Reply

# The exceptions of Ruby's Net module (``Net.X``). Also public here, but not
# in Net: EOFError (Ruby's is top-level; exported it would shadow Python's in
# a star import) and Reply (a typing protocol).
__all__ = [
    "ArgumentError",
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
    "SMTPSessionAborted",
    "SMTPRecipientsRefused",
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
    reply that caused it in ``response`` (``None`` when raised without one).

    ``str(err)`` and ``err.message`` are the explicit message if one was
    given, else the first line of the reply, newline included, as in Ruby.
    ``err.code`` is the reply code as an ``int`` (not in Ruby).
    """

    def __init__(self, response: Reply | str | None = None,
                 message: str | None = None) -> None:
        if response is None or isinstance(response, str):
            self.response: Reply | None = None
            self._message = message if message is not None else response
        else:
            self.response = response
            self._message = message
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The error text (Ruby ``#message``)."""
        if self._message is not None:
            return self._message
        if self.response is not None:
            return self.response.message
        return type(self).__name__

    @property
    def code(self) -> int | None:
        """The reply code as an ``int`` (``550``), or ``None`` without a
        numeric reply. Ruby's spelling is ``err.response.status`` (a str)."""
        status = None if self.response is None else self.response.status
        return int(status) if status and status.isascii() and status.isdigit() else None

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


class SMTPSessionAborted(SMTPError, OSError):
    """A command on a session that an earlier failure aborted (a lost
    connection, a timeout, DATA not answered 3xx): nothing was sent.

    Ruby 0.5.1 answers such a command with the success reply ``200 dummy
    reply code`` and loses the mail; the port raises this instead. The error
    that aborted the session is ``__cause__``, its reply (if any) is
    ``response``. Call ``finish()`` and ``start()`` a new session.
    """

    @classmethod
    def after(cls, reason: BaseException) -> SMTPSessionAborted:
        """The error for a command refused because *reason* aborted the session."""
        detail = " ".join(str(reason).split()).replace(" )", ")")  # one line
        what = f"{type(reason).__name__}: {detail}" if detail else type(reason).__name__
        response = reason.response if isinstance(reason, SMTPError) else None
        return cls(response, f"the SMTP session was aborted by an earlier error ({what}); "
                             "nothing was sent: call finish() and start a new session")


class SMTPRecipientsRefused(ProtocolError, SMTPError):
    """Every recipient was refused (``send_message(..., refused='return')``);
    the transaction was reset and the session stays usable.

    ``refused`` maps each address to the reply that refused it; ``response``
    is the first of them.
    """

    def __init__(self, refused: Mapping[str, Reply]) -> None:
        self.refused = dict(refused)
        first = next(iter(self.refused.values()), None)
        shown = "; ".join(f"{address}: {' '.join(reply.message.split())}"
                          for address, reply in self.refused.items())
        super().__init__(first, f"every recipient was refused ({shown})")

    def __reduce__(self) -> Any:
        return (type(self), (self.refused,))


if not TYPE_CHECKING:
    def __getattr__(name: str) -> object:
        # names only annotations use, made on first use by net_smtp._types
        if name in ("Reply",):
            from . import _types

            return getattr(_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
