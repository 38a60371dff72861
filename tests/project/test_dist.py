"""The distributions, as users and packagers get them.

The sdist and the wheel are built once for this module from a clean copy of
the checkout's tracked files (so no cache, virtualenv or stray file can leak
in), with ``python -m build`` and the test environment's build backend; the
wheel is then installed into a fresh virtualenv and used from there, as a
user would: ``net-smtp --version``, ``net-smtp demo``, and ``mypy --strict``
over a user's script. The editable-install trap the README describes is
checked the same way.

Needs a git checkout (to know the tracked files) and the package index, as
any ``pip install`` does, for the dependencies of the installed wheel and
for the build backend of the editable installs.
"""

from __future__ import annotations

import email.parser
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import net_smtp
from net_smtp import Net

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
VERSION = net_smtp.__version__
DIST_INFO = f"net_smtp-{VERSION}.dist-info"
BIN = "Scripts" if os.name == "nt" else "bin"
# Tracked files a packager has no use for: CI's own script and git's.
NOT_IN_SDIST = (".gitignore", ".ci/")
# Environment variables that would let a subprocess see the checkout.
LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "MYPYPATH", "VIRTUAL_ENV")


@dataclass(frozen=True)
class Built:
    """A clean copy of the checkout and the distributions built from it."""

    source: Path
    tracked: frozenset[str]
    sdist: Path
    wheel: Path


def run(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run *args* in *cwd* with no path into the checkout; fail the test,
    with the output, if it exits non-zero."""
    done = subprocess.run(args, cwd=cwd, env=clean_env(), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}{done.stderr}"
    return done


def clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in LEAKY_ENV}


def tracked_files() -> frozenset[str]:
    """The checkout's tracked files that exist in the working tree."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                                timeout=60)
    except FileNotFoundError:
        pytest.skip("building the distributions needs git, to copy only the tracked files")
    if listed.returncode != 0:
        pytest.skip("building the distributions needs a git checkout, to copy only the "
                    "tracked files")
    names = listed.stdout.decode("utf-8").split("\0")
    return frozenset(name for name in names if name and (ROOT / name).is_file())


def fresh_venv(where: Path) -> Path:
    """A new virtualenv without pip (the test environment's pip installs
    into it); returns its Python."""
    run([sys.executable, "-m", "venv", "--without-pip", str(where)], cwd=where.parent)
    return where / BIN / "python"


def pip_install(python: Path, *args: str) -> None:
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--disable-pip-version-check", *args], cwd=python.parent)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    tracked = tracked_files()
    source = tmp_path_factory.mktemp("checkout") / "net_smtp"
    for name in tracked:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    out = tmp_path_factory.mktemp("dist")
    # The sdist, then the wheel built from the unpacked sdist, as PyPI users get it.
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        cwd=source)
    sdists, wheels = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(out.iterdir())
    return Built(source, tracked, sdists[0], wheels[0])


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh virtualenv with the wheel (and its dependencies)
    installed."""
    python = fresh_venv(tmp_path_factory.mktemp("wheel-venv") / "venv")
    pip_install(python, str(built.wheel))
    return python


@pytest.fixture(scope="module")
def user_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the user's scripts live and mypy runs: outside the checkout,
    with a config file of its own so no user-level mypy config applies."""
    where = tmp_path_factory.mktemp("user")
    (where / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    return where


# ------------------------------------------------------------------ contents
def test_wheel_holds_the_package_and_its_licence_only(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        licences = [name for name in names
                    if name.startswith(f"{DIST_INFO}/") and name.endswith("/LICENSE")]
        assert len(licences) == 1, sorted(names)
        assert wheel.read(licences[0]) == (ROOT / "LICENSE").read_bytes()
        entry_points = wheel.read(f"{DIST_INFO}/entry_points.txt").decode("utf-8")
    package = {name for name in built.tracked if name.startswith("net_smtp/")}
    assert {"net_smtp/py.typed", "net_smtp/_speedups.pyi", "net_smtp/cli/__init__.py",
            "net_smtp/cli/send.py"} <= package
    # The C accelerator ships compiled, not as source; without a compiler the
    # wheel goes without it (its rules are also in Python).
    sources = {name for name in package if name.endswith(".c")}
    assert sources == {"net_smtp/_speedups.c"}
    compiled = {name for name in names if re.fullmatch(r"net_smtp/_speedups\.[^/]+\.(so|pyd)", name)}
    assert {name for name in names if not name.startswith(f"{DIST_INFO}/")} \
        == package - sources | compiled
    if shutil.which("cc"):
        assert len(compiled) == 1, sorted(names)
    assert {name.split("/")[0] for name in names} == {"net_smtp", DIST_INFO}
    assert [name for name in names if "__pycache__" in name or name.endswith((".pyc", ".pyo"))] \
        == []
    assert re.search(r"^net-smtp = net_smtp\.cli:main$", entry_points, re.MULTILINE)


def test_wheel_metadata(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        text = wheel.read(f"{DIST_INFO}/METADATA").decode("utf-8")
    meta = email.parser.Parser().parsestr(text)
    assert meta["Name"] == "net-smtp"
    assert meta["Version"] == VERSION
    assert meta["Requires-Python"] == ">=3.9"
    assert (meta["License-Expression"] or meta["License"]) == "BSD-2-Clause"
    assert "aiosmtpd>=1.4" in meta.get_all("Requires-Dist", [])
    assert meta["Description-Content-Type"] == "text/markdown"
    description = meta.get_payload()
    assert isinstance(description, str)
    assert description.strip() == (ROOT / "README.md").read_text("utf-8").strip()


def test_sdist_carries_every_tracked_file_for_packagers(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        members = [member.name for member in sdist.getmembers() if member.isfile()]
    assert len({name.split("/", 1)[0] for name in members}) == 1, "one top directory"
    files = {name.split("/", 1)[1] for name in members}
    generated = {name for name in files
                 if name == "PKG-INFO" or name.startswith("net_smtp.egg-info/")}
    wanted = {name for name in built.tracked if not name.startswith(NOT_IN_SDIST)}
    assert files - generated == wanted
    assert {"README.md", "LICENSE", "CHANGELOG.md", "MANIFEST.in", "setup.cfg",
            "pyproject.toml", "docs/index.md", "tests/conftest.py",
            "compat_tests/golden/msg_dot_stuffing.json",
            "compat_tests/recorded/greeting_421.json"} <= files
    assert [name for name in files if "__pycache__" in name or name.endswith(".pyc")] == []


def collected(where: Path) -> int:
    """How many tests pytest collects in *where* (a checkout or an unpacked
    sdist), after checking that every test module imports."""
    done = run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
               cwd=where)
    found = re.search(r"^(\d+) tests? collected", done.stdout, re.MULTILINE)
    assert found, done.stdout
    return int(found.group(1))


def test_sdist_test_suite_collects_as_in_the_checkout(built: Built, tmp_path: Path) -> None:
    with tarfile.open(built.sdist) as sdist:
        top = sdist.getnames()[0].split("/")[0]
        if hasattr(tarfile, "data_filter"):  # 3.12+ warns without a filter
            sdist.extractall(tmp_path, filter="data")
        else:
            sdist.extractall(tmp_path)
    assert collected(tmp_path / top) == collected(built.source)


def test_twine_check_passes(built: Built) -> None:
    done = run([sys.executable, "-m", "twine", "check", "--strict", str(built.sdist),
                str(built.wheel)], cwd=built.sdist.parent)
    assert done.stdout.count("PASSED") == 2, done.stdout


# ---------------------------------------------------------- the installed wheel
def test_one_version_for_metadata_package_and_command(installed: Path, user_dir: Path) -> None:
    probe = run([str(installed), "-c",
                 "import importlib.metadata, net_smtp; "
                 "print(importlib.metadata.version('net-smtp')); "
                 "print(net_smtp.__version__); print(net_smtp.__file__)"], cwd=user_dir)
    meta_version, package_version, where = probe.stdout.splitlines()
    assert meta_version == package_version == VERSION
    venv = installed.parent.parent
    assert venv in Path(where).parents, f"net_smtp imported from {where}, not the venv"
    shown = run([str(installed.parent / "net-smtp"), "--version"], cwd=user_dir)
    assert shown.stdout == f"net-smtp {VERSION} (Ruby net-smtp {Net.SMTP.VERSION})\n"


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler: the wheel is pure Python")
def test_installed_wheel_encodes_with_its_c_accelerator(installed: Path, user_dir: Path) -> None:
    probe = run([str(installed), "-c",
                 "from net_smtp import _speedups, _text; "
                 "print(_text.encode_lines is _speedups.encode_lines); "
                 "print(_text.MessageEncoder().feed(b'.a\\rb\\n'))"], cwd=user_dir)
    assert probe.stdout == "True\nb'..a\\r\\nb\\r\\n'\n"


def test_demo_runs_from_the_installed_wheel(installed: Path, user_dir: Path) -> None:
    done = run([str(installed.parent / "net-smtp"), "demo"], cwd=user_dir, timeout=120)
    out = done.stdout
    for line in ['<- "MAIL FROM:<alice@example.com>\\r\\n"', '<- "RCPT TO:<bob@example.net>\\r\\n"',
                 "writing message from String", '<- "QUIT\\r\\n"',
                 "The server received from <alice@example.com> for <bob@example.net>",
                 "Subject: Hello from net_smtp"]:
        assert line in out, out
    assert out.index('<- "QUIT') < out.index("The server received")


# ------------------------------------------------------------- mypy as a user
def readme_example() -> str:
    """The Python block under the README's heading 'The example the demo sends'."""
    readme = (ROOT / "README.md").read_text("utf-8")
    found = re.search(r"^## The example the demo sends\n.*?^```python\n(.*?)^```$", readme,
                      re.MULTILINE | re.DOTALL)
    assert found, "the README lost its example"
    return found.group(1)


USER_CODE = '''

def opened() -> Net.SMTP:
    # Without block= start returns the session (were it Any, --strict's
    # warn_return_any would fail this return).
    return Net.SMTP.start('127.0.0.1', 2525, helo='client.example.com')


def send_in_with_block(text: str) -> str:
    with Net.SMTP.start('127.0.0.1', 2525, user='alice', secret='s3cret') as smtp:
        smtp.read_timeout = 5
        return smtp.send_message(text, 'alice@example.com', 'bob@example.net').string


def stream(lines: 'list[str]') -> None:
    with Net.SMTP.start('127.0.0.1', 2525) as smtp:
        with smtp.open_message_stream('alice@example.com', 'bob@example.net') as f:
            for line in lines:
                f.puts(line)
'''

# Each marked line must get exactly that error from mypy, and no other line any.
WRONG_CODE = '''\
from net_smtp import Net

count: int = Net.SMTP.start('127.0.0.1', 2525)  # error: assignment
answer: str = Net.SMTP.start('127.0.0.1', 2525, block=lambda smtp: smtp.rset())  # error: assignment
Net.SMTP.start(2525)  # error: call-overload
with Net.SMTP.start('127.0.0.1', 2525) as smtp:
    smtp.send_message('Subject: x\\n\\nx\\n', 42, 'bob@example.net')  # error: arg-type
    smtp.send_message(42, 'alice@example.com', 'bob@example.net')  # error: arg-type
    smtp.rcptto(None)  # error: arg-type
    smtp.read_timeout = '5'  # error: assignment
'''


def mypy(python: Path, script: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict script`` against the packages installed for *python*,
    as a user's mypy (in that venv, or with ``--python-executable``) sees them."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--python-executable", str(python),
         "--cache-dir", str(script.parent / f".mypy_cache_{python.parent.parent.name}"),
         script.name],
        cwd=script.parent, env=clean_env(), capture_output=True, text=True, timeout=300)


def write_script(user_dir: Path, name: str, code: str) -> Path:
    script = user_dir / name
    script.write_text(code, encoding="utf-8")
    return script


def errors_of(output: str, name: str) -> set[tuple[int, str]]:
    return {(int(line), code) for line, code in
            re.findall(rf"^{re.escape(name)}:(\d+): error: .*\[([a-z-]+)\]$", output, re.MULTILINE)}


def test_mypy_strict_passes_on_a_user_script(installed: Path, user_dir: Path) -> None:
    script = write_script(user_dir, "user_script.py", readme_example() + USER_CODE)
    done = mypy(installed, script)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found in 1 source file" in done.stdout


def test_mypy_strict_rejects_wrong_calls(installed: Path, user_dir: Path) -> None:
    script = write_script(user_dir, "wrong_script.py", WRONG_CODE)
    expected = {(number, line.rsplit("# error: ", 1)[1])
                for number, line in enumerate(WRONG_CODE.splitlines(), 1) if "# error: " in line}
    done = mypy(installed, script)
    assert done.returncode == 1, done.stdout + done.stderr
    assert errors_of(done.stdout, script.name) == expected, done.stdout


@pytest.mark.parametrize("mode, seen", [("default", False), ("compat", True)])
def test_editable_install_is_seen_by_mypy_only_in_compat_mode(
        built: Built, user_dir: Path, tmp_path: Path, mode: str, seen: bool) -> None:
    python = fresh_venv(tmp_path / f"editable-{mode}")
    settings = ["--config-settings", "editable_mode=compat"] if mode == "compat" else []
    pip_install(python, "--no-deps", "--editable", str(built.source), *settings)
    imported = run([str(python), "-c", "import net_smtp; print(net_smtp.__file__)"], cwd=user_dir)
    assert Path(imported.stdout.strip()).parent == built.source / "net_smtp"
    script = write_script(user_dir, f"editable_{mode}.py", readme_example() + USER_CODE)
    done = mypy(python, script)
    if seen:
        assert done.returncode == 0, done.stdout + done.stderr
    else:
        assert done.returncode == 1, done.stdout + done.stderr
        assert (1, "import-not-found") in errors_of(done.stdout, script.name), done.stdout
