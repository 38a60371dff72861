"""The rule families of the translator, one module each; importing the
package registers every rule with :mod:`.calls`."""

from __future__ import annotations

from . import (
               blocks,
               calls,
               collections,
               constants,
               definitions,
               env,
               expressions,
               io,
               openssl,
               optparse,
               output,
               regexps,
               smtp,
               statements,
               strings,
)

__all__ = ["blocks", "calls", "collections", "constants", "definitions",
           "env", "expressions", "io", "openssl", "optparse", "output", "regexps", "smtp",
           "statements", "strings"]
