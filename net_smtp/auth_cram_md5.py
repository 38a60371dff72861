"""AUTH CRAM-MD5 (RFC 2195): an HMAC-MD5 (RFC 2104) of the server's challenge."""

from __future__ import annotations

from . import _ruby
from .authenticator import Authenticator, credential_bytes
from .errors import ArgumentError
from .response import Response

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    import hashlib

    from ._types import Credential

__all__ = ["AuthCramMD5"]


def _md5(data: bytes) -> hashlib._Hash:
    import hashlib  # loaded on first use: plain sessions never need it

    return hashlib.md5(data)


class AuthCramMD5(Authenticator, auth_type="cram_md5"):
    """Ruby: ``Net::SMTP::AuthCramMD5``."""

    IMASK = 0x36
    OMASK = 0x5C
    CRAM_BUFSIZE = 64

    def auth(self, user: Credential, secret: Credential) -> Response:
        """``AUTH CRAM-MD5``, then base64 of ``user hexdigest``.

        Raises:
            SMTPAuthenticationError: the credentials were refused.
            SMTPError: another error reply during the exchange.
            ArgumentError: the 334 reply has no challenge.
        """
        encoded = self.continue_("AUTH CRAM-MD5")
        if encoded is None:  # Ruby fails here too, before sending anything
            raise ArgumentError("the server's 334 reply to AUTH CRAM-MD5 carries no challenge")
        challenge = _ruby.decode_base64(encoded)
        digest = self.cram_md5_response(secret, challenge).encode("ascii")
        return self.finish(self.base64_encode(credential_bytes(user) + b" " + digest))

    def cram_md5_response(self, secret: Credential, challenge: bytes) -> str:
        """The hex HMAC-MD5 of *challenge* keyed by *secret*."""
        inner = _md5(self.cram_secret(secret, self.IMASK) + challenge).digest()
        return _md5(self.cram_secret(secret, self.OMASK) + inner).hexdigest()

    def cram_secret(self, secret: Credential, mask: int) -> bytes:
        """The HMAC key block: *secret* (hashed if longer than CRAM_BUFSIZE
        bytes), padded with NULs and XORed with *mask*."""
        key = credential_bytes(secret)
        if len(key) > self.CRAM_BUFSIZE:
            key = _md5(key).digest()
        return bytes(byte ^ mask for byte in key.ljust(self.CRAM_BUFSIZE, b"\0"))
