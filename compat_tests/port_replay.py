"""Run one entry of the ``net-smtp port`` corpus against a scripted server.

An entry is a Ruby script ``NAME.rb`` and its sidecar ``NAME.json`` (argv,
environment, standard input, input files, the ``tests.support.scripted`` profile, the
normalisers its volatile output needs, and what the translator must do with
it).  ``ruby/record_port.py`` runs the script under real Ruby and writes
``recorded/NAME.json``; ``test_port_corpus.py`` runs the translation under
Python and compares.  Both sides go through :func:`run_entry`, so they see
the same server, the same placeholders, the same environment and the same
normalisation.  The conventions are described in ``port_corpus/README.md``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import ssl
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from tests.support.scripted import ScriptedServer, resolve_profile

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / "port_corpus"
CORPUS_ENV = "NET_SMTP_PORT_CORPUS"  # points the recorder and the harness at another corpus
PROGRAM_TIMEOUT = 30.0  # seconds; a program still running then is killed and reported

SIDECAR_KEYS = {"about", "argv", "env", "stdin", "files", "profile", "normalise", "expect",
                "why", "marks"}
EXPECTATIONS = ("identical", "marked")
# Placeholders allowed in argv, env values, stdin and input files.
PLACEHOLDERS = ("{PORT}", "{CA_FILE}", "{TMP}")
# The environment every program gets besides its sidecar's (nothing is
# inherited but PATH): a fixed time zone and locale keep Time.now and text
# encodings alike on both sides.
BASE_ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC"}

_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# Opt-in normalisers for output that depends on the clock or on chance, each
# replacing only the volatile digits (the zone, the header name, the angle
# brackets around an id stay, so their formatting is still compared).
NORMALISERS: dict[str, tuple[re.Pattern[str], str]] = {
    "rfc2822": (re.compile(rf"{_DAY}, \d\d {_MONTH} \d{{4}} \d\d:\d\d:\d\d"), "{RFC2822}"),
    "timestamp": (re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d"), "{TIMESTAMP}"),
    "message_id": (re.compile(r"(?im)^(Message-ID:[ \t]*<)[^>\r\n]*(>)"), r"\1{MESSAGE-ID}\2"),
}


class CorpusError(ValueError):
    """A corpus entry is malformed (its sidecar, or a missing file)."""


@dataclass
class Entry:
    """One corpus entry: the script, its sidecar, where it lives."""

    name: str
    script: Path
    sidecar: dict[str, Any]

    @property
    def expect(self) -> str:
        return str(self.sidecar.get("expect", "identical"))

    @property
    def recording(self) -> Path:
        return self.script.parent / "recorded" / f"{self.name}.json"


def corpus_dir() -> Path:
    """The corpus folder: ``$NET_SMTP_PORT_CORPUS`` or ``port_corpus/``."""
    return Path(os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS).resolve()


def check_sidecar(name: str, sidecar: Any) -> None:
    """Raise :class:`CorpusError` unless *sidecar* is well formed."""
    if not isinstance(sidecar, dict):
        raise CorpusError(f"{name}: the sidecar must be a JSON object")
    unknown = sorted(set(sidecar) - SIDECAR_KEYS)
    if unknown:
        raise CorpusError(f"{name}: unknown sidecar key(s) {unknown}")
    if not isinstance(sidecar.get("about"), str) or not sidecar["about"]:
        raise CorpusError(f"{name}: 'about' (one line saying what the script does) is required")
    argv = sidecar.get("argv", [])
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        raise CorpusError(f"{name}: 'argv' must be a list of strings")
    for key in ("env", "files"):
        value = sidecar.get(key, {})
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise CorpusError(f"{name}: '{key}' must map strings to strings")
    for path in sidecar.get("files", {}):
        if Path(path).is_absolute() or ".." in Path(path).parts:
            raise CorpusError(f"{name}: input file {path!r} must be relative, inside the work dir")
    if not isinstance(sidecar.get("stdin", ""), (str, type(None))):
        raise CorpusError(f"{name}: 'stdin' must be a string")
    unknown = sorted(set(sidecar.get("normalise", [])) - set(NORMALISERS))
    if unknown:
        raise CorpusError(f"{name}: unknown normaliser(s) {unknown}; known: {sorted(NORMALISERS)}")
    expect = sidecar.get("expect", "identical")
    if expect not in EXPECTATIONS:
        raise CorpusError(f"{name}: 'expect' must be one of {EXPECTATIONS}")
    if expect == "marked":
        marks = sidecar.get("marks")
        if not sidecar.get("why") or not isinstance(marks, list) or not marks or not all(
                isinstance(m, list) and len(m) == 2 and all(isinstance(n, int) for n in m)
                and m[0] <= m[1] for m in marks):
            raise CorpusError(f"{name}: a 'marked' entry needs 'why' and 'marks' "
                              "([[first_line, last_line], ...] of each untranslatable construct)")
    elif "why" in sidecar or "marks" in sidecar:
        raise CorpusError(f"{name}: 'why' and 'marks' belong to 'marked' entries only")
    resolve_profile(sidecar.get("profile"))


def load_entries(folder: Path | None = None) -> list[Entry]:
    """Every entry of *folder* (default :func:`corpus_dir`), sidecars checked.

    Raises:
        CorpusError: a script without a sidecar (or the reverse), or a bad sidecar.
    """
    folder = folder or corpus_dir()
    scripts = {p.stem: p for p in folder.glob("*.rb")}
    sidecars = {p.stem: p for p in folder.glob("*.json")}
    lonely = sorted(set(scripts) ^ set(sidecars))
    if lonely:
        raise CorpusError(f"{folder}: script and sidecar must come in pairs: {lonely}")
    entries = []
    for name in sorted(scripts):
        with sidecars[name].open(encoding="utf-8") as f:
            sidecar = json.load(f)
        check_sidecar(name, sidecar)
        entries.append(Entry(name, scripts[name], sidecar))
    return entries


@dataclass
class TLSMaterial:
    """A server certificate for 127.0.0.1/localhost and the CA that issued it."""

    server_context: ssl.SSLContext
    ca_pem: bytes


def make_tls() -> TLSMaterial:
    """A fresh ``trustme`` CA and a server context from it."""
    import trustme

    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("localhost", "127.0.0.1", "::1").configure_cert(context)
    return TLSMaterial(context, ca.cert_pem.bytes())


@dataclass
class Run:
    """What one program did, reduced to comparable text (masked, normalised)."""

    connections: list[dict[str, Any]]
    stdout: str
    stderr: str
    exit_status: int | None
    server_problems: list[str] = field(default_factory=list)
    server_notes: list[str] = field(default_factory=list)
    timed_out: bool = False


def decode(data: bytes) -> str:
    """Program output as text: UTF-8 when valid, else latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def normalise(text: str, names: Sequence[str], masks: Mapping[str, str], port: int) -> str:
    """*text* with the run's paths and port masked, then the entry's
    normalisers applied (in the order of :data:`NORMALISERS`)."""
    for value, placeholder in masks.items():
        text = text.replace(value, placeholder)
    text = re.sub(rf"(?<![0-9]){port}(?![0-9])", "{PORT}", text)
    for name, (pattern, replacement) in NORMALISERS.items():
        if name in names:
            text = pattern.sub(replacement, text)
    return text


def _fill(text: str, values: Mapping[str, str]) -> str:
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def run_entry(entry: Entry, program: Path, command: Sequence[str], tls: TLSMaterial, *,
              extra_env: Mapping[str, str] | None = None,
              volatile: Callable[[str], str] = lambda text: text) -> Run:
    """Run ``command + [program.name] + argv`` in a fresh work dir holding a
    copy of *program* and the entry's input files, against a fresh
    ``ScriptedServer`` playing the entry's profile; return what it did.

    *volatile* removes side-specific noise from stderr before masking (the
    recorder strips Ruby object ids); stderr is only ever compared for
    emptiness.
    """
    sidecar = entry.sidecar
    with tempfile.TemporaryDirectory(prefix="net-smtp-corpus-") as root_name:
        root = Path(root_name).resolve()
        work, ca_dir = root / "work", root / "ca"
        work.mkdir()
        ca_dir.mkdir()
        ca_file = ca_dir / "ca.pem"
        ca_file.write_bytes(tls.ca_pem)
        server = ScriptedServer(sidecar.get("profile") or {}, tls.server_context)
        port = server.start()
        try:
            values = {"{PORT}": str(port), "{CA_FILE}": str(ca_file), "{TMP}": str(work)}
            shutil.copyfile(program, work / program.name)
            for rel, content in sidecar.get("files", {}).items():
                target = work / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(_fill(content, values), encoding="utf-8")
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(work), **BASE_ENV}
            env.update(extra_env or {})
            env.update({k: _fill(v, values) for k, v in sidecar.get("env", {}).items()})
            argv = [*command, program.name, *(_fill(a, values) for a in sidecar.get("argv", []))]
            stdin = sidecar.get("stdin")
            timed_out = False
            try:
                proc = subprocess.run(
                    argv, cwd=work, env=env, capture_output=True, timeout=PROGRAM_TIMEOUT,
                    input=None if stdin is None else _fill(stdin, values).encode("utf-8"),
                    stdin=subprocess.DEVNULL if stdin is None else None)
                out, err, status = proc.stdout, proc.stderr, proc.returncode
            except subprocess.TimeoutExpired as exc:
                timed_out = True
                out, err, status = exc.stdout or b"", exc.stderr or b"", None
        finally:
            server.stop()
        masks = {str(ca_file): "{CA_FILE}", str(ca_dir): "{CA_DIR}", str(work): "{TMP}"}
        names = sidecar.get("normalise", [])

        def norm(text: str) -> str:
            return normalise(text, names, masks, port)

        connections = [{"client": norm(c.client_text), "tls_start": c.tls_start,
                        "server": norm(c.server_text)} for c in server.connections]
        return Run(connections=connections, stdout=norm(decode(out)),
                   stderr=normalise(volatile(decode(err)), [], masks, port), exit_status=status,
                   server_problems=server.problems(),
                   server_notes=[f"connection {c.index}: {n}" for c in server.connections
                                 for n in c.notes],
                   timed_out=timed_out)
