"""Commands run as Ruby runs them, for ported scripts: ``Open3.capture3``
and its fellows, backticks, and ``$?`` (the status of the last one).

Ruby runs one String that holds a shell metacharacter through ``/bin/sh``
and anything else directly (one String split at its blanks), so a missing
program is Errno::ENOENT (here FileNotFoundError) where the shell would
say 127.
"""

from __future__ import annotations

import io
import re
import signal
import subprocess
import sys
from typing import Any

__all__ = ["ProcessStatus", "backtick", "capture2", "capture2e", "capture3", "last_status",
           "open_command"]

# What makes Ruby hand a command line to the shell (process.c)
_SHELL_SPECIAL = re.compile(r"[*?{}\[\]<>()~&|\\$;'`\"\n#=%]")
# and the first words only the shell knows (process.c's posix_sh_cmds)
_SHELL_WORDS = frozenset("""! . : break case continue do done elif else esac eval exec exit
export fi for if in readonly return set shift then times trap unset until while""".split())


class ProcessStatus:
    """Ruby's ``Process::Status`` of a command that has finished."""

    _ruby_name = "Process::Status"

    def __init__(self, pid: int, returncode: int) -> None:
        self.pid = pid
        self._code = returncode  # Python's: the exit status, or minus the signal

    @property
    def exitstatus(self) -> int | None:
        """The exit status; nil when a signal ended the command."""
        return self._code if self._code >= 0 else None

    @property
    def termsig(self) -> int | None:
        """The signal that ended the command, else nil."""
        return -self._code if self._code < 0 else None

    def is_success(self) -> bool | None:
        """``success?``: exit status 0; nil when a signal ended it."""
        return None if self._code < 0 else self._code == 0

    def is_exited(self) -> bool:
        """``exited?``: it ended by exiting, not by a signal."""
        return self._code >= 0

    def is_signaled(self) -> bool:
        """``signaled?``: a signal ended it."""
        return self._code < 0

    def to_i(self) -> int:
        """The raw wait status: the exit status times 256, or the signal."""
        return self._code << 8 if self._code >= 0 else -self._code

    def __str__(self) -> str:
        if self._code >= 0:
            return f"pid {self.pid} exit {self._code}"
        number = -self._code
        try:
            name = signal.Signals(number).name
        except ValueError:
            return f"pid {self.pid} signal {number}"
        return f"pid {self.pid} {name} (signal {number})"

    def inspect(self) -> str:
        """``#<Process::Status: pid 42 exit 3>``."""
        return f"#<Process::Status: {self}>"


_last: list[ProcessStatus | None] = [None]


def last_status() -> ProcessStatus | None:
    """``$?``: the status of the last command this script ran, else nil."""
    return _last[0]


def _argv(command: tuple[Any, ...]) -> tuple[list[str] | str, bool]:
    """What to run, and whether through the shell, as Ruby decides."""
    if not command:
        raise TypeError("wrong number of arguments (given 0, expected 1+)")
    for word in command:
        if not isinstance(word, str):
            raise TypeError(f"no implicit conversion of {type(word).__name__} into String")
    if len(command) > 1:
        return list(command), False
    line: str = command[0]
    words = line.split()
    if _SHELL_SPECIAL.search(line) or words and words[0] in _SHELL_WORDS:
        return line, True
    return words, False


def _run(command: tuple[Any, ...], stdin_data: str | None,
         stderr: str, stdout: bool = True) -> tuple[str, str, ProcessStatus]:
    """Run *command* as Ruby would; *stderr* is ``'pipe'`` (kept apart),
    ``'merge'`` (into stdout, in the order written) or ``'inherit'``; no
    *stdin_data* leaves the script's own standard input to the command;
    *stdout* false leaves it the script's standard output."""
    args, shell = _argv(command)
    for stream in (sys.stdout, sys.stderr):  # what the script wrote comes first
        stream.flush()
    errors = {"pipe": subprocess.PIPE, "merge": subprocess.STDOUT, "inherit": None}[stderr]
    try:
        child = subprocess.Popen(args, shell=shell, stderr=errors,
                                 stdout=subprocess.PIPE if stdout else None,
                                 stdin=None if stdin_data is None else subprocess.PIPE,
                                 encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError as exc:  # Ruby's text: No such file or directory - name
        raise FileNotFoundError(exc.errno, f"{exc.strerror} - {args[0]}") from None
    with child:
        out, err = child.communicate(stdin_data)
    status = ProcessStatus(child.pid, child.returncode)
    _last[0] = status
    return out or "", err or "", status


def capture3(*command: Any, stdin_data: str = "") -> list[Any]:
    """``Open3.capture3(*command)``: [stdout, stderr, status]."""
    out, err, status = _run(command, stdin_data, "pipe")
    return [out, err, status]


def capture2e(*command: Any, stdin_data: str = "") -> list[Any]:
    """``Open3.capture2e(*command)``: [stdout and stderr as written, status]."""
    out, _, status = _run(command, stdin_data, "merge")
    return [out, status]


def capture2(*command: Any, stdin_data: str = "") -> list[Any]:
    """``Open3.capture2(*command)``: [stdout, status]; stderr goes to the
    script's own."""
    out, _, status = _run(command, stdin_data, "inherit")
    return [out, status]


def backtick(command: str) -> str:
    """`` `command` ``: its output (stderr and stdin are the script's own);
    ``$?`` is then its status. Ruby's rule for the shell applies."""
    return _run((command,), None, "inherit")[0]


class _CommandInput(io.StringIO):
    """What ``open('|command', 'w')`` is given: the command runs on it,
    with the script's standard output, when the file is closed."""

    def __init__(self, command: str) -> None:
        super().__init__()
        self._command = command

    def close(self) -> None:
        if not self.closed:
            text = self.getvalue()
            super().close()
            _run((self._command,), text, "inherit", stdout=False)


def open_command(command: str, mode: str) -> io.StringIO:
    """Ruby's ``open('|command', mode)``: ``'r'``, the command's output to
    read (it has run when this returns); ``'w'`` or ``'a'``, its input,
    given to it on close. ``$?`` is then its status.

    Raises:
        NotImplementedError: another mode, or ``|-`` (Ruby forks the script).
    """
    if command == "-" or mode not in ("r", "w", "a"):
        raise NotImplementedError(f"open of a command in mode {mode!r} is not ported")
    if mode == "r":
        return io.StringIO(_run((command,), None, "inherit")[0])
    return _CommandInput(command)
