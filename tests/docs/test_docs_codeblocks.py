"""Every Python code block in ``docs/**/*.md`` runs, against real servers.

Conventions for the pages (see also docs/index.md, "About the code on these
pages"):

* Every fenced block names its language (```` ```python ````, ```` ```ruby ````,
  ```` ```text ````, ```` ```sh ````), so no Python block goes unnoticed.
* The Python blocks of one page run in order, in one namespace, like a
  script read from top to bottom.
* They talk to ``'mail.example.com'`` with an explicit port: 25 (plain SMTP),
  587 (STARTTLS offered) or 465 (implicit TLS). The test rewrites
  ``'mail.example.com', PORT`` to a real aiosmtpd server on 127.0.0.1 that
  plays that part, all three with AUTH PLAIN / LOGIN / CRAM-MD5 for
  ``alice`` / ``s3cret``, the host name ``mail.example.com`` in their
  replies, certificates from a trustme CA that ``SSL_CERT_FILE`` makes
  trusted, and these refusals: ``nobody@example.net`` 550,
  ``later@example.net`` 451.
* ``<!-- not-run: REASON -->`` on the line before a Python block skips it;
  the reason is required.
* ``<!-- output -->`` before a ``text`` block: the block must equal what the
  preceding Python block printed, with ``127.0.0.1:PORT`` shown as
  ``mail.example.com:25`` (or 587, 465).
* ``<!-- file: examples/NAME -->`` before a block: the block must equal that
  file, which ``test_docs_examples.py`` runs (such blocks are not run here).
"""

from __future__ import annotations

import contextlib
import io
import re
import ssl
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import trustme

from tests.support.aiosmtpd import AiosmtpdServer

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
PYTHON = {"python", "py", "python3"}
USERS = {"alice": "s3cret"}
REFUSALS = {
    "nobody@example.net": "550 5.1.1 <nobody@example.net>: mailbox unavailable",
    "later@example.net": "451 4.3.0 <later@example.net>: try again later",
}
DOC_PORTS = (25, 587, 465)
# Pages another engineer writes; index.md links to them before they exist.
PENDING_PAGES = {"cli.md", "performance.md"}

pytestmark = pytest.mark.filterwarnings(
    "ignore:Session.login_data is deprecated:DeprecationWarning")

_FENCE = re.compile(r"^```([\w+-]*)\s*$")
_MARKER = re.compile(r"^<!--\s*(not-run|output|file)\s*(?::\s*(.*?))?\s*-->$")
_ADDRESS = re.compile(r"""(['"])mail\.example\.com\1(\s*,\s*)(\d+)\b""")
_BARE_HOST = re.compile(r"""(['"])mail\.example\.com\1""")


@dataclass(frozen=True)
class Block:
    """One fenced block: where it starts, its language, its text and the
    marker comment on the line before it, if any."""

    page: Path
    line: int
    lang: str
    code: str
    marker: str | None
    argument: str | None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def parse_blocks(page: Path) -> list[Block]:
    """The fenced blocks of *page*, in order."""
    blocks: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        start = i
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].rstrip() != "```":
            body.append(lines[i])
            i += 1
        assert i < len(lines), f"{page}:{start + 1}: unclosed code block"
        i += 1
        before = next((lines[j].strip() for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        marker = _MARKER.match(before)
        blocks.append(Block(page, start + 1, opening.group(1), "\n".join(body) + "\n",
                            marker.group(1) if marker else None,
                            marker.group(2) if marker else None))
    return blocks


@dataclass(frozen=True)
class DocServers:
    """The three servers behind ``mail.example.com``, by documented port."""

    by_doc_port: dict[int, AiosmtpdServer]

    def rewrite(self, code: str) -> str:
        """Point ``'mail.example.com', PORT`` at the local server for PORT."""
        def swap(match: re.Match[str]) -> str:
            server = self.by_doc_port[int(match.group(3))]
            return f"'{server.host}'{match.group(2)}{server.port}"
        return _ADDRESS.sub(swap, code)

    def unrewrite(self, text: str) -> str:
        """Show local addresses in printed text as the documented ones."""
        for doc_port, server in self.by_doc_port.items():
            text = text.replace(f"{server.host}:{server.port}", f"mail.example.com:{doc_port}")
        return text


@pytest.fixture(scope="module")
def doc_servers(tmp_path_factory: pytest.TempPathFactory,
                test_ca: trustme.CA) -> Iterator[DocServers]:
    ca = test_ca
    ca_file = tmp_path_factory.mktemp("docs-ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    common: dict[str, Any] = dict(users=USERS, refusals=REFUSALS,
                                  server_hostname="mail.example.com", ident="ESMTP")
    servers = {
        25: AiosmtpdServer(**common),
        587: AiosmtpdServer(tls_context=context, **common),
        465: AiosmtpdServer(ssl_context=context, **common),
    }
    with contextlib.ExitStack() as stack:
        for server in servers.values():
            stack.enter_context(server)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SSL_CERT_FILE", str(ca_file))
            yield DocServers(servers)


def test_there_are_pages_with_python_blocks() -> None:
    names = {page.name for page in PAGES}
    assert {"index.md", "porting.md", "phrasebook.md", "security.md", "debug-output.md",
            "errors.md"} <= names
    assert sum(block.lang in PYTHON for page in PAGES for block in parse_blocks(page)) >= 20


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_block_names_its_language_and_markers_are_well_formed(page: Path) -> None:
    blocks = parse_blocks(page)
    for block in blocks:
        assert block.lang, f"{block.where}: a code block without a language"
        if block.marker == "not-run":
            assert block.argument, f"{block.where}: not-run needs a reason"
            assert block.lang in PYTHON, f"{block.where}: not-run is for Python blocks"
        if block.marker == "output":
            assert block.lang == "text", f"{block.where}: output blocks are text"
        if block.marker == "file":
            assert block.argument and (DOCS / block.argument).is_file(), block.where
    for earlier, block in zip(blocks, blocks[1:]):
        if block.marker == "output":
            assert earlier.lang in PYTHON and earlier.marker is None, \
                f"{block.where}: output must follow a Python block that runs"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_blocks_that_show_a_file_equal_it(page: Path) -> None:
    for block in parse_blocks(page):
        if block.marker == "file":
            assert block.code == (DOCS / str(block.argument)).read_text(encoding="utf-8"), \
                f"{block.where} differs from {block.argument}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_run(page: Path, doc_servers: DocServers) -> None:
    blocks = parse_blocks(page)
    namespace: dict[str, Any] = {"__name__": f"docs.{page.stem}"}
    printed: str | None = None
    for block in blocks:
        if block.marker == "output":
            assert printed is not None, block.where
            assert doc_servers.unrewrite(printed) == block.code, \
                f"{block.where}: the output shown differs from what the code printed"
            printed = None
            continue
        if block.lang not in PYTHON or block.marker in ("not-run", "file"):
            continue
        source = doc_servers.rewrite(block.code)
        assert not _BARE_HOST.search(source), \
            f"{block.where}: 'mail.example.com' without a port would leave the machine"
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            try:
                exec(compile(source, block.where, "exec"), namespace)
            except Exception:
                pytest.fail(f"{block.where} raised:\n{traceback.format_exc()}")
        printed = captured.getvalue()
    namespace.clear()


def heading_anchors(page: Path) -> set[str]:
    """The anchors GitHub makes for the headings of *page*: lower case,
    punctuation dropped, each space a hyphen."""
    anchors = set()
    in_code = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_relative_links_lead_somewhere(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target, anchor in re.findall(r"\]\(([^)#\s]*)(?:#([^)]*))?\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path = (page.parent / target).resolve() if target else page
        if path.name in PENDING_PAGES and not path.exists():
            continue
        assert path.exists(), f"{page.name}: broken link {target}"
        if anchor:
            assert anchor in heading_anchors(path), f"{page.name}: no heading for {target}#{anchor}"


def test_the_rewrite_reaches_every_documented_port(doc_servers: DocServers) -> None:
    code = "a = ('mail.example.com', 25); b = (\"mail.example.com\",587); c = ('mail.example.com', 465)"
    rewritten = doc_servers.rewrite(code)
    assert "mail.example.com" not in rewritten
    for port in DOC_PORTS:
        assert str(doc_servers.by_doc_port[port].port) in rewritten
