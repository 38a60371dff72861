"""net_smtp: Ruby's ``Net::SMTP`` (net-smtp 0.5.1) for Python.

``from net_smtp import Net`` gives the Ruby namespace: ``Net.SMTP``,
``Net.SMTP.Address``, ``Net.SMTPFatalError``, ``Net.ReadTimeout`` ...
Every name of ``Net`` is also importable from the package itself.
"""

from . import _net as Net
from ._net import *  # noqa: F403 - the names of Net, listed in _net.__all__
from .address import Address
from .authenticator import Authenticator
from .openssl import OpenSSL
from .response import Response
from .smtp import MessageStream

__version__ = "0.1.0"

__all__ = ["Net", "OpenSSL", "MessageStream", "Response", "Address", "Authenticator",
           "__version__"]
__all__ += Net.__all__
