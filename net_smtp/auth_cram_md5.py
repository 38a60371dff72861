"""AUTH CRAM-MD5 (RFC 2195): an HMAC-MD5 of the server's challenge."""

from __future__ import annotations

from typing import Union

from .authenticator import Authenticator
from .response import Response, decode_base64_lenient

__all__ = ["AuthCramMD5"]


class AuthCramMD5(Authenticator, auth_type="cram_md5"):
    """Ruby: ``Net::SMTP::AuthCramMD5``."""

    def auth(self, user: str, secret: str) -> Response:
        """``AUTH CRAM-MD5``, then base64 of ``user hexdigest``."""
        challenge = decode_base64_lenient(self.continue_("AUTH CRAM-MD5") or "")
        return self.finish(self.base64_encode(f"{user} {self.cram_md5_response(secret, challenge)}"))

    def cram_md5_response(self, secret: Union[str, bytes], challenge: bytes) -> str:
        """The hex HMAC-MD5 of *challenge* keyed by *secret*."""
        import hashlib
        import hmac

        key = secret.encode("utf-8") if isinstance(secret, str) else secret
        return hmac.new(key, challenge, hashlib.md5).hexdigest()
