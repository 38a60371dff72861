"""``Net::SMTP::Address``: a mailbox with its MAIL FROM / RCPT TO parameters."""

from __future__ import annotations

from . import _ruby
from .errors import ArgumentError

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Address"]


def address_parameters(params: list[Any]) -> list[str]:
    """Flatten parameters the way Ruby's Address does: ``'k=v'`` strings,
    ``{'k': v}`` and ``k=v`` keywords become ``k=v``; a ``None`` value leaves a
    bare ``k``; duplicates are dropped, order kept."""
    flat: list[Any] = []
    for param in params:
        flat.extend(_ruby.array(param))
    seen: dict[str, None] = {}
    for item in flat:
        seen.setdefault(_ruby.join([part for part in _ruby.array(item) if part is not None], "="),
                        None)
    return list(seen)


class Address:
    """A mail address with ESMTP parameters.

    ``Address('a@example.com', 'BODY=8BITMIME', {'size': 10}, notify=None)``
    has ``parameters == ['BODY=8BITMIME', 'size=10', 'notify']``. An Address
    given as *address* is copied, its parameters first.

    Ruby: ``Net::SMTP::Address.new(address, *args, **kw_args)``.

    Raises:
        ArgumentError: *address* is neither a ``str`` nor an Address.
    """

    __slots__ = ("_address", "_parameters")

    def __init__(self, address: str | Address, *args: Any, **kwargs: Any) -> None:
        if isinstance(address, Address):
            self._address = address.address
            inherited: list[Any] = list(address.parameters)
        elif isinstance(address, str):
            self._address = address
            inherited = []
        else:
            raise ArgumentError(
                f"address must be a str or Net.SMTP.Address, not {type(address).__name__}")
        self._parameters = (address_parameters(inherited + list(args) + [kwargs])
                            if inherited or args or kwargs else [])

    @property
    def address(self) -> str:
        """The mailbox, without angle brackets."""
        return self._address

    @property
    def parameters(self) -> list[str]:
        """The ESMTP parameters, each ``'k=v'`` or ``'k'``."""
        return list(self._parameters)

    def to_s(self) -> str:
        """Ruby's ``to_s``: the mailbox."""
        return self._address

    def __str__(self) -> str:
        return self._address

    def __repr__(self) -> str:
        return f"Address({self._address!r}, {self._parameters!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Address):
            return NotImplemented
        return (self._address, self._parameters) == (other._address, other._parameters)

    def __hash__(self) -> int:
        return hash((self._address, tuple(self._parameters)))
