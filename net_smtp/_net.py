"""Ruby's ``Net`` module: ``from net_smtp import Net``, then ``Net.SMTP``,
``Net.SMTPFatalError``, ``Net.ReadTimeout`` ... A module rather than a class,
so that every ``Net.X`` is also a type for annotations.
"""

from . import errors
from .errors import *  # noqa: F403 - Ruby's Net::ProtocolError, Net::SMTP*Error ... family
from .protocol import BufferedIO, InternetMessageIO, WriteAdapter
from .smtp import SMTP, SMTPSession

__all__ = ["SMTP", "SMTPSession", "WriteAdapter", "BufferedIO", "InternetMessageIO"]
__all__ += errors.__all__
