"""``net_smtp.ruby``: each function gives what Ruby 3.1 gives (the expected
values were printed by real Ruby with net-smtp 0.5.1; see the comments)."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stdout
from datetime import datetime, timezone

import pytest

from net_smtp import Net, ruby


def printed(fn: object, *args: object) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        fn(*args)  # type: ignore[operator]
    return out.getvalue()


def test_puts_follows_rubys_newline_and_array_rules() -> None:
    # puts "a", ["b", ["c", nil]], nil, "ends\n", [], [[]], [nil]
    assert printed(ruby.puts, "a", ["b", ["c", None]], None, "ends\n", [], [[]], [None]) == \
        "a\nb\nc\n\n\nends\n\n"
    assert printed(ruby.puts) == "\n"
    assert printed(ruby.puts, 1.5, 10 ** 20, 1e20, True, False) == \
        "1.5\n100000000000000000000\n1.0e+20\ntrue\nfalse\n"
    stream = io.StringIO()
    ruby.puts("to a file", file=stream)
    assert stream.getvalue() == "to a file\n"


def test_p_prints_inspect_and_returns_its_argument() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert ruby.p() is None
        assert ruby.p("x") == "x"
        assert ruby.p(1, ruby.Symbol("sym")) == [1, "sym"]
    assert out.getvalue() == '"x"\n1\n:sym\n'


def test_inspect_and_to_s() -> None:
    # p "a\tb\e\u0001é#{'#'}{x}".inspect
    assert ruby.inspect("a\tb\x1b\x01é#{x}") == '"a\\tb\\e\\u0001é\\#{x}"'
    # p [1, [2, nil], {"k" => :v}].to_s
    assert ruby.to_s([1, [2, None], {"k": ruby.Symbol("v")}]) == '[1, [2, nil], {"k"=>:v}]'
    # p 1e20.to_s, 1.0e-5.to_s, 100.0.to_s, (0.1+0.2).to_s, (1.0/0).to_s, -0.0.to_s
    assert [ruby.to_s(x) for x in (1e20, 1e-5, 100.0, 0.1 + 0.2, float("inf"), -0.0)] == [
        "1.0e+20", "1.0e-05", "100.0", "0.30000000000000004", "Infinity", "-0.0"]
    assert [ruby.to_s(x) for x in (None, True, False, "s", 7)] == ["", "true", "false", "s", "7"]
    assert ruby.to_s(datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)) == "2024-03-05 09:30:00 UTC"


def test_an_smtp_error_as_net_smtp_0_5_1_shows_it() -> None:
    # e = Net::SMTPFatalError.new(Net::SMTP::Response.parse("550 5.1.1 no such user\n"))
    # puts "#{e}|#{e.to_s}|#{e.message.inspect}|#{e.class}|#{e.inspect}"
    e = Net.SMTPFatalError(Net.SMTP.Response.parse("550 5.1.1 no such user\n"))
    assert "|".join([ruby.to_s(e), ruby.inspect(ruby.message(e)), ruby.class_name(e),
                     ruby.inspect(e)]) == \
        'Net::SMTPFatalError|"550 5.1.1 no such user\\n"|Net::SMTPFatalError|' \
        '#<Net::SMTPFatalError: Net::SMTPFatalError>'


def test_other_exceptions_in_rubys_words() -> None:
    # Net::SMTP.start('127.0.0.1', 1) / ('no-such-host.invalid', 25) / ENV.fetch("NOPE") /
    # Integer("x") / raise "boom", each rescued: e.class, e.message
    refused = ConnectionRefusedError(111, 'Connection refused - connect(2) for "127.0.0.1" port 1')
    assert (ruby.class_name(refused), ruby.message(refused)) == (
        "Errno::ECONNREFUSED", 'Connection refused - connect(2) for "127.0.0.1" port 1')
    import socket

    unknown = socket.gaierror(-2, 'getaddrinfo: Name or service not known '
                                  '(for "no-such-host.invalid" port 25)')
    assert (ruby.class_name(unknown), ruby.message(unknown)) == (
        "SocketError", "getaddrinfo: Name or service not known")
    assert (ruby.class_name(KeyError("NOPE")), ruby.message(KeyError("NOPE"))) == (
        "KeyError", 'key not found: "NOPE"')
    try:
        int("x")
    except ValueError as exc:
        assert (ruby.class_name(exc), ruby.message(exc)) == (
            "ArgumentError", 'invalid value for Integer(): "x"')
    assert ruby.inspect(RuntimeError("boom")) == "#<RuntimeError: boom>"
    timeout = Net.ReadTimeout("127.0.0.1:25")
    assert (ruby.class_name(timeout), ruby.message(timeout)) == (
        "Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>")
    assert ruby.class_name(EOFError()) == "EOFError" and ruby.class_name(None) == "NilClass"


def test_truthy() -> None:
    assert [ruby.truthy(v) for v in (0, "", [], None, False, True)] == [
        True, True, True, False, False, True]


def test_string_helpers() -> None:
    # p "a\r\n".chomp, "a\n\n".chomp, "a\r".chomp, "abc".chomp("c")
    assert [ruby.chomp("a\r\n"), ruby.chomp("a\n\n"), ruby.chomp("a\r"), ruby.chomp("abc", "c")] \
        == ["a", "a\n", "a", "ab"]
    # p "a\nb\n".lines, "a\n\nb".lines, "".lines
    assert [ruby.lines("a\nb\n"), ruby.lines("a\n\nb"), ruby.lines("")] == [
        ["a\n", "b\n"], ["a\n", "\n", "b"], []]
    # p "a,b,,".split(","), " a  b ".split(" "), "a,b,,".split(",", -1),
    #   "a1b22c".split(/\d+/), "1,2,3".split(",", 2)
    import re

    assert [ruby.split("a,b,,", ","), ruby.split(" a  b ", " "), ruby.split("a,b,,", ",", -1),
            ruby.split("a1b22c", re.compile(r"\d+")), ruby.split("1,2,3", ",", 2)] == [
        ["a", "b"], ["a", "b"], ["a", "b", "", ""], ["a", "b", "c"], ["1", "2,3"]]
    # p "25abc".to_i, "abc".to_i, " -7 ".to_i, "1_000".to_i, nil.to_i, 3.9.to_i
    assert [ruby.to_i(v) for v in ("25abc", "abc", " -7 ", "1_000", None, 3.9)] == [
        25, 0, -7, 1000, 0, 3]
    # p format("%s|%s|%s|%5.1f", nil, true, [1, :a], 2.25)
    assert ruby.format("%s|%s|%s|%5.1f", None, True, [1, ruby.Symbol("a")], 2.25) == \
        "|true|[1, :a]|  2.2"
    # p Base64.encode64("x" * 50)
    assert ruby.encode64("x" * 50) == \
        "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\neHh4eHg=\n"


def test_round_goes_half_away_from_zero() -> None:
    # p 2.5.round, -2.5.round, 0.125.round(2), 3.14159.round(2), 1.005.round(2),
    #   12.0.round(1), 2.675.round(2), -1.005.round(2)
    assert [ruby.round(2.5), ruby.round(-2.5), ruby.round(0.125, 2), ruby.round(3.14159, 2),
            ruby.round(1.005, 2), ruby.round(12.0, 1), ruby.round(2.675, 2),
            ruby.round(-1.005, 2)] == [3, -3, 0.13, 3.14, 1.01, 12.0, 2.68, -1.01]


def test_times() -> None:
    # t = Time.utc(2024, 1, 2, 3, 4, 5, 678901)
    # p t.strftime("%L %N %s %:z"), t.rfc2822
    t = datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone.utc)
    assert ruby.strftime(t, "%L %N %s %:z") == "678 678901000 1704164645 +00:00"
    assert ruby.rfc2822(t) == "Tue, 02 Jan 2024 03:04:05 -0000"
    local = t.astimezone()  # Time.now: the zone's offset, never -0000
    assert ruby.rfc2822(local).endswith(local.strftime(" %z"))


def test_argument_parser_fails_and_helps_as_option_parser() -> None:
    parser = ruby.ArgumentParser("Usage: x [options]")
    parser.add_argument("-s", "--server", metavar="HOST", help="SMTP server", dest="server")
    parser.add_argument("-p", "--port", metavar="PORT", help="SMTP port", type=int, dest="port")
    parser.add_argument("-v", "--verbose", help="chatty output", action="store_true",
                        dest="verbose")
    parser.separator("")
    options, rest = parser.parse(["a", "--serv", "mx", "b", "-p", "25", "-v", "--", "-c"])
    assert (options.server, options.port, options.verbose, rest) == ("mx", 25, True,
                                                                      ["a", "b", "-c"])
    # OptionParser: parse!(%w[--port abc]) / (%w[--bogus]) / (%w[--server]): e.message
    for argv, message in ((["--port", "abc"], "invalid argument: --port abc"),
                          (["--bogus"], "invalid option: --bogus"),
                          (["--server"], "missing argument: --server")):
        with pytest.raises(ruby.OptionError) as caught:
            parser.parse(argv)
        assert str(caught.value) == message
    # puts opts
    assert str(parser) == (
        "Usage: x [options]\n"
        "    -s, --server HOST                SMTP server\n"
        "    -p, --port PORT                  SMTP port\n"
        "    -v, --verbose                    chatty output\n"
        "\n")


def test_option_parsers_own_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["tool.py"])
    parser = ruby.ArgumentParser()
    parser.add_argument("--to", metavar="ADDR", help="recipient", dest="to")
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as stopped:
        parser.parse(["--help"])
    assert stopped.value.code == 0
    assert out.getvalue() == ("Usage: tool [options]\n"
                              "        --to ADDR                    recipient\n")
