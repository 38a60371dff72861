"""The project's own parity scenarios, recorded from real Ruby by
``compat_tests/ruby/record.py`` into ``compat_tests/recorded/``.

Each scenario is data: ``name``, ``about``, ``tags`` (``plain`` or ``tls``
and topics, as in the golden transcripts), ``profile`` (the scripted
server's behaviour, see ``tests/support/scripted.py``), ``ruby`` (a method body run
with ``port`` and ``dbg`` in scope) and ``python`` (its twin, written by
the translation rules of SPEC.md section 2, run with ``port``, ``dbg``,
``Net``, ``io``, ``os`` and ``sys`` in scope).
"""

from __future__ import annotations

from typing import Any

from . import addresses, auth, lifecycle, messages, replies, tls

SCENARIOS: list[dict[str, Any]] = [
    *replies.SCENARIOS,
    *lifecycle.SCENARIOS,
    *auth.SCENARIOS,
    *addresses.SCENARIOS,
    *messages.SCENARIOS,
    *tls.SCENARIOS,
]
