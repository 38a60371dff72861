"""``net-smtp port`` on the command line: every exit code, ``-o``, ``-``,
``--side-by-side``, the message without tree-sitter, and the promise that
the rest of the package never loads tree-sitter. In-process through
``net_smtp.cli.main`` and, twice, as a real ``net-smtp`` child process."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from net_smtp.cli import main
from tests.support.cli import cli_env, run_cli

pytest.importorskip("tree_sitter_ruby", reason="net-smtp port needs the [port] extra")

GOOD = """\
require 'net/smtp'

to = ENV.fetch('MAIL_TO', 'ops@example.com')
Net::SMTP.start('127.0.0.1', 2525) do |smtp|
  smtp.send_message "Subject: hi\\n\\nhello\\n", 'me@example.com', to
end
puts "sent to #{to}"
"""

# Line 4 runs Ruby code from a file at run time: nothing Python can do the same.
MARKED = """\
require 'net/smtp'

settings = {}
settings.instance_eval(File.read('settings.rb'))
puts 'configured'
"""

BROKEN = """\
require 'net/smtp'
Net::SMTP.start('127.0.0.1', 25) do |smtp|
  smtp.send_message 'x', 'a@example.com', 'b@example.com'
"""


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "notify.rb"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_exit_0_prints_the_translation(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["port", str(script)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "from net_smtp import Net" in out
    assert "with Net.SMTP.start('127.0.0.1', 2525) as smtp:" in out
    assert "to = os.environ.get('MAIL_TO', 'ops@example.com')" in out
    compile(out, "notify.py", "exec")


def test_output_file(script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notify.py"
    assert main(["port", str(script), "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    assert "print(f'sent to {to}')" in target.read_text(encoding="utf-8")


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    assert main(["port", "-"]) == 0
    assert "smtp.send_message(" in capsys.readouterr().out


def test_exit_1_marks_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.rb"
    path.write_text(MARKED, encoding="utf-8")
    assert main(["port", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err == "config.rb:4: instance_eval runs or inspects Ruby code at run time\n"
    assert "# port: instance_eval runs or inspects Ruby code at run time\n" \
           "# settings.instance_eval(File.read('settings.rb'))\n" in out
    assert "print('configured')" in out  # the rest is still translated


def test_exit_2_for_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["port", str(tmp_path / "nope.rb")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"net-smtp port: {tmp_path / 'nope.rb'}: no such file\n"


def test_exit_2_for_ruby_that_does_not_parse(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.rb"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["port", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    first, source_line, caret = err.splitlines()
    assert first.startswith("broken.rb:") and "syntax error" in first
    line, column = (int(n) for n in first.split(":")[1:3])
    assert source_line.strip() == BROKEN.splitlines()[line - 1].strip()
    assert caret.index("^") - 4 == column - 1


def test_exit_2_without_tree_sitter(script: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "tree_sitter", None)  # import fails
    assert main(["port", str(script)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'net-smtp[port]'" in err and "tree_sitter is missing" in err


def test_side_by_side_aligns_statements(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["port", "--side-by-side", "--width", "160", str(script)]) == 0
    rows = capsys.readouterr().out.splitlines()
    bar = rows[0].index("|")
    assert rows[0][:bar].strip() == "Ruby" and rows[0][bar + 1:].strip() == "Python"
    assert all(row[bar] == "|" for row in rows[2:])
    pairs = [(row[:bar].strip(), row[bar + 1:].strip()) for row in rows[2:]]
    assert ("puts \"sent to #{to}\"", "print(f'sent to {to}')") in pairs
    assert ("Net::SMTP.start('127.0.0.1', 2525) do |smtp|",
            "with Net.SMTP.start('127.0.0.1', 2525) as smtp:") in pairs
    assert [left for left, *_ in pairs if left] == [
        line.strip() for line in GOOD.splitlines() if line.strip()]


def test_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["port", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--side-by-side" in out and "-o OUT.py" in out and "'# port:'" in out


def test_the_command_in_a_child_process(script: Path, tmp_path: Path) -> None:
    result = run_cli("port", str(script), "-o", str(tmp_path / "notify.py"))
    assert (result.code, result.stdout, result.stderr) == (0, "", "")
    marked = tmp_path / "config.rb"
    marked.write_text(MARKED, encoding="utf-8")
    result = run_cli("port", str(marked))
    assert result.code == 1
    assert result.stderr == "config.rb:4: instance_eval runs or inspects Ruby code at run time\n"


def test_the_package_and_the_other_commands_never_load_tree_sitter() -> None:
    library = ("import sys, net_smtp, net_smtp.ruby; from net_smtp import OpenSSL; "
               "OpenSSL.SSL.VERIFY_PEER; "
               "assert not [m for m in sys.modules if m.startswith(('tree_sitter', 'ssl'))]")
    command_line = ("import sys, net_smtp.cli; net_smtp.cli.build_parser(); "
                    "assert not [m for m in sys.modules if m.startswith('tree_sitter')]")
    for code in (library, command_line):
        subprocess.run([sys.executable, "-c", code], env=cli_env(), check=True, timeout=60)


NOTIFY = """\
require 'net/smtp'

to = ARGV.shift or abort "usage: notify.rb RECIPIENT"
port = ENV.fetch('SMTP_PORT', '25').to_i
begin
  Net::SMTP.start('mail.example.com', port) do |smtp|
    smtp.send_message "Subject: done\\n\\nThe job finished.\\n", 'jobs@example.com', to
  end
  puts "notified #{to}"
rescue Net::SMTPFatalError => e
  puts "refused: #{e.message}"
  exit 1
end
"""


def test_the_side_by_side_example_of_the_porting_guide(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "porting.md").read_text("utf-8")
    command = "$ net-smtp port --side-by-side --width 132 notify.rb\n"
    start = page.index(command) + len(command)
    shown = page[start:page.index("```", start)]
    script = tmp_path / "notify.rb"
    script.write_text(NOTIFY, encoding="utf-8")
    assert main(["port", "--side-by-side", "--width", "132", str(script)]) == 0
    assert capsys.readouterr().out == shown
