"""Helpers shared by the scenario modules: one constructor that keeps every
scenario the same shape, and the EHLO keyword lists the profiles reuse."""

from __future__ import annotations

import textwrap
from typing import Any

# The scripted server's default EHLO keywords (tests.support.scripted.PROFILE_DEFAULTS).
CAPS: list[str] = ["PIPELINING", "SIZE 10240000", "8BITMIME",
                   "AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2", "ENHANCEDSTATUSCODES"]
CAPS_SMTPUTF8: list[str] = CAPS + ["SMTPUTF8"]
CAPS_STARTTLS: list[str] = CAPS + ["STARTTLS"]


def code(text: str) -> str:
    """A program written indented in a triple-quoted string, dedented, with
    the leading newline dropped and exactly one trailing newline."""
    return textwrap.dedent(text).strip("\n") + "\n"


def scenario(name: str, about: str, tags: list[str], ruby: str, python: str,
             profile: dict[str, Any] | None = None) -> dict[str, Any]:
    """One scenario as data (the keys ``record.py`` and the transcripts use)."""
    return {"name": name, "about": about, "tags": tags, "profile": profile or {},
            "ruby": code(ruby), "python": code(python)}
