"""Ruby's ``String#dump`` against real Ruby: the port's ``_ruby.dump`` must
quote any text and any bytes as Ruby 3.1 does. Runs only where ``ruby`` is
installed (CI has none; the table and properties in tests/unit/test_text.py
run everywhere)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from net_smtp._ruby import dump as ruby_dump
from tests.unit.test_text import dump_bytes, dump_texts

_RUBY_DUMPER = (
    "STDOUT.binmode\n"
    "STDIN.each_line do |line|\n"
    "  kind, hex = line.split\n"
    "  s = [hex.to_s].pack('H*')\n"
    "  s.force_encoding(kind == 's' ? Encoding::UTF_8 : Encoding::BINARY)\n"
    "  puts s.dump\n"
    "end\n"
)


@pytest.mark.skipif(shutil.which("ruby") is None, reason="ruby is not installed")
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(dump_texts | dump_bytes, min_size=40, max_size=60))
def test_ruby_dump_matches_real_ruby(batch: list[str | bytes]) -> None:
    ruby = shutil.which("ruby")
    assert ruby is not None
    request = "".join(
        ("s " + item.encode("utf-8").hex() if isinstance(item, str) else "b " + item.hex()) + "\n"
        for item in batch)
    done = subprocess.run([ruby, "-e", _RUBY_DUMPER], input=request.encode("ascii"),
                          capture_output=True, timeout=60, check=True)
    expected = done.stdout.decode("ascii").splitlines()
    assert [ruby_dump(item) for item in batch] == expected
