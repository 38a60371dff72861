"""The few ``OpenSSL::SSL`` constants SMTP scripts use, so that a Ruby line
such as ``ssl_context_params: { verify_mode: OpenSSL::SSL::VERIFY_NONE }``
ports verbatim. The values equal Python's ``ssl.CERT_*`` and
``ssl.TLSVersion`` members (plain ints, so importing this needs no ``ssl``).
"""

from __future__ import annotations

__all__ = ["OpenSSL"]


class OpenSSL:
    """Ruby's ``OpenSSL`` module, reduced to what SMTP settings use."""

    class SSL:
        """Ruby ``OpenSSL::SSL``."""

        VERIFY_NONE = 0  # ssl.CERT_NONE
        VERIFY_PEER = 2  # ssl.CERT_REQUIRED
        SSL3_VERSION = 0x0300
        TLS1_VERSION = 0x0301
        TLS1_1_VERSION = 0x0302
        TLS1_2_VERSION = 0x0303
        TLS1_3_VERSION = 0x0304
