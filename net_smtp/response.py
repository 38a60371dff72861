"""``Net::SMTP::Response``: one (possibly multi-line) server reply."""

from __future__ import annotations

from . import _ruby
from .errors import (
    SMTPAuthenticationError,
    SMTPError,
    SMTPFatalError,
    SMTPServerBusy,
    SMTPSyntaxError,
    SMTPUnknownError,
)

__all__ = ["Response"]

class Response:
    """A server reply: ``status`` (3 characters) and ``string`` (every line,
    each ended by ``\\n``).

    Ruby: ``Net::SMTP::Response``.
    """

    __slots__ = ("_status", "_string", "_refused")

    def __init__(self, status: str, string: str) -> None:
        self._status = status
        self._string = string
        self._refused: dict[str, Response] | None = None

    @classmethod
    def parse(cls, string: str) -> Response:
        """A Response whose status is the first three characters of *string*.

        Ruby: ``Response.parse(str)``.
        """
        return cls(string[:3], string)

    @property
    def status(self) -> str:
        """The three-digit reply code, as a string."""
        return self._status

    @property
    def string(self) -> str:
        """The whole reply text, lines ended by ``\\n``."""
        return self._string

    @property
    def refused(self) -> dict[str, Response]:
        """The recipients ``send_message(..., refused='return')`` could not
        send to, each with the reply that refused it; empty otherwise (not
        in Ruby)."""
        return {} if self._refused is None else self._refused

    @refused.setter
    def refused(self, value: dict[str, Response]) -> None:
        self._refused = value

    @property
    def status_type_char(self) -> str:
        """The first digit of the status (``'2'`` for success)."""
        return self._status[:1]

    def is_success(self) -> bool:
        """A 2xx reply. Ruby: ``success?``."""
        return self._status[:1] == "2"

    def is_continue(self) -> bool:
        """A 3xx reply. Ruby: ``continue?``."""
        return self._status[:1] == "3"

    @property
    def message(self) -> str:
        """The first line of the reply, its newline included."""
        end = self._string.find("\n")
        return self._string if end < 0 else self._string[: end + 1]

    @property
    def cram_md5_challenge(self) -> bytes:
        """The base64-decoded second word of a 334 reply.

        Raises:
            IndexError: the reply has no second word.
        """
        return _ruby.decode_base64(self._string.split(" ")[1])

    @property
    def capabilities(self) -> dict[str | None, list[str]]:
        """EHLO keywords mapped to their parameters; ``{}`` for a one-line
        reply. A repeated keyword keeps its last parameters and a line with
        no keyword is keyed ``None``, as in Ruby."""
        if self._string[3:4] != "-":
            return {}
        lines = self._string.split("\n")
        if lines[-1] == "":
            lines.pop()
        found: dict[str | None, list[str]] = {}
        for line in lines[1:]:
            words = _ruby.split(line[4:])
            found[words[0] if words else None] = words[1:]
        return found

    @property
    def exception_class(self) -> type[SMTPError]:
        """The exception a failing reply raises: 4xx SMTPServerBusy, 50x
        SMTPSyntaxError, 53x SMTPAuthenticationError, other 5xx
        SMTPFatalError, anything else SMTPUnknownError."""
        status = self._status
        if status.startswith("4"):
            return SMTPServerBusy
        if status.startswith("50"):
            return SMTPSyntaxError
        if status.startswith("53"):
            return SMTPAuthenticationError
        if status.startswith("5"):
            return SMTPFatalError
        return SMTPUnknownError

    def inspect(self) -> str:
        """Ruby's ``inspect`` text."""
        return f"#<Net::SMTP::Response status={self._status!r} string={self._string!r}>"

    def __repr__(self) -> str:
        return f"Response({self._status!r}, {self._string!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Response):
            return NotImplemented
        return (self._status, self._string) == (other._status, other._string)

    def __hash__(self) -> int:
        return hash((self._status, self._string))
