"""Ruby's ``Net`` module: ``from net_smtp import Net``, then ``Net.SMTP``,
``Net.SMTPFatalError``, ``Net.ReadTimeout`` ... A module rather than a class,
so that every ``Net.X`` is also a type for annotations.
"""

from __future__ import annotations

from .errors import (
    ArgumentError,
    OpenTimeout,
    ProtoAuthError,
    ProtocolError,
    ProtoCommandError,
    ProtocRetryError,
    ProtoFatalError,
    ProtoRetriableError,
    ProtoServerError,
    ProtoSyntaxError,
    ProtoUnknownError,
    ReadTimeout,
    SMTPAuthenticationError,
    SMTPError,
    SMTPFatalError,
    SMTPRecipientsRefused,
    SMTPServerBusy,
    SMTPSessionAborted,
    SMTPSyntaxError,
    SMTPUnknownError,
    SMTPUnsupportedCommand,
    WriteTimeout,
)
from .protocol import BufferedIO, InternetMessageIO, WriteAdapter
from .smtp import SMTP, SMTPSession

__all__ = [
    "SMTP",
    "SMTPSession",
    "WriteAdapter",
    "BufferedIO",
    "InternetMessageIO",
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
