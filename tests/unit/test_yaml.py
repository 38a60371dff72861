"""``net_smtp._yaml`` (through ``ruby.yaml_load``): YAML read as Ruby 3.1's
Psych 4.0.3 reads it. Each expected value is what real Ruby printed for the
same text (the Ruby expression is in the comment above it)."""

from __future__ import annotations

import math
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from net_smtp import ruby

SCALARS = [
    # YAML.load("v: ...")["v"] for each text
    ("yes", True), ("YES", True), ("yEs", True), ("Off", False), ("on", True), ("~", None),
    ("null", None), ("", None), ("010", 8), ("0b101", 5), ("0x1f", 31), ("+12", 12),
    ("1_000", 1000), ("1,000", 1000), ("1,0", 10), ("1.5", 1.5), (".5", 0.5),
    ("1_0.5", 10.5), ("1.5,0", "1.5,0"), ("10:30", 37800), ("12:30:45", 45045),
    ("-1:30", -1800), ("1:2:3:4", "1:2:3:4"), ("0o17", "0o17"), ("08", "08"),
    ("'08'", "08"), ('":q"', ":q"), ("hello world", "hello world"),
    ("127.0.0.1", "127.0.0.1"), ("3.10", 3.1), ("Yes please", "Yes please"),
    ("mail.example.com", "mail.example.com"),
]


@pytest.mark.parametrize("text, expected", SCALARS, ids=[t or "empty" for t, _ in SCALARS])
def test_a_scalar_is_what_psych_makes_of_it(text: str, expected: object) -> None:
    value = ruby.yaml_load(f"v: {text}\n")["v"]
    assert value == expected and type(value) is type(expected)


def test_special_floats_and_symbols() -> None:
    # YAML.load("a: .inf\nb: -.Inf\nc: .nan\nd: :sym\ne: :'x y'") -> Infinity, -Infinity,
    #   NaN, :sym, :"x y"
    found = ruby.yaml_load("a: .inf\nb: -.Inf\nc: .nan\nd: :sym\ne: :'x y'\n",
                           permitted=("Symbol",))
    assert found["a"] == math.inf and found["b"] == -math.inf and math.isnan(found["c"])
    assert isinstance(found["d"], ruby.Symbol) and ruby.inspect(found["d"]) == ":sym"
    assert ruby.inspect(found["e"]) == ':"x y"'


def test_what_safe_load_refuses_as_psych_does() -> None:
    # YAML.safe_load("a: :sym") / ("d: 2024-05-01") / ("t: 2024-05-01 10:00:00") and
    # YAML.load("a: &x 1\nb: *x"): Psych::DisallowedClass "Tried to load unspecified
    # class: Symbol" / ": Date" / ": Time", Psych::BadAlias "Unknown alias: x"
    for text, name in (("a: :sym", "Symbol"), ("d: 2024-05-01", "Date"),
                       ("t: 2024-05-01 10:00:00", "Time")):
        with pytest.raises(ruby.DisallowedClass,
                           match=f"^Tried to load unspecified class: {name}$"):
            ruby.yaml_load(text)
    with pytest.raises(ruby.BadAlias, match="^Unknown alias: x$"):
        ruby.yaml_load("a: &x 1\nb: *x\n", permitted=("Symbol",))
    assert ruby.class_name(ruby.BadAlias) == "Psych::BadAlias"
    assert issubclass(ruby.DisallowedClass, ruby.PsychError)
    with pytest.raises(ruby.YAMLSyntaxError, match=r"^\(<unknown>\): .*line 1"):
        ruby.yaml_load("a: [1")


def test_dates_and_times_where_permitted() -> None:
    # YAML.load("d: 2024-05-01", permitted_classes: [Date]) -> Date 2024-05-01;
    # "2024-05-01 10:00:00" -> 2024-05-01 10:00:00 +0000 (local: TZ=UTC);
    # "2024-05-01 10:00:00 +02:00" -> 2024-05-01 10:00:00 +0200; "...T10:00:00Z" -> UTC
    assert ruby.yaml_load("d: 2024-05-01", permitted=("Date",))["d"] == date(2024, 5, 1)
    plus_two = ruby.yaml_load("t: 2024-05-01 10:00:00 +02:00", permitted=("Time",))["t"]
    assert plus_two.utcoffset() == timedelta(hours=2) and plus_two.hour == 10
    utc = ruby.yaml_load("t: 2024-05-01T10:00:00Z", permitted=("Time",))["t"]
    assert utc == datetime(2024, 5, 1, 10, tzinfo=timezone.utc)
    local = ruby.yaml_load("t: 2024-05-01 10:00:00.5", permitted=("Time",))["t"]
    assert local == datetime(2024, 5, 1, 10, 0, 0, 500000, tzinfo=timezone.utc)
    # a date that does not exist stays text where Date is permitted, and is refused
    # where not: YAML.load("d: 2024-02-30", permitted_classes: [Date]) -> "2024-02-30";
    # YAML.load("d: 2024-02-30") -> Psych::DisallowedClass
    assert ruby.yaml_load("d: 2024-02-30", permitted=("Date",))["d"] == "2024-02-30"
    with pytest.raises(ruby.DisallowedClass):
        ruby.yaml_load("d: 2024-02-30")


def test_merge_keys_aliases_and_names() -> None:
    # YAML.load("a: &x {k: 1, j: 0}\nb:\n  j: 5\n  <<: *x\n  z: 2", aliases: true)
    #   -> {"a"=>{"k"=>1, "j"=>0}, "b"=>{"j"=>0, "k"=>1, "z"=>2}} (the merge at its place)
    found = ruby.yaml_load("a: &x {k: 1, j: 0}\nb:\n  j: 5\n  <<: *x\n  z: 2\n", aliases=True)
    assert found == {"a": {"k": 1, "j": 0}, "b": {"j": 0, "k": 1, "z": 2}}
    # YAML.load("a: {b: [1, {c: 2}]}", symbolize_names: true) -> {:a=>{:b=>[1, {:c=>2}]}}
    named = ruby.yaml_load("a: {b: [1, {c: 2}]}", symbolize_names=True)
    assert ruby.inspect(named) == "{:a=>{:b=>[1, {:c=>2}]}}"


def test_empty_documents_and_block_scalars() -> None:
    # YAML.load("") -> nil; YAML.unsafe_load("") -> false;
    # YAML.load("x: |\n  line1\n  line2\ny: >\n  folded\n  text\n")
    #   -> {"x"=>"line1\nline2\n", "y"=>"folded text\n"}
    assert ruby.yaml_load("") is None and ruby.yaml_load("", fallback=False) is False
    assert ruby.yaml_load("x: |\n  line1\n  line2\ny: >\n  folded\n  text\n") == {
        "x": "line1\nline2\n", "y": "folded text\n"}


def test_load_file_reads_utf8_and_drops_a_bom(tmp_path: Path) -> None:
    # File.write('c.yml', "\uFEFFname: Zoë\n"); YAML.load_file('c.yml') -> {"name"=>"Zoë"}
    config = tmp_path / "c.yml"
    config.write_bytes("\ufeffname: Zoë\n".encode())
    assert ruby.yaml_load_file(str(config)) == {"name": "Zoë"}
    with pytest.raises(FileNotFoundError):
        ruby.yaml_load_file(str(tmp_path / "missing.yml"))


def test_without_pyyaml_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(ImportError, match="pip install pyyaml"):
        ruby.yaml_load("a: 1")
