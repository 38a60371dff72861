"""The runtime's commands for ported scripts (``ruby.backtick``,
``ruby.kernel_open``): real processes, run as Ruby runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from net_smtp import ruby


def test_a_command_that_starts_with_a_word_of_the_shell_goes_to_the_shell() -> None:
    # `exit 3`; p $?.exitstatus -> 3 (Ruby hands posix_sh_cmds to /bin/sh)
    assert ruby.backtick("exit 3") == ""
    status = ruby.last_status()
    assert status is not None and status.exitstatus == 3
    with pytest.raises(FileNotFoundError, match="No such file or directory - no-such-program-x"):
        ruby.backtick("no-such-program-x 3")


def test_kernel_open_of_a_command_reads_its_output_or_writes_its_input(
        tmp_path: Path) -> None:
    # open('|echo hi') { |f| f.read } -> "hi\n"; open('|cat > out', 'w') { |f| f.puts 'x' }
    with ruby.kernel_open("|echo hi", "r") as f:
        assert f.read() == "hi\n"
    target = tmp_path / "out.txt"
    with ruby.kernel_open(f"|cat > {target}", "w") as f:
        f.write("x\n")
        assert not target.exists()
    assert target.read_text() == "x\n"
    with pytest.raises(NotImplementedError):
        ruby.kernel_open("|-", "r")
    (tmp_path / "plain.txt").write_text("caf\u00e9")
    with ruby.kernel_open(str(tmp_path / "plain.txt")) as f:
        assert f.read() == "caf\u00e9"
