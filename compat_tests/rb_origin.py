"""Provenance for the one-for-one ports of Ruby's own tests.

``@ruby_origin("test_smtp.rb", "test_rcptto_with_address")`` records, on the
test function itself, which Ruby test it ports. Nothing is registered with
pytest (no marker, so ``--strict-markers`` has nothing to complain about);
the coverage test in ``test_smtp_rb.py`` reads the attribute back to check
that every Ruby test has its Python twin.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from typing import Callable, TypeVar

__all__ = ["ORIGIN_ATTR", "RUBY_FILES", "Origin", "origin_of", "ported_tests", "ruby_origin"]

F = TypeVar("F", bound=Callable[..., object])
Origin = tuple[str, str]

ORIGIN_ATTR = "__ruby_origin__"
# The Ruby test files ported here: net-smtp 0.5.1 and net-protocol 0.2.2.
RUBY_FILES = ("test_smtp.rb", "test_response.rb", "test_protocol.rb",
              "test_starttls.rb", "test_sslcontext.rb")


def ruby_origin(ruby_file: str, ruby_test: str) -> Callable[[F], F]:
    """Decorator: mark a test as the port of *ruby_test* in *ruby_file*.

    Raises:
        ValueError: an unknown Ruby file, or a name that is not a Ruby test.
    """
    if ruby_file not in RUBY_FILES:
        raise ValueError(f"unknown Ruby test file {ruby_file!r}; expected one of {RUBY_FILES}")
    if not ruby_test.startswith("test_"):
        raise ValueError(f"{ruby_test!r} is not a Ruby test method name")

    def mark(fn: F) -> F:
        setattr(fn, ORIGIN_ATTR, (ruby_file, ruby_test))
        return fn
    return mark


def origin_of(obj: object) -> Origin | None:
    """The ``(ruby_file, ruby_test)`` recorded on *obj*, or ``None``."""
    origin = getattr(obj, ORIGIN_ATTR, None)
    if isinstance(origin, tuple) and len(origin) == 2:
        return (str(origin[0]), str(origin[1]))
    return None


def ported_tests(modules: Iterable[types.ModuleType]) -> dict[Origin, list[str]]:
    """Every marked module-level function of *modules*, by origin: each
    origin maps to the ``module.function`` names that claim it."""
    found: dict[Origin, list[str]] = {}
    for module in modules:
        for name, value in sorted(vars(module).items()):
            origin = origin_of(value)
            if origin is not None and callable(value):
                found.setdefault(origin, []).append(f"{module.__name__}.{name}")
    return found
