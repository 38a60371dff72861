"""Ruby's rounding of ``%.Nf`` (``_ruby.fixed``), which differs from C's and
Python's where dtoa's floating-point estimate finds a value within its
error bound of a tie: Ruby then rounds the last digit half to even."""

from __future__ import annotations

import pytest

from net_smtp import Net, _ruby, ruby

# format("%.#{n}f", value) in Ruby 3.1.2
RUBY_FIXED = [
    (88001.005, 2, "88001.00"),
    (1.005, 2, "1.00"),
    (0.125, 2, "0.12"),
    (0.375, 2, "0.38"),
    (2.5, 0, "2"),
    (3.5, 0, "4"),
    (1234.565, 2, "1234.56"),
    (100.005, 2, "100.00"),
    (0.045, 2, "0.04"),
    (123456789.125, 2, "123456789.12"),
    (1.5, 0, "2"),
    (2.675, 2, "2.68"),
    (-1234.565, 2, "-1234.56"),
    (-0.125, 2, "-0.12"),
    (1000000000000000.5, 0, "1000000000000000"),
    (7.0e-10, 12, "0.000000000700"),
    (0.0005, 3, "0.001"),
    (99.995, 2, "100.00"),
    (9.995, 2, "10.00"),
    (0.5, 0, "0"),
    (1.0e+22, 2, "10000000000000000000000.00"),
    (5.0e-324, 2, "0.00"),
    (12.345, 6, "12.345000"),
    (1234.5650000001, 2, "1234.57"),
    (0.30000000000000004, 1, "0.3"),
]


@pytest.mark.parametrize("value, places, shown", RUBY_FIXED)
def test_fixed_rounds_as_ruby(value: float, places: int, shown: str) -> None:
    assert f"{_ruby.fixed(value, places):.{places}f}" == shown
    assert ruby.format(f"%.{places}f", value) == shown


def test_fixed_leaves_other_values_alone() -> None:
    for value in (0.1, 2.0, 1234.5678, float("inf"), float("nan"), -0.0, 0.0):
        assert _ruby.fixed(value, 2) is value


def test_printf_args_round_each_f_directive() -> None:
    # format('%-6s|%8.2f|%d|%*.1f|%.f|%5.3e|%%', 'a', 1234.565, 7, 6, 0.25, 2.5, 1.0005)
    template = "%-6s|%8.2f|%d|%*.1f|%.f|%5.3e|%%"
    args = ("a", 1234.565, 7, 6, 0.25, 2.5, 1.0005)
    assert template % _ruby.printf_args(template, args) == \
        "a     | 1234.56|7|   0.2|2|1.000e+00|%"


def test_printf_args_with_star_precision_and_without_floats() -> None:
    # format('%.*f|%5.f|%s', 2, 1234.565, 2.5, 'x') -> "1234.56|    2|x"
    template, args = "%.*f|%5.f|%s", (2, 1234.565, 2.5, "x")
    assert template % _ruby.printf_args(template, args) == "1234.56|    2|x"
    plain = ("a", 1)
    assert _ruby.printf_args("%s %d", plain) is plain


def test_write_adapter_printf_writes_rubys_digits() -> None:
    got: list[bytes] = []

    def writer(data: bytes) -> int:
        got.append(data)
        return len(data)

    Net.WriteAdapter(writer).printf("%12.2f %9.2f\n", 88001.005, 2.675)
    assert got == [b"    88001.00      2.68\n"]
