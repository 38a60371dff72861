"""Ruby's ``OpenSSL`` as SMTP scripts use it, so that such lines port
verbatim: the ``OpenSSL::SSL`` constants (``ssl_context_params: {
verify_mode: OpenSSL::SSL::VERIFY_NONE }``), and ``OpenSSL::SSL::SSLContext``
with Ruby's setters, ``OpenSSL::X509::Certificate`` and ``OpenSSL::PKey``
for client certificates.

The constants are plain ints equal to Python's ``ssl.CERT_*`` and
``ssl.TLSVersion`` members; the classes load ``ssl`` when first used, so
importing this module does not.
"""

from __future__ import annotations

__all__ = ["OpenSSL"]

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ._sslcontext import Certificate, PKey, SSLContext


class _Lazy(type):
    """Classes whose TLS members are loaded on first use."""

    _members: dict[str, str] = {}

    def __getattr__(cls, name: str) -> Any:
        target = cls._members.get(name)
        if target is None:
            raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")
        from . import _sslcontext

        return getattr(_sslcontext, target)


class OpenSSL:
    """Ruby's ``OpenSSL`` module, reduced to what SMTP scripts use."""

    class SSL(metaclass=_Lazy):
        """Ruby ``OpenSSL::SSL``: constants, and ``SSLContext`` (see
        :class:`net_smtp._sslcontext.SSLContext`: a bare one verifies nothing,
        as in Ruby)."""

        _members = {"SSLContext": "SSLContext"}
        if TYPE_CHECKING:
            SSLContext = SSLContext
        VERIFY_NONE = 0  # ssl.CERT_NONE
        VERIFY_PEER = 2  # ssl.CERT_REQUIRED
        SSL3_VERSION = 0x0300
        TLS1_VERSION = 0x0301
        TLS1_1_VERSION = 0x0302
        TLS1_2_VERSION = 0x0303
        TLS1_3_VERSION = 0x0304

    class X509(metaclass=_Lazy):
        """Ruby ``OpenSSL::X509``: ``Certificate.new(pem)`` is ``Certificate(pem)``."""

        _members = {"Certificate": "Certificate"}
        if TYPE_CHECKING:
            Certificate = Certificate

    class PKey(metaclass=_Lazy):
        """Ruby ``OpenSSL::PKey``: ``PKey.read(pem, password)``."""

        _members = {"read": "_read_key"}
        if TYPE_CHECKING:
            read = PKey.read
