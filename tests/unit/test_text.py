"""Pure text rules: Ruby's ``String#dump`` (the debug output) and the DATA
body encoding of net/protocol.rb (line endings, dot-stuffing, terminator),
checked by tables, by properties over any message and any chunking, and
against independent slow reference implementations written here.
"""

from __future__ import annotations

import array
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from net_smtp import Net, _text
from net_smtp._ruby import dump as ruby_dump
from net_smtp._text import SOURCE_CHUNK, MessageEncoder, encode_lines_py, message_chunks
from tests.support.aiosmtpd import normalize_line_endings
from tests.support.wire import encode_message, unstuff_message

# --------------------------------------------------------------------------
# Ruby's String#dump
# --------------------------------------------------------------------------

# Rows derived from the rules of rb_str_dump (string.c): named escapes,
# '#' escaped only before '$', '@' or '{', other non-printing ASCII as \xHH
# (upper case), valid UTF-8 text as \uXXXX or \u{X...}, binary bytes as \xHH.
DUMP_ROWS = [
    ("", '""'),
    ("plain text 123", '"plain text 123"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("back\\slash", '"back\\\\slash"'),
    ("\n\r\t\f\v\b\a\x1b", '"\\n\\r\\t\\f\\v\\b\\a\\e"'),
    ("EHLO localhost\r\n", '"EHLO localhost\\r\\n"'),
    ("#$x #@y #{z}", '"\\#$x \\#@y \\#{z}"'),
    ("#a # #", '"#a # #"'),
    ("#", '"#"'),
    ("##{", '"#\\#{"'),
    ("#\n", '"#\\n"'),
    ("\x00\x01\x1f\x7f", '"\\x00\\x01\\x1F\\x7F"'),
    ("~ and space", '"~ and space"'),
    ("caf\u00e9", '"caf\\u00E9"'),
    ("\u0080", '"\\u0080"'),
    ("\u3042\uffff", '"\\u3042\\uFFFF"'),
    ("\U0001F600", '"\\u{1F600}"'),
    ("\U00010000\U0010FFFF", '"\\u{10000}\\u{10FFFF}"'),
    ("a\udcffb", '"a\\xFFb"'),  # an undecodable byte carried by surrogateescape
    (b"", '""'),
    (b"caf\xc3\xa9", '"caf\\xC3\\xA9"'),
    (b"\x80\xff\x00", '"\\x80\\xFF\\x00"'),
    (b"#{x}\r\n", '"\\#{x}\\r\\n"'),
    (b'250 "ok"\\', '"250 \\"ok\\"\\\\"'),
]


@pytest.mark.parametrize("data, expected", DUMP_ROWS)
def test_ruby_dump_table(data: str | bytes, expected: str) -> None:
    assert ruby_dump(data) == expected


_UNDUMP_NAMED = {
    '"': b'"', "\\": b"\\", "n": b"\n", "r": b"\r", "t": b"\t", "f": b"\f",
    "v": b"\v", "b": b"\b", "a": b"\a", "e": b"\x1b", "#": b"#",
}


def ruby_undump(text: str) -> bytes:
    """The bytes a Ruby ``String#dump`` literal stands for (test-side parser)."""
    assert text.startswith('"') and text.endswith('"') and len(text) >= 2
    body = text[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            assert ch != '"', "an unescaped quote inside the literal"
            out += ch.encode("ascii")
            i += 1
            continue
        esc = body[i + 1]
        if esc in _UNDUMP_NAMED:
            out += _UNDUMP_NAMED[esc]
            i += 2
        elif esc == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif esc == "u" and body[i + 2] == "{":
            end = body.index("}", i)
            out += chr(int(body[i + 3:end], 16)).encode("utf-8")
            i = end + 1
        elif esc == "u":
            out += chr(int(body[i + 2:i + 6], 16)).encode("utf-8")
            i += 6
        else:
            raise AssertionError(f"unknown escape \\{esc} in {text!r}")
    return bytes(out)


# Characters that exercise every branch of the rules, mixed with any text.
_SPECIAL = st.sampled_from(list('"\\#$@{}\n\r\t\f\v\b\a\x1b\x00\x7f\x80 é\u3042\U0001F600'))
dump_texts = st.text(alphabet=st.one_of(_SPECIAL, st.characters(exclude_categories=("Cs",))),
                     max_size=40)  # lone surrogates cannot be sent at all
dump_bytes = st.binary(max_size=40) | st.builds(
    lambda s: s.encode("utf-8"), dump_texts)


@settings(max_examples=200, deadline=None)
@given(data=dump_texts | dump_bytes)
def test_ruby_dump_is_ascii_and_round_trips(data: str | bytes) -> None:
    dumped = ruby_dump(data)
    assert dumped.isascii()
    assert dumped.isprintable()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    assert ruby_undump(dumped) == raw


@settings(max_examples=100, deadline=None)
@given(text=dump_texts)
@example(text="\\u")  # a backslash and a u: an escaped backslash, no \u escape
def test_ruby_dump_text_and_its_bytes_differ_only_outside_ascii(text: str) -> None:
    """A str shows non-ASCII characters as \\u escapes, its UTF-8 bytes as
    \\x escapes; pure ASCII dumps the same either way."""
    as_text, as_bytes = ruby_dump(text), ruby_dump(text.encode("utf-8"))
    assert (as_text == as_bytes) == text.isascii()
    assert "\\u" not in as_bytes.replace("\\\\", "")  # (an escaped backslash before a u is no escape)


# --------------------------------------------------------------------------
# The DATA body: Ruby's each_crlf_line + dot_stuff, as a slow reference
# --------------------------------------------------------------------------

# net/protocol.rb 0.2.2, InternetMessageIO#each_crlf_line: a line ends at LF,
# CRLF, or a CR that is not the last byte of the buffer (it may yet be
# followed by LF).
_RUBY_LINE = re.compile(rb"\A[^\r\n]*(?:\n|\r(?:\n|(?!\Z)))")


def _ruby_chomp(line: bytes) -> bytes:
    """Ruby's ``chomp`` / ``chomp("\\n")``: drop one CRLF, LF or CR."""
    if line.endswith(b"\r\n"):
        return line[:-2]
    if line.endswith((b"\n", b"\r")):
        return line[:-1]
    return line


def _ruby_dot_stuff(line: bytes) -> bytes:
    return b"." + line if line.startswith(b".") else line


def ruby_reference_body(chunks: Iterable[bytes]) -> bytes:
    """Ruby's write_message over *chunks*: each chunk appended to a buffer,
    whole lines cut off the front by the regex, then using_each_crlf_line's
    ending (unterminated last line, empty message, the dot line)."""
    buffer = b""
    written: list[bytes] = []
    for chunk in chunks:
        buffer += chunk
        while True:
            match = _RUBY_LINE.match(buffer)
            if match is None:
                break
            line, buffer = match.group(), buffer[match.end():]
            written.append(_ruby_dot_stuff(_ruby_chomp(line) + b"\r\n"))
    if buffer:
        written.append(_ruby_dot_stuff(_ruby_chomp(buffer)) + b"\r\n")
    elif not written:
        written.append(b"\r\n")
    written.append(b".\r\n")
    return b"".join(written)


def own_unstuff(wire: bytes) -> list[bytes]:
    """The lines a receiver sees before the terminator, dots removed."""
    assert wire.endswith(b"\r\n.\r\n") or wire == b".\r\n"
    lines = wire[:-3].split(b"\r\n")[:-1]
    return [line[1:] if line.startswith(b".") else line for line in lines]


def cut(data: bytes, positions: Sequence[int]) -> list[bytes]:
    """*data* split at *positions* (clamped, sorted, repeats give empty chunks)."""
    points = sorted(min(p, len(data)) for p in positions)
    bounds = [0, *points, len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


ENCODING_ROWS = [
    (b"", b"\r\n.\r\n"),
    (b"a", b"a\r\n.\r\n"),
    (b"a\n", b"a\r\n.\r\n"),
    (b"a\r\n", b"a\r\n.\r\n"),
    (b"a\r", b"a\r\n.\r\n"),
    (b"\r", b"\r\n.\r\n"),
    (b"\n", b"\r\n.\r\n"),
    (b"\r\n\r\n", b"\r\n\r\n.\r\n"),
    (b"\n\r", b"\r\n\r\n.\r\n"),
    (b"a\rb\nc\r\nd", b"a\r\nb\r\nc\r\nd\r\n.\r\n"),
    (b".", b"..\r\n.\r\n"),
    (b".\n", b"..\r\n.\r\n"),
    (b"..x\n.", b"...x\r\n..\r\n.\r\n"),
    (b"a\r.b", b"a\r\n..b\r\n.\r\n"),
    (b"x.\n.y", b"x.\r\n..y\r\n.\r\n"),
    (b"To: bob@aol.com\nlook, a period with no endline\n.",
     b"To: bob@aol.com\r\nlook, a period with no endline\r\n..\r\n.\r\n"),
    ("\u3042\r\u3044\n\u3046\r\n\u3048".encode("utf-8"),
     "\u3042\r\n\u3044\r\n\u3046\r\n\u3048\r\n.\r\n".encode("utf-8")),
]


try:
    from net_smtp import _speedups
except ImportError:  # built without a C compiler
    _speedups = None  # type: ignore[assignment]

needs_speedups = pytest.mark.skipif(_speedups is None, reason="the C accelerator was not built")


@pytest.fixture(params=["C", "Python"])
def line_rules(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test that takes it runs with each implementation of the line
    rules: the C accelerator (skipped when it was not built) and Python."""
    if request.param == "C":
        if _speedups is None:
            pytest.skip("the C accelerator was not built")
        monkeypatch.setattr(_text, "encode_lines", _speedups.encode_lines)
    else:
        monkeypatch.setattr(_text, "encode_lines", encode_lines_py)
    return str(request.param)


@needs_speedups
def test_the_built_accelerator_is_the_one_used() -> None:
    assert _text.encode_lines is _speedups.encode_lines


@pytest.mark.parametrize("message, wire", ENCODING_ROWS)
def test_encoding_table(message: bytes, wire: bytes, line_rules: str) -> None:
    assert encode_message([message]) == wire
    assert ruby_reference_body([message]) == wire
    assert encode_message([message[i:i + 1] for i in range(len(message))]) == wire


def test_ruby_count_of_written_bytes_for_multibyte_text() -> None:
    """net-protocol's own test: 23 bytes for four 3-byte characters with
    mixed line endings, 8 for one character and a CR."""
    assert len(encode_message(["\u3042\r\u3044\n\u3046\r\n\u3048".encode("utf-8")])) == 23
    assert len(encode_message(["\u3042\r".encode("utf-8")])) == 8


_PIECES = [b"\r", b"\n", b"\r\n", b".", b"..", b"a", b"bc", b" ", b"\x00", b"\xc3\xa9", b"x.y"]
messages = st.lists(st.sampled_from(_PIECES), max_size=30).map(b"".join) | st.binary(max_size=60)
cut_points = st.lists(st.integers(min_value=0, max_value=80), max_size=12)


# Runs with whichever implementation is in use (the C one when it was built);
# the test below holds the other to it.
@settings(max_examples=300, deadline=None)
@given(message=messages, positions=cut_points)
def test_encoding_properties_for_any_chunking(message: bytes, positions: list[int]) -> None:
    chunks = cut(message, positions)
    wire = encode_message(chunks)
    # Same bytes however the message is cut, and the same as Ruby's algorithm.
    assert wire == encode_message([message])
    assert wire == ruby_reference_body(chunks)
    # Only CRLF line endings; the terminator is a line of its own.
    assert b"\r" not in wire.replace(b"\r\n", b"") and b"\n" not in wire.replace(b"\r\n", b"")
    assert wire.endswith(b".\r\n") and (wire == b".\r\n" or wire.endswith(b"\r\n.\r\n"))
    # No line "." before the terminator: every line starting with "." is stuffed.
    body_lines = wire[:-3].split(b"\r\n")[:-1]
    assert b"." not in body_lines
    assert all(line.startswith(b"..") for line in body_lines if line.startswith(b"."))
    # Un-stuffing yields the message with its line endings normalised.
    normalised = normalize_line_endings(message)
    assert unstuff_message(wire) == normalised
    assert b"".join(line + b"\r\n" for line in own_unstuff(wire)) == normalised


long_messages = st.lists(st.sampled_from(_PIECES), max_size=400).map(b"".join)


@needs_speedups
@settings(max_examples=400, deadline=None)
@given(data=messages | long_messages, line_start=st.booleans())
def test_c_and_python_line_rules_agree(data: bytes, line_start: bool) -> None:
    """Byte for byte, for any bytes (a trailing CR, which the encoder holds
    back, included) and either state at the start."""
    assert _speedups.encode_lines(data, line_start) == encode_lines_py(data, line_start)


@needs_speedups
@pytest.mark.parametrize("source", [b"x" * 70_000, (b"a\r" * 3 + b".b\n") * 9000,
                                    b"\r\n" * 40_000, b"." * 1000 + b"\r"])
def test_c_and_python_line_rules_agree_on_large_chunks(source: bytes) -> None:
    for line_start in (True, False):
        assert _speedups.encode_lines(source, line_start) == encode_lines_py(source, line_start)


@needs_speedups
def test_c_line_rules_refuse_text() -> None:
    with pytest.raises(TypeError):
        _speedups.encode_lines(".a", True)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(message=messages, positions=cut_points)
def test_encoder_streams_only_what_is_settled(message: bytes, positions: list[int]) -> None:
    """Fed chunk by chunk, the output so far is always a prefix of the final
    body."""
    encoder = MessageEncoder()
    final = encode_message([message])
    sent = b""
    for chunk in cut(message, positions):
        sent += encoder.feed(chunk)
        assert final.startswith(sent)
    assert sent + encoder.finish() == final


def test_unstuff_message_refuses_a_body_without_terminator() -> None:
    with pytest.raises(ValueError):
        unstuff_message(b"abc\r\n")
    with pytest.raises(ValueError):
        unstuff_message(b"abc.\r\n")


# --------------------------------------------------------------------------
# Message sources: every accepted type gives the same bytes, in bounded chunks
# --------------------------------------------------------------------------

class ShortReads(io.RawIOBase):
    """A binary stream whose reads return the pieces of a fixed plan (never
    more than asked), like a pipe or socket file that delivers short reads."""

    def __init__(self, pieces: list[bytes]) -> None:
        super().__init__()
        self._pieces = [p for p in pieces if p]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._pieces:
            return 0
        piece = self._pieces[0][:len(buffer)]
        self._pieces[0] = self._pieces[0][len(piece):]
        if not self._pieces[0]:
            self._pieces.pop(0)
        buffer[:len(piece)] = piece
        return len(piece)


def _sources(text: str, tmp_path: Path) -> Iterator[tuple[str, Any]]:
    raw = text.encode("utf-8")
    yield "str", text
    yield "bytes", raw
    yield "bytearray", bytearray(raw)
    yield "memoryview", memoryview(raw)
    yield "memoryview slice", memoryview(b"##" + raw + b"##")[2:2 + len(raw)]
    yield "BytesIO", io.BytesIO(raw)
    yield "StringIO", io.StringIO(text, newline="")
    binary = tmp_path / "message.bin"
    binary.write_bytes(raw)
    yield "binary file", binary.open("rb")
    yield "text file", binary.open("r", encoding="utf-8", newline="")
    yield "list of str", [text[:3], text[3:]]
    yield "list of bytes", [raw[:5], b"", raw[5:]]
    yield "mixed tuple", (text[:4], raw[len(text[:4].encode("utf-8")):])
    yield "generator", (raw[i:i + 7] for i in range(0, len(raw), 7))
    yield "short reads", ShortReads([raw[i:i + 3] for i in range(0, len(raw), 3)])


SAMPLE = "Subject: t\u00e9st\r\n\r\n.leading dot\nbare CR\rend \U0001F600"


def test_message_chunks_of_every_source_type(tmp_path: Path) -> None:
    expected = SAMPLE.encode("utf-8")
    for name, src in _sources(SAMPLE, tmp_path):
        try:
            chunks = list(message_chunks(src))
        finally:
            if hasattr(src, "close"):
                src.close()
        assert all(isinstance(c, bytes) for c in chunks), name
        assert b"".join(chunks) == expected, name


def test_message_chunks_of_a_wide_memoryview() -> None:
    """A memoryview of 2-byte items is sent as its raw bytes."""
    words = array.array("H", [0x0A41, 0x0D42])
    assert b"".join(message_chunks(memoryview(words))) == words.tobytes()


def test_message_chunks_bound_each_chunk() -> None:
    big_text = "\u00e9" * (SOURCE_CHUNK * 2 + 5)
    chunks = list(message_chunks(big_text))
    assert len(chunks) >= 3
    assert max(len(c) for c in chunks) <= 4 * SOURCE_CHUNK
    big = b"x" * (SOURCE_CHUNK * 3 + 1)
    for src in (big, bytearray(big), memoryview(big), io.BytesIO(big)):
        sizes = [len(c) for c in message_chunks(src)]
        assert sum(sizes) == len(big)
        assert max(sizes) <= SOURCE_CHUNK


@pytest.mark.parametrize("src", [12345, 1.5, None, object()])
def test_message_chunks_refuses_unsupported_sources(src: Any) -> None:
    with pytest.raises(Net.ArgumentError):
        list(message_chunks(src))


@pytest.mark.parametrize("src", [[b"ok", 5], [None], (b"ok", object())])
def test_message_chunks_refuses_unsupported_chunks(src: Any) -> None:
    with pytest.raises(Net.ArgumentError):
        list(message_chunks(src))


def _as_text_if_possible(raw: bytes, positions: list[int]) -> Any:
    """A str when *raw* is valid UTF-8, else a bytearray."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return bytearray(raw)


_KINDS: list[Callable[[bytes, list[int]], Any]] = [
    lambda raw, pos: raw,
    _as_text_if_possible,
    lambda raw, pos: memoryview(raw),
    lambda raw, pos: io.BytesIO(raw),
    lambda raw, pos: cut(raw, pos),
    lambda raw, pos: iter(cut(raw, pos)),
    lambda raw, pos: ShortReads(cut(raw, pos)),
]


@settings(max_examples=150, deadline=None)
@given(message=messages, positions=cut_points, kind=st.integers(0, len(_KINDS) - 1))
def test_any_source_any_chunking_encodes_like_the_whole(message: bytes, positions: list[int],
                                                        kind: int) -> None:
    src = _KINDS[kind](message, positions)
    assert encode_message(message_chunks(src)) == ruby_reference_body([message])
