"""``email.message.Message`` objects as messages: the envelope from their
headers and their wire form, the way smtplib's ``send_message`` does it
(not in Ruby, which has no such objects).

Nothing here imports :mod:`email` until a program has: a message object can
only exist once the program imported it.
"""

from __future__ import annotations

import sys

from .errors import ArgumentError

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    from collections.abc import Sequence
    from email.message import Message

    from typing_extensions import TypeGuard

__all__ = ["Envelope", "envelope_of", "flatten", "is_email_message", "needs_smtputf8"]


def is_email_message(obj: object) -> TypeGuard[Message]:
    """Whether *obj* is an ``email.message.Message`` (``EmailMessage`` too)."""
    module = sys.modules.get("email.message")
    return module is not None and isinstance(obj, module.Message)


class Envelope:
    """The sender and recipients a message's headers name."""

    __slots__ = ("sender", "recipients")

    def __init__(self, sender: str, recipients: list[str]) -> None:
        self.sender = sender
        self.recipients = recipients


def _addresses(values: Sequence[str | None]) -> list[str]:
    from email.utils import getaddresses

    return [address for _, address in getaddresses([str(v) for v in values if v is not None])]


def envelope_of(msg: Message) -> Envelope:
    """The envelope smtplib derives from *msg*'s headers: the sender from
    ``Sender`` (else ``From``), the recipients from ``To``, ``Bcc`` and
    ``Cc``; when the message carries one ``Resent-Date``, the ``Resent-``
    forms of those headers instead.

    Raises:
        ArgumentError: several ``Resent-`` blocks, or no sender header.
    """
    resent = msg.get_all("Resent-Date")
    if resent is not None and len(resent) > 1:
        raise ArgumentError("the message has more than one Resent- header block: "
                            "give the envelope sender and recipients explicitly")
    prefix = "Resent-" if resent else ""
    sender_header = msg[f"{prefix}Sender"] if f"{prefix}Sender" in msg else msg[f"{prefix}From"]
    if sender_header is None:
        raise ArgumentError(f"the message has no {prefix}Sender or {prefix}From header: "
                            "give the envelope sender explicitly")
    senders = _addresses([sender_header])
    recipients = _addresses([msg[f"{prefix}To"], msg[f"{prefix}Bcc"], msg[f"{prefix}Cc"]])
    return Envelope(senders[0] if senders else "", recipients)


def needs_smtputf8(addresses: Sequence[str]) -> bool:
    """Whether any envelope address is non-ASCII (smtplib's test)."""
    return not all(address.isascii() for address in addresses)


def flatten(msg: Message, utf8: bool = False) -> bytes:
    """The message's bytes with CRLF line ends, ``Bcc`` and ``Resent-Bcc``
    left out (the caller's object is not changed). With *utf8*, headers are
    written as UTF-8 (for an SMTPUTF8 transaction) where the message's
    policy can do so.
    """
    import copy
    import io
    from email.generator import BytesGenerator
    from email.policy import EmailPolicy

    shown = copy.copy(msg)  # deleting headers rebinds the copy's header list only
    del shown["Bcc"]
    del shown["Resent-Bcc"]
    policy = msg.policy
    if utf8 and isinstance(policy, EmailPolicy):  # compat32 has no UTF-8 header mode
        policy = policy.clone(utf8=True)
    out = io.BytesIO()
    BytesGenerator(out, policy=policy).flatten(shown, linesep="\r\n")
    return out.getvalue()
