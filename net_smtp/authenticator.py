"""``Net::SMTP::Authenticator``: the SASL mechanism registry and base class.

A mechanism is one subclass with an ``auth(user, secret)`` method that talks
to the server only through :meth:`Authenticator.continue_` and
:meth:`Authenticator.finish`; registering it makes ``authenticate`` and
``start(authtype=...)`` use it with no change to ``SMTP``.
"""

from __future__ import annotations

from . import _ruby
from .errors import ArgumentError, SMTPAuthenticationError, SMTPUnsupportedCommand
from .response import Response

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, ClassVar

    from ._types import Credential, ResponseSource

__all__ = ["AUTO_PREFERENCE", "Authenticator", "Credential", "ResponseSource",
           "credential_bytes"]

AUTO_PREFERENCE = ("CRAM-MD5", "PLAIN", "LOGIN")
"""What ``authtype='auto'`` tries first, in this order; then any other
registered mechanism but XOAUTH2, whose secret is a token, not a password."""
_NOT_A_PASSWORD = frozenset({"XOAUTH2"})


def credential_bytes(value: Credential) -> bytes:
    """The bytes a user name or secret is sent as."""
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def normalize_auth_type(auth_type: Any) -> str:
    """Registry key of an auth type: upper case, ``_`` read as ``-``."""
    return str(auth_type).upper().replace("_", "-")


class Authenticator:
    """Base of every AUTH mechanism.

    Register a subclass with ``class AuthFoo(Authenticator, auth_type='foo')``
    or, as in Ruby, ``AuthFoo.auth_type('foo')``.

    Ruby: ``Net::SMTP::Authenticator``.
    """

    _registry: ClassVar[dict[str, type[Authenticator]]] = {}

    def __init_subclass__(cls, auth_type: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if auth_type is not None:
            cls.auth_type(auth_type)

    @classmethod
    def auth_classes(cls) -> dict[str, type[Authenticator]]:
        """The registry: normalised type name -> class."""
        return Authenticator._registry

    @classmethod
    def auth_type(cls, auth_type: Any) -> None:
        """Register this class for *auth_type* (``'cram_md5'`` = ``'CRAM-MD5'``)."""
        Authenticator._registry[normalize_auth_type(auth_type)] = cls

    @classmethod
    def auth_class(cls, auth_type: Any) -> type[Authenticator] | None:
        """The class registered for *auth_type*, or ``None``."""
        return Authenticator._registry.get(normalize_auth_type(auth_type))

    @classmethod
    def best_offered(cls, offered: Iterable[str]) -> type[Authenticator]:
        """The registered mechanism ``authtype='auto'`` uses among *offered*
        (the names in the server's AUTH line; see :data:`AUTO_PREFERENCE`).

        Raises:
            SMTPUnsupportedCommand: none of them is registered.
        """
        names = [normalize_auth_type(name) for name in offered]
        registered = Authenticator._registry
        others = [name for name in registered
                  if name not in AUTO_PREFERENCE and name not in _NOT_A_PASSWORD]
        for name in (*AUTO_PREFERENCE, *others):
            if name in names and name in registered:
                return registered[name]
        raise SMTPUnsupportedCommand(
            "authtype 'auto': the server offers no AUTH mechanism this client has "
            f"(offered: {', '.join(names) or 'none'}; "
            f"usable: {', '.join((*AUTO_PREFERENCE, *others))})")

    @classmethod
    def check_args(cls, user_arg: Any = None, secret_arg: Any = None,
                   *args: Any, **kwargs: Any) -> None:
        """Refuse missing credentials before anything is sent.

        Raises:
            ArgumentError: no user name, or no secret.
        """
        if user_arg is None or user_arg is False:
            raise ArgumentError("SMTP-AUTH requested but missing user name")
        if secret_arg is None or secret_arg is False:
            raise ArgumentError("SMTP-AUTH requested but missing secret phrase")

    def __init__(self, smtp: ResponseSource) -> None:
        self._smtp = smtp

    @property
    def smtp(self) -> ResponseSource:
        """The session this authenticator talks to."""
        return self._smtp

    def auth(self, user: Credential, secret: Credential) -> Response:
        """Run the exchange; return the server's final 2xx reply. Each
        mechanism defines it (the base class has no exchange of its own).

        Raises:
            SMTPAuthenticationError: the server refused the credentials.
            SMTPError: another error reply during the exchange.
            NotImplementedError: called on a class that does not define it.
        """
        raise NotImplementedError(f"{type(self).__name__} must define auth(user, secret)")

    def continue_(self, arg: str) -> str | None:
        """Send *arg*; expect a 3xx reply and return its second word (the
        challenge), ``None`` if it has none. Ruby: ``continue``.

        Raises:
            SMTPError: the reply was not 3xx (its ``exception_class``).
        """
        res = self._smtp.get_response(arg)
        if not res.is_continue():
            raise res.exception_class(res)
        words = _ruby.split(res.string)
        return words[1] if len(words) > 1 else None

    def finish(self, arg: str) -> Response:
        """Send *arg*; expect a 2xx reply and return it.

        Raises:
            SMTPAuthenticationError: the reply was not 2xx.
        """
        res = self._smtp.get_response(arg)
        if not res.is_success():
            raise SMTPAuthenticationError(res)
        return res

    def base64_encode(self, s: Credential) -> str:
        """Base64 of *s* (UTF-8 for ``str``) on one line, no newline."""
        import binascii  # loaded on first use: only AUTH needs it

        return binascii.b2a_base64(credential_bytes(s), newline=False).decode("ascii")


setattr(Authenticator, "continue", Authenticator.continue_)


if not TYPE_CHECKING:
    def __getattr__(name: str) -> object:
        # names only annotations use, made on first use by net_smtp._types
        if name in ("Credential", "ResponseSource"):
            from . import _types

            return getattr(_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
