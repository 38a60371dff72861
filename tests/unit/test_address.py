"""``Net.SMTP.Address``: the mailbox and its ESMTP parameters, flattened the
way Ruby 0.5.1 does it (``(parameters + args + [kw_args]).map{Array}
.flatten(1).map{Array(p).compact.join('=')}.uniq``)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from net_smtp import Net

Address = Net.SMTP.Address

PARAMETER_ROWS: list[tuple[str, tuple[Any, ...], dict[str, Any], list[str]]] = [
    # SPEC.md section 2 / Ruby's test_smtp.rb example.
    ("SPEC example", ("p0=123", {"p1": 456}), {"p2": None, "p3": "789"},
     ["p0=123", "p1=456", "p2", "p3=789"]),
    ("nothing", (), {}, []),
    ("empty dict and list", ({}, []), {}, []),
    ("None argument is no parameter", (None,), {}, []),
    ("plain strings", ("BODY=8BITMIME", "SMTPUTF8"), {}, ["BODY=8BITMIME", "SMTPUTF8"]),
    ("duplicates dropped, first kept", ("X", "Y", "X", {"X": None}), {"Y": None},
     ["X", "Y"]),
    ("same key, different values are different", ("K=1",), {"K": 2}, ["K=1", "K=2"]),
    ("None value gives a bare key", ({"NOTIFY": None},), {}, ["NOTIFY"]),
    ("dict order kept", ({"b": 1, "a": 2, "c": 3},), {}, ["b=1", "a=2", "c=3"]),
    ("keywords after positionals", ("z=1",), {"y": 2, "x": None}, ["z=1", "y=2", "x"]),
    ("numbers and booleans as Ruby's to_s", (5, {"size": 100}), {"flag": True, "off": False},
     ["5", "size=100", "flag=true", "off=false"]),
    ("a flat list gives one parameter per item", (["k", "v"],), {}, ["k", "v"]),
    ("a list with None keeps an empty parameter", (["k", None],), {}, ["k", ""]),
    ("a list of pairs joins each pair", ([["k", "v"], ["n", None]],), {}, ["k=v", "n"]),
    ("a longer tuple joins every item", ([("k", "v", "w")],), {}, ["k=v=w"]),
    ("Ruby joins a nested list value with '='", ({"k": ["v", "w"]},), {}, ["k=v=w"]),
]


@pytest.mark.parametrize("args, kwargs, expected",
                         [row[1:] for row in PARAMETER_ROWS], ids=[row[0] for row in PARAMETER_ROWS])
def test_parameters_table(args: tuple[Any, ...], kwargs: dict[str, Any],
                          expected: list[str]) -> None:
    addr = Address("user@example.com", *args, **kwargs)
    assert addr.address == "user@example.com"
    assert addr.parameters == expected


def test_string_forms() -> None:
    addr = Address("user@example.com", "SIZE=10")
    assert str(addr) == "user@example.com"
    assert addr.to_s() == "user@example.com"


def test_copy_of_an_address_keeps_its_parameters_first() -> None:
    original = Address("a@example.com", "X=1", y=None)
    copy = Address(original, "Z", {"X": 1}, w=2)
    assert copy.address == "a@example.com"
    assert copy.parameters == ["X=1", "y", "Z", "w=2"]
    # The original is not changed by the copy.
    assert original.parameters == ["X=1", "y"]
    bare = Address(original)
    assert (bare.address, bare.parameters) == (original.address, original.parameters)


def test_parameters_reader_cannot_change_the_address() -> None:
    addr = Address("a@example.com", "X")
    addr.parameters.append("Y")
    assert addr.parameters == ["X"]


@pytest.mark.parametrize("bad", [None, 42, 3.5, b"a@example.com", ["a@example.com"], object()])
def test_bad_address_types_raise_argument_error(bad: Any) -> None:
    with pytest.raises(Net.ArgumentError):
        Address(bad)
    # Net.ArgumentError is both a TypeError and a ValueError.
    with pytest.raises(TypeError):
        Address(bad)
    with pytest.raises(ValueError):
        Address(bad)


_KEY = st.text(alphabet="ABCXYZ=-", min_size=1, max_size=4)
_VALUE = st.none() | st.integers(-5, 500) | st.text(alphabet="abc123", max_size=3)


@settings(max_examples=150, deadline=None)
@given(strings=st.lists(_KEY, max_size=6), mapping=st.dictionaries(_KEY, _VALUE, max_size=4),
       keywords=st.dictionaries(st.sampled_from(["p", "q", "size", "body"]), _VALUE, max_size=3))
def test_parameters_of_any_mix(strings: list[str], mapping: dict[str, Any],
                               keywords: dict[str, Any]) -> None:
    """Strings as given, then dict items, then keywords, each ``k=v`` or a
    bare ``k`` for None; the first of equal texts is kept."""
    expected: list[str] = []
    rendered = strings + [k if v is None else f"{k}={v}"
                          for k, v in [*mapping.items(), *keywords.items()]]
    for text in rendered:
        if text not in expected:
            expected.append(text)
    addr = Address("x@example.com", *strings, mapping, **keywords)
    assert addr.parameters == expected
    assert Address(addr).parameters == expected
