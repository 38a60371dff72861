"""AUTH PLAIN (RFC 4616): one command carrying ``\\0user\\0secret``."""

from __future__ import annotations

from .authenticator import Authenticator, credential_bytes
from .response import Response

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from ._types import Credential

__all__ = ["AuthPlain"]


class AuthPlain(Authenticator, auth_type="plain"):
    """Ruby: ``Net::SMTP::AuthPlain``."""

    def auth(self, user: Credential, secret: Credential) -> Response:
        """``AUTH PLAIN base64("\\0user\\0secret")``.

        Raises:
            SMTPAuthenticationError: the credentials were refused.
            SMTPError: another error reply during the exchange.
        """
        plain = b"\0" + credential_bytes(user) + b"\0" + credential_bytes(secret)
        return self.finish("AUTH PLAIN " + self.base64_encode(plain))
