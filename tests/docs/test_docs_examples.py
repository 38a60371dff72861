"""The side-by-side examples of ``docs/examples/``.

* Every ``.py`` twin runs (a subprocess with ``sys.executable``) against a
  real aiosmtpd server on 127.0.0.1 - STARTTLS and SMTPS with a certificate
  issued at test time by trustme and trusted through ``SSL_CERT_FILE``, AUTH
  checked by aiosmtpd - and the server must receive exactly the messages the
  Ruby twin delivered when it was recorded.
* Every ``.py`` twin runs against the tests' scripted server, playing the
  profile ``tools/record_examples.py`` gives it, and must send, byte for byte, what real Ruby
  net-smtp 0.5.1 sent there (``docs/examples/recorded/NAME.json``), print the
  same lines and exit with the same status. No Ruby is needed for this.
* Where Ruby and the net-smtp sources are available (``NET_SMTP_RUBY_LIBS``),
  the Ruby twins are run again and must reproduce the committed recordings.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from tests.support.aiosmtpd import AiosmtpdServer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = ROOT / "docs" / "examples"

# aiosmtpd 1.4 itself sets the deprecated Session.login_data after AUTH.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Session.login_data is deprecated:DeprecationWarning")


def _load_recorder() -> types.ModuleType:
    """tools/record_examples.py, imported under a name no other test uses."""
    name = "docs_record_examples"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "record_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


recorder = _load_recorder()
NAMES = sorted(recorder.EXAMPLES)


def _stems(pattern: str, directory: Path = EXAMPLES_DIR) -> set[str]:
    return {path.stem for path in directory.glob(pattern)}


def test_every_example_has_a_ruby_twin_a_python_twin_and_a_recording() -> None:
    assert _stems("*.rb") == set(NAMES)
    assert _stems("*.py") == set(NAMES)
    assert _stems("*.json", recorder.RECORDED_DIR) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_recording_was_made_by_ruby_net_smtp_0_5_1(name: str) -> None:
    data = recorder.load_recording(name)
    assert data["example"] == name
    assert data["recorded_with"]["net-smtp"] == "0.5.1"
    assert data["recorded_with"]["net-protocol"] == "0.2.2"
    assert data["recorded_with"]["ruby"].startswith("ruby ")
    # The server profile has not changed since the recording was made.
    assert data["server"] == json.loads(json.dumps(asdict(recorder.EXAMPLES[name])))
    assert data["exit_status"] == 0 and data["stdout"]
    assert data["deliveries"], "every example delivers at least one message"
    for connection in data["connections"]:
        assert connection["client"].endswith("QUIT\r\n")


@pytest.mark.parametrize("name", NAMES)
def test_python_twin_sends_exactly_what_ruby_sent(name: str, tmp_path: Path) -> None:
    assert recorder.differences(name, tmp_path) == []


def test_a_different_conversation_is_reported(tmp_path: Path) -> None:
    """The comparison is not blind: a twin that says a different HELO
    domain is caught, with the difference named."""
    script = tmp_path / "helo_changed.py"
    script.write_text((EXAMPLES_DIR / "send_with_block.py").read_text(encoding="utf-8").replace(
        "Net.SMTP.start(host, port, block=send)",
        "Net.SMTP.start(host, port, helo='other.example', block=send)"), encoding="utf-8")
    run = recorder.converse("send_with_block", recorder.python_command(script), tmp_path)
    expected = recorder.load_recording("send_with_block")
    got = recorder.comparable(run)
    assert got["stdout"] == expected["stdout"]
    assert got["connections"] != expected["connections"]
    assert "EHLO other.example\r\n" in got["connections"][0]["client"]


# ----------------------------------------------------------------- aiosmtpd
def _refuse_some_recipients(refusals: Mapping[str, str]) -> Any:
    """An aiosmtpd ``handle_RCPT`` hook answering the given recipients with
    their refusal and accepting everyone else."""

    async def handle_RCPT(server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        refusal = refusals.get(address)
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"
    return handle_RCPT


@pytest.fixture(scope="module")
def tls_kit(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A trustme CA (its file for SSL_CERT_FILE) and a server context for 127.0.0.1."""
    return recorder.make_tls_kit(tmp_path_factory.mktemp("examples-tls"))


def _aiosmtpd_for(profile: Any, tls_kit: Any) -> AiosmtpdServer:
    """A real aiosmtpd server playing the part the scripted profile plays."""
    kwargs: dict[str, Any] = {}
    if profile.auth:
        kwargs["users"] = {recorder.USER: recorder.SECRET}
    if profile.tls == "starttls":
        kwargs.update(tls_context=tls_kit.server_context, require_starttls=True)
    elif profile.tls == "implicit":
        kwargs["ssl_context"] = tls_kit.server_context
    server = AiosmtpdServer(**kwargs)
    if profile.refuse:
        setattr(server.handler, "handle_RCPT", _refuse_some_recipients(profile.refuse))
    return server


@pytest.mark.parametrize("name", NAMES)
def test_python_twin_delivers_through_aiosmtpd(name: str, tls_kit: Any) -> None:
    profile = recorder.EXAMPLES[name]
    expected = recorder.load_recording(name)["deliveries"]
    ca_file: Path | None = tls_kit.ca_file if profile.tls != "none" else None
    with _aiosmtpd_for(profile, tls_kit) as server:
        done = subprocess.run(recorder.python_command(EXAMPLES_DIR / f"{name}.py"),
                              env=recorder.twin_environment(server.port, ca_file),
                              capture_output=True, text=True, timeout=recorder.RUN_WAIT)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        received = server.messages
    assert [(m.mail_from, m.mail_options, m.rcpt_tos, m.content.decode("latin-1"))
            for m in received] == [
        (d["mail_from"], d["mail_options"], d["rcpt_to"], d["content"]) for d in expected]
    if profile.auth:
        assert {m.authenticated_as for m in received} == {recorder.USER}


# ----------------------------------------------------------------- Ruby
def _ruby_available() -> bool:
    return bool(os.environ.get("NET_SMTP_RUBY_LIBS")) and shutil.which("ruby") is not None


@pytest.fixture(scope="module")
def ruby_versions() -> Iterator[dict[str, str]]:
    if not _ruby_available():
        pytest.skip("Ruby check needs ruby and NET_SMTP_RUBY_LIBS (the lib dirs of "
                    "net-protocol and net-smtp)")
    yield recorder.ruby_versions()


@pytest.mark.parametrize("name", NAMES)
def test_ruby_twin_still_sends_what_was_recorded(name: str, ruby_versions: dict[str, str],
                                                 tmp_path: Path) -> None:
    assert ruby_versions["net-smtp"] == "0.5.1"
    run = recorder.converse(name, recorder.ruby_command(str(EXAMPLES_DIR / f"{name}.rb")), tmp_path)
    expected = recorder.load_recording(name)
    assert recorder.comparable(run) == {key: expected[key] for key in recorder.comparable(run)}


def test_the_worked_port_reports_a_refused_login(tls_kit: Any) -> None:
    """The error path of report_mailer.py: a wrong secret ends in the
    SMTPAuthenticationError clause, the finally clause prints the outcome
    and the exit status is 1. (Real Ruby prints the same line for
    report_mailer.rb against such a server.)"""
    with _aiosmtpd_for(recorder.EXAMPLES["report_mailer"], tls_kit) as server:
        env = recorder.twin_environment(server.port, None)
        env["SMTP_SECRET"] = "not-the-secret"
        done = subprocess.run(recorder.python_command(EXAMPLES_DIR / "report_mailer.py"), env=env,
                              capture_output=True, text=True, timeout=recorder.RUN_WAIT)
        assert server.messages == []
    assert (done.returncode, done.stdout) == (1, "nightly report: login refused (535)\n")
