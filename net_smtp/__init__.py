"""net_smtp: Ruby's ``Net::SMTP`` (net-smtp 0.5.1) for Python.

``from net_smtp import Net`` gives the Ruby namespace: ``Net.SMTP``,
``Net.SMTP.Address``, ``Net.SMTPFatalError``, ``Net.ReadTimeout`` ...
"""

from __future__ import annotations

from .address import Address
from .authenticator import Authenticator
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
    SMTPServerBusy,
    SMTPSyntaxError,
    SMTPUnknownError,
    SMTPUnsupportedCommand,
    WriteTimeout,
)
from .protocol import BufferedIO, InternetMessageIO, WriteAdapter
from .response import Response
from .smtp import SMTP, MessageStream, SMTPSession
from .openssl import OpenSSL
from . import _net as Net

__version__ = "0.1.0"

__all__ = [
    "Net",
    "OpenSSL",
    "SMTP",
    "SMTPSession",
    "MessageStream",
    "Response",
    "Address",
    "Authenticator",
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
    "__version__",
]
