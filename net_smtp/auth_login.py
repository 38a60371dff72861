"""AUTH LOGIN: user name and secret, each answering a 334 prompt."""

from __future__ import annotations

from .authenticator import Authenticator
from .response import Response

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from ._types import Credential

__all__ = ["AuthLogin"]


class AuthLogin(Authenticator, auth_type="login"):
    """Ruby: ``Net::SMTP::AuthLogin``."""

    def auth(self, user: Credential, secret: Credential) -> Response:
        """``AUTH LOGIN``, then base64 user, then base64 secret.

        Raises:
            SMTPAuthenticationError: the credentials were refused.
            SMTPError: another error reply during the exchange.
        """
        self.continue_("AUTH LOGIN")
        self.continue_(self.base64_encode(user))
        return self.finish(self.base64_encode(secret))
