"""Replay every golden transcript (``golden/*.json``) and every recording of
the project's own scenarios (``recorded/*.json``) against the port.

Each transcript was recorded from real Ruby (net-smtp 0.5.1): a scripted
server ``profile``, the Ruby program, what Ruby sent on the wire, what escaped,
what it printed as debug output and what it returned.  Here the transcript's
Python twin runs in this process against a ``ScriptedServer`` playing the same
profile over a real loopback socket, and the outcome must be the one Ruby
produced: the same connections, the same client bytes and TLS offsets, the
same escaped exception, the same debug text and the same normalised result.
The server's own replies are checked against the recording too, so a replay
that drifted from the recorded conversation cannot pass by accident.

``recorded/`` holds the same JSON shape, recorded by ``ruby/record.py`` from
the scenarios in ``scenarios/``; the checks are the same.  Where the port is
where the port differs from Ruby on purpose, ``PORT_OUTCOMES`` says why and
what the port does instead (its exception, result, and which of Ruby's
lines it does not send), and the replay must show exactly that.

Where Ruby answers a command on an aborted session with ``200 dummy reply
code`` (SPEC.md section 4, deviation 1), the port's twin from
``aborted_sessions.py`` runs instead (the recorded one, its checked commands
wrapped so that they report what they raise), and Ruby's outcome is required with
each dummy reply replaced by the ``SMTPSessionAborted`` the port raises.
"""

from __future__ import annotations

import ast
import gc
import io
import json
import linecache
import os
import re
import ssl
import sys
import threading
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any, Callable

import pytest
from aborted_sessions import ABORTED, DUMMY_REPLY, port_twin

from net_smtp import Net
from tests.support.scripted import ScriptedServer

GOLDEN_DIR = Path(__file__).with_name("golden")
RECORDED_DIR = Path(__file__).with_name("recorded")
TWIN_TIMEOUT = 30.0  # seconds; a twin still running then is a failure, not a hang

# Recordings (``recorded/``) where the port differs from Ruby on purpose (each
# a deliberate, documented deviation: safer input checks, no silent mutation
# of the caller's dict, or a Ruby shape Python typing keeps out).
RUBY = object()  # "as Ruby did"


@dataclass(frozen=True)
class PortOutcome:
    """What the port does instead of what Ruby recorded: *exception* (class
    and message) escapes, *result* is returned, *connections* are opened
    (``None``: Ruby's), and the client lines containing *unsent* (with the
    server's reply to each) do not go out."""

    why: str
    exception: dict[str, str] | None = None
    result: Any = RUBY
    connections: int | None = None
    unsent: str | None = None


PORT_OUTCOMES: dict[str, PortOutcome] = {
    "command_nul_byte": PortOutcome(
        "Ruby sends a NUL inside a command; the port refuses the line",
        exception={"class": "ArgumentError", "message": "A line must not contain NUL"},
        unsent="\0"),
    "rcptto_list_without_block": PortOutcome(
        "rcptto_list without a block: Ruby raises LocalJumpError after the RCPTs; the port "
        "returns None", result=None),
    "response_parse_empty": PortOutcome(
        "Response.parse('').message: Ruby nil, the port ''", result=["", False, "", "", {}]),
    "ssl_context_params_filled_by_start": PortOutcome(
        "Ruby's start stores verify_mode into the caller's ssl_context_params Hash; the port "
        "leaves it unchanged", result=[{}, {}]),
    "ssl_context_params_ruby_only_key": PortOutcome(
        "ssl_context_params verify_depth: Ruby accepts it; the port refuses it before "
        "connecting", connections=0,
        exception={"class": "ArgumentError",
                   "message": "ssl_context_params key 'verify_depth' has no Python equivalent: "
                              "Python's ssl cannot limit the chain depth; leave it out"}),
    "starttls_true_value": PortOutcome(
        "starttls: true: Ruby keeps it (no STARTTLS: neither :always nor :auto); the port "
        "refuses it before connecting", connections=0,
        exception={"class": "ArgumentError",
                   "message": "starttls must be 'always', 'auto' or False, not True"}),
}


def _without_unsent(connection: dict[str, Any], unsent: str) -> dict[str, Any]:
    """A recorded connection without the client lines containing *unsent*
    and the server's reply to each (reply n + 1 answers client line n: the
    greeting comes first; no DATA body in these recordings)."""
    replies: list[str] = [""]
    for line in connection["server"].splitlines(keepends=True):
        replies[-1] += line
        if line[3:4] == " ":
            replies.append("")
    client = connection["client"].splitlines(keepends=True)
    dropped = {n for n, line in enumerate(client) if unsent in line}
    return dict(connection,
                client="".join(line for n, line in enumerate(client) if n not in dropped),
                server="".join(reply for k, reply in enumerate(replies) if k - 1 not in dropped))


def port_expectation(transcript: dict[str, Any]) -> dict[str, Any]:
    """The recording as the port must replay it: Ruby's, or for a
    deliberate deviation what ``PORT_OUTCOMES`` says the port does."""
    outcome = PORT_OUTCOMES.get(transcript["name"])
    if outcome is None:
        return transcript
    expected = dict(transcript, exception=outcome.exception)
    if outcome.exception is not None:
        expected["result_norm"] = None
    elif outcome.result is not RUBY:
        expected["result_norm"] = outcome.result
    if outcome.connections is not None:
        expected["connections"] = transcript["connections"][:outcome.connections]
    if outcome.unsent is not None:
        expected["connections"] = [_without_unsent(c, outcome.unsent)
                                   for c in expected["connections"]]
    return expected


# Ruby exception classes whose Python name is not simply the Ruby one without
# ``Net::`` (``Net::SMTPFatalError`` -> ``SMTPFatalError``).
RUBY_TO_PYTHON_CLASS = {
    "IOError": "OSError",
    "NoMethodError": "AttributeError",
    "Timeout::Error": "TimeoutError",
}
# Messages not compared: Ruby's timeout messages carry socket details, and a
# NoMethodError's quotes Ruby source.  (Python-side names.)
VOLATILE_MESSAGE_CLASSES = {"TimeoutError", "OpenTimeout", "ReadTimeout", "WriteTimeout",
                            "AttributeError"}
# A Ruby NoMethodError (a method called on nil) is an accident of Ruby's code,
# not a contract: the port may raise any of these instead.
NIL_CALL_EQUIVALENTS = {"AttributeError", "TypeError", "ArgumentError"}


def load_transcripts(folder: Path = GOLDEN_DIR) -> list[dict[str, Any]]:
    transcripts = []
    for path in sorted(folder.glob("*.json")):
        with path.open(encoding="utf-8") as f:
            transcripts.append(json.load(f))
    return transcripts


TRANSCRIPTS = load_transcripts()
RECORDINGS = load_transcripts(RECORDED_DIR)


# ------------------------------------------------------------ running a twin
def compile_twin(name: str, body: str) -> CodeType:
    """Compile a twin (a function body taking ``port`` and ``dbg``) into a
    module defining ``golden_twin``; its lines keep their own numbers."""
    filename = f"<golden twin {name}>"
    function = ast.parse("def golden_twin(port, dbg):\n    pass\n", filename).body[0]
    assert isinstance(function, ast.FunctionDef)
    function.body = ast.parse(body, filename).body
    module = ast.Module(body=[function], type_ignores=[])
    ast.fix_missing_locations(module)
    linecache.cache[filename] = (len(body), None, body.splitlines(True), filename)
    return compile(module, filename, "exec")


def ruby_text(data: bytes) -> str:
    """bytes as Ruby's side shows them: UTF-8 if valid, else latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def normalise(value: Any) -> Any:
    """A returned value in the transcripts' ``result_norm`` shapes."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return ruby_text(bytes(value))
    if isinstance(value, BaseException):
        record: dict[str, Any] = {"class": type(value).__name__, "message": str(value)}
        if isinstance(value, Net.SMTPError):
            record["response"] = normalise(value.response)
        if isinstance(value, Net.SMTPSessionAborted):
            record["cause"] = type(value.__cause__).__name__
        return {"Exception": record}
    if isinstance(value, Net.SMTP.Response):
        return {"Response": {"status": normalise(value.status), "string": normalise(value.string)}}
    if isinstance(value, Net.SMTP.Address):
        return {"Address": {"address": normalise(value.address),
                            "parameters": normalise(value.parameters)}}
    if isinstance(value, Net.SMTP):
        return {"SMTP": value.inspect()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {str(normalise(k)): normalise(v) for k, v in value.items()}
    return {"inspect": repr(value)}


def attempt(call: Callable[[], Any]) -> Any:
    """What *call* returns, or the exception it raises (for the port's
    twins of the aborted-session deviation)."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - the exception is the value under test
        return exc


@dataclass
class TwinOutcome:
    """What a twin did, reduced to plain data (no live objects kept)."""

    result: Any = None
    exception: dict[str, str] | None = None
    traceback: str = ""
    debug: str = ""
    finished: bool = True


def run_twin(code: CodeType, port: int, stop_server: Callable[[], None]) -> TwinOutcome:
    """Run the compiled twin in a worker thread and reduce what it did to
    plain data.  A twin still running after ``TWIN_TIMEOUT`` fails the test
    instead of hanging the run: *stop_server* is called to unblock it."""
    namespace: dict[str, Any] = {"Net": Net, "io": io, "os": os, "sys": sys,
                                 "attempt": attempt, "__name__": "golden_twin"}
    exec(code, namespace)  # noqa: S102 - the transcripts' twins are this test's input
    twin: Callable[[int, io.StringIO], Any] = namespace.pop("golden_twin")
    outcome = TwinOutcome()
    dbg = io.StringIO()

    def work() -> None:
        try:
            outcome.result = normalise(twin(port, dbg))
        except BaseException as exc:  # noqa: BLE001 - every escape is part of the outcome
            outcome.exception = {"class": type(exc).__name__, "message": str(exc)}
            outcome.traceback = "".join(traceback.format_exception(type(exc), exc,
                                                                   exc.__traceback__))

    worker = threading.Thread(target=work, name="golden-twin", daemon=True)
    worker.start()
    worker.join(TWIN_TIMEOUT)
    if worker.is_alive():
        outcome.finished = False
        stop_server()
        worker.join(TWIN_TIMEOUT)
    outcome.debug = dbg.getvalue()
    return outcome


# ------------------------------------------------------------- comparing
def mask_port(value: Any, port: int) -> Any:
    """The server's port -> ``{PORT}`` (whole numbers in text, and int values)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "{PORT}" if value == port else value
    if isinstance(value, str):
        return re.sub(rf"(?<![0-9]){port}(?![0-9])", "{PORT}", value)
    if isinstance(value, list):
        return [mask_port(v, port) for v in value]
    if isinstance(value, dict):
        return {mask_port(k, port): mask_port(v, port) for k, v in value.items()}
    return value


def python_class_for(ruby_class: str) -> str:
    if ruby_class in RUBY_TO_PYTHON_CLASS:
        return RUBY_TO_PYTHON_CLASS[ruby_class]
    return ruby_class[len("Net::"):] if ruby_class.startswith("Net::") else ruby_class


def exception_view(record: dict[str, Any], ruby_side: bool) -> dict[str, Any]:
    """The comparable part of an exception: its (Python) class, and its
    message unless that is volatile."""
    cls = python_class_for(record["class"]) if ruby_side else record["class"]
    view: dict[str, Any] = {"class": cls}
    if cls == "SMTPSessionAborted":
        # The cause's text may be volatile (timeouts); its class must be named.
        view["cause"] = record["cause"]
        view["message_names_cause"] = record.get("message_names_cause") or (
            f"({record['cause']}" in record["message"]
            and "start a new session" in record["message"])
    elif cls not in VOLATILE_MESSAGE_CLASSES:
        view["message"] = record["message"]
    if "response" in record:
        view["response"] = result_view(record["response"], ruby_side)
    return view


def result_view(value: Any, ruby_side: bool) -> Any:
    """A normalised result with every nested exception replaced by its view."""
    if isinstance(value, list):
        return [result_view(v, ruby_side) for v in value]
    if isinstance(value, dict):
        if list(value) == ["Exception"] and isinstance(value["Exception"], dict):
            return {"Exception": exception_view(value["Exception"], ruby_side)}
        return {k: result_view(v, ruby_side) for k, v in value.items()}
    return value


def kind(value: Any) -> str:
    """JSON type of a value; ``True`` is not ``1`` here (Python's ``==`` says it is)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def first_mismatch(want: Any, got: Any, path: str) -> str | None:
    """Where two normalised values first differ (None if they do not)."""
    if isinstance(want, dict) and isinstance(got, dict):
        for key in want:
            if key not in got:
                return f"{path}[{key!r}]: missing in Python (Ruby {want[key]!r})"
        for key in got:
            if key not in want:
                return f"{path}[{key!r}]: only in Python ({got[key]!r})"
        for key in want:
            found = first_mismatch(want[key], got[key], f"{path}[{key!r}]")
            if found:
                return found
        if list(want) != list(got):
            return f"{path}: key order differs: Ruby {list(want)} / Python {list(got)}"
        return None
    if isinstance(want, list) and isinstance(got, list):
        for i, (w, g) in enumerate(zip(want, got)):
            found = first_mismatch(w, g, f"{path}[{i}]")
            if found:
                return found
        if len(want) != len(got):
            return f"{path}: Ruby has {len(want)} items, Python {len(got)}"
        return None
    if kind(want) != kind(got) or want != got:
        return f"{path}: Ruby {want!r} / Python {got!r}"
    return None


def excerpt(text: str, at: int, width: int = 30) -> str:
    """``repr`` of *text* around offset *at*, with ellipses where cut."""
    start, end = max(0, at - width), at + width
    return (("…" if start else "") + repr(text[start:end])
            + ("…" if end < len(text) else ""))


def text_mismatch(label: str, want: str, got: str) -> str | None:
    """Where two texts first differ, shown from both sides (None if equal)."""
    if want == got:
        return None
    at = next((i for i, (w, g) in enumerate(zip(want, got)) if w != g), min(len(want), len(got)))
    line = want.count("\n", 0, at) + 1
    return (f"{label} first differ at offset {at} (line {line}; Ruby {len(want)} chars, "
            f"Python {len(got)}):\n    Ruby   {excerpt(want, at)}\n    Python {excerpt(got, at)}")


def exception_mismatch(want: dict[str, Any] | None, got: dict[str, Any] | None,
                       port: int) -> str | None:
    """Compare what escaped from Ruby's program and from the twin."""
    want_view = exception_view(want, ruby_side=True) if want else None
    got_view = None
    if got:
        got_view = exception_view(dict(got, message=mask_port(got["message"], port)),
                                  ruby_side=False)
    if (want_view and got_view and want and want["class"] == "NoMethodError"
            and got_view["class"] in NIL_CALL_EQUIVALENTS):
        got_view = {"class": "AttributeError"}
    if want_view == got_view:
        return None
    return f"escaped exception: Ruby {want_view!r} / Python {got_view!r}"


def leaked_resources() -> list[str]:
    """ResourceWarnings (unclosed sockets, files) raised by a full collection."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


def aborted_expectation(result: Any, cause: str) -> Any:
    """Ruby's result with every dummy reply replaced by the
    ``SMTPSessionAborted`` the port raises there: caused by *cause*,
    carrying the reply of the first such error Ruby's result shows."""
    errors = [item["Exception"] for item in (result if isinstance(result, list) else [])
              if isinstance(item, dict) and "Exception" in item]
    causing = [e for e in errors if python_class_for(e["class"]) == cause
               or (e["class"] == "NoMethodError" and cause in NIL_CALL_EQUIVALENTS)]
    aborted = {"Exception": {"class": "SMTPSessionAborted", "cause": cause,
                             "message_names_cause": True,
                             "response": causing[0].get("response") if causing else None}}

    def replace(value: Any) -> Any:
        if value == DUMMY_REPLY:
            return aborted
        if isinstance(value, list):
            return [replace(v) for v in value]
        return value
    return replace(result)


def compare(transcript: dict[str, Any], server: ScriptedServer, outcome: TwinOutcome) -> list[str]:
    """Every way the replay differs from the recording (empty: identical)."""
    port = server.port
    diffs: list[str] = []
    want_conns, got_conns = transcript["connections"], server.connections
    if len(want_conns) != len(got_conns):
        diffs.append(f"connections: Ruby opened {len(want_conns)}, Python {len(got_conns)}")
    for want, got in zip(want_conns, got_conns):
        i = got.index
        found = text_mismatch(f"connection {i}: client bytes", want["client"], got.client_text)
        if found:
            diffs.append(found)
        if want["tls_start"] != got.tls_start:
            diffs.append(f"connection {i}: TLS started at Ruby {want['tls_start']!r}, "
                         f"Python {got.tls_start!r}")
        found = text_mismatch(f"connection {i}: golden server replies (replay drifted)",
                              want["server"], got.server_text)
        if found:
            diffs.append(found)
    diffs.extend(f"server: {p}" for p in server.problems())

    found = exception_mismatch(transcript["exception"], outcome.exception, port)
    if found:
        diffs.append(found)
    found = text_mismatch("debug output", transcript["debug"], mask_port(outcome.debug, port))
    if found:
        diffs.append(found)
    want_result = transcript["result_norm"]
    if transcript["name"] in ABORTED:
        want_result = aborted_expectation(want_result, ABORTED[transcript["name"]])
    if transcript["exception"] is None and outcome.exception is None:
        found = first_mismatch(result_view(want_result, ruby_side=True),
                               result_view(mask_port(outcome.result, port), ruby_side=False),
                               "result")
        if found:
            diffs.append(found)
    return diffs


# ------------------------------------------------------------------ test
@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=[t["name"] for t in TRANSCRIPTS])
def test_golden(transcript: dict[str, Any], golden_tls_context: ssl.SSLContext) -> None:
    """The twin does on the wire, raises, prints and returns what Ruby did."""
    replay(transcript, golden_tls_context)


@pytest.mark.parametrize("transcript", RECORDINGS, ids=[t["name"] for t in RECORDINGS])
def test_recorded(transcript: dict[str, Any], golden_tls_context: ssl.SSLContext) -> None:
    """The same checks for the project's own recordings from real Ruby."""
    replay(transcript, golden_tls_context)


def test_recordings_are_distinct_and_listed_differences_exist() -> None:
    """No recording shadows a golden, and every known difference names one."""
    golden = {t["name"] for t in TRANSCRIPTS}
    recorded = [t["name"] for t in RECORDINGS]
    assert len(recorded) == len(set(recorded))
    assert not golden & set(recorded)
    assert set(PORT_OUTCOMES) <= set(recorded)


def test_recordings_match_their_scenarios() -> None:
    """Every scenario in ``scenarios/`` is recorded, from its current programs
    and profile: an edited scenario must be re-recorded with ``ruby/record.py``."""
    from scenarios import SCENARIOS

    recorded = {t["name"]: t for t in RECORDINGS}
    assert sorted(recorded) == sorted(s["name"] for s in SCENARIOS)
    stale = [s["name"] for s in SCENARIOS
             if any(recorded[s["name"]][key] != s[key]
                    for key in ("about", "tags", "profile", "ruby", "python"))]
    assert not stale, f"re-record: python3 compat_tests/ruby/record.py --only {' '.join(stale)}"


def test_aborted_session_twins_name_recorded_dummy_replies() -> None:
    """Every transcript with a dummy reply has a port twin, and every port
    twin belongs to such a transcript."""
    with_dummy = {t["name"] for t in TRANSCRIPTS + RECORDINGS
                  if json.dumps(DUMMY_REPLY) in json.dumps(t["result_norm"])}
    assert with_dummy == set(ABORTED)


def replay(transcript: dict[str, Any], tls_context: ssl.SSLContext) -> None:
    """Run the transcript's twin (the port's own one for an aborted-session
    deviation) against its profile and fail with every difference."""
    twin = transcript["python"]
    if transcript["name"] in ABORTED:
        twin = port_twin(twin)
    code = compile_twin(transcript["name"], twin)
    transcript = port_expectation(transcript)
    server = ScriptedServer(transcript["profile"], tls_context)
    server.start()
    try:
        outcome = run_twin(code, server.port, server.stop)
    finally:
        server.stop()
    diffs = []
    if not outcome.finished:
        diffs.append(f"the twin was still running after {TWIN_TIMEOUT:g} s "
                     "(the server was stopped to unblock it)")
    diffs += compare(transcript, server, outcome)
    diffs += [f"leaked: {w}" for w in leaked_resources()]
    if diffs:
        detail = "\n".join(f"- {d}" for d in diffs)
        if outcome.traceback:
            detail += "\n\nthe twin raised:\n" + outcome.traceback
        notes = [f"connection {c.index}: {n}" for c in server.connections for n in c.notes]
        if notes:
            detail += "\nserver notes:\n" + "\n".join(notes)
        pytest.fail(f"{transcript['name']} ({transcript['about']}):\n{detail}", pytrace=False)
