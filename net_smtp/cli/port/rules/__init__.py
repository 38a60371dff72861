"""The rule families of the translator, one module each; importing the
package registers every rule with :mod:`.calls`."""

from __future__ import annotations

from . import (
               blocks,
               calls,
               collections,
               constants,
               definitions,
               dynamic,
               env,
               expressions,
               files,
               io,
               iterators,
               openssl,
               optparse,
               output,
               regexps,
               smtp,
               statements,
               stdlib,
               strings,
               times,
)

__all__ = ["blocks", "calls", "collections", "constants", "definitions", "dynamic", "env",
           "expressions", "files", "io", "iterators", "openssl", "optparse", "output", "regexps",
           "smtp", "statements", "stdlib", "strings", "times"]
