"""net_smtp: Ruby's ``Net::SMTP`` (net-smtp 0.5.1) for Python.

``from net_smtp import Net`` gives the Ruby namespace: ``Net.SMTP``,
``Net.SMTP.Address``, ``Net.SMTPFatalError``, ``Net.ReadTimeout`` ...
Every name of ``Net`` is also importable from the package itself.
``net_smtp.ruby`` (Ruby's ``puts``, ``p``, ``to_s``... for ported scripts)
loads when first used.
"""

from types import ModuleType as _ModuleType

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


def __getattr__(name: str) -> _ModuleType:
    """``net_smtp.ruby`` without importing it first (it is not loaded by
    ``import net_smtp``)."""
    if name == "ruby":
        import importlib  # loaded on first use: importing the package does not need it

        return importlib.import_module(f"{__name__}.ruby")
    raise AttributeError(f"module 'net_smtp' has no attribute {name!r}")
