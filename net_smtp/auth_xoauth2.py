"""AUTH XOAUTH2 (Google, Microsoft): the secret is an OAuth 2 bearer token."""

from __future__ import annotations

from .authenticator import Authenticator, credential_bytes
from .response import Response

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from ._types import Credential

__all__ = ["AuthXoauth2"]


class AuthXoauth2(Authenticator, auth_type="xoauth2"):
    """Ruby: ``Net::SMTP::AuthXoauth2``."""

    def auth(self, user: Credential, secret: Credential) -> Response:
        """``AUTH XOAUTH2 base64("user=U\\x01auth=Bearer T\\x01\\x01")``.

        Raises:
            SMTPAuthenticationError: the credentials were refused.
            SMTPError: another error reply during the exchange.
        """
        return self.finish("AUTH XOAUTH2 " + self.base64_encode(self.xoauth2_string(user, secret)))

    def xoauth2_string(self, user: Credential, secret: Credential) -> bytes:
        """The unencoded XOAUTH2 initial response."""
        return (b"user=" + credential_bytes(user) + b"\x01auth=Bearer " + credential_bytes(secret)
                + b"\x01\x01")
