"""``net_smtp.ruby``: each function gives what Ruby 3.1 gives (the expected
values were printed by real Ruby with net-smtp 0.5.1; see the comments)."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import sys
from contextlib import redirect_stdout
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from net_smtp import Net, errors, ruby


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
    # p 1250.round(-2), -1250.round(-2), 1249.round(-2), 179.round(2), 7.round
    #   => 1300, -1300, 1200, 179, 7 (an Integer stays one)
    rounded = [ruby.round(1250, -2), ruby.round(-1250, -2), ruby.round(1249, -2),
               ruby.round(179, 2), ruby.round(7)]
    assert rounded == [1300, -1300, 1200, 179, 7]
    assert all(type(n) is int for n in rounded)


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


# ---------------------------------------------------------------- what the translator added later


def test_sum_is_rubys_compensated_sum() -> None:
    # p ([0.1]*10).sum, [1, 2, 0.1, 0.2, 0.3].sum, [3, 0.1, 0.2, 0.3].sum(0.0),
    #   [1e100, 1.0, -1e100].sum, [1, 2, 3].sum, [].sum, ["a", "b"].sum("")
    assert [ruby.sum([0.1] * 10), ruby.sum([1, 2, 0.1, 0.2, 0.3]),
            ruby.sum([3, 0.1, 0.2, 0.3], 0.0), ruby.sum([1e100, 1.0, -1e100]),
            ruby.sum([1, 2, 3]), ruby.sum([]), ruby.sum(["a", "b"], "")] == [
        1.0, 3.6, 3.6, 1.0, 6, 0, "ab"]
    # [0.1, 0.2, "x"].sum: TypeError (String can't be coerced into Float)
    with pytest.raises(TypeError):
        ruby.sum([0.1, 0.2, "x"])


def test_grouping_and_slicing() -> None:
    # p %w[pear fig kiwi].group_by(&:size), [1, 2, 3, 4].partition(&:even?),
    #   [1, 2, 3, 4, 5].each_slice(2).to_a, [1, 2, 3].zip([4, 5])
    assert ruby.group_by(["pear", "fig", "kiwi"], len) == {4: ["pear", "kiwi"], 3: ["fig"]}
    assert ruby.partition([1, 2, 3, 4], lambda n: n % 2 == 0) == [[2, 4], [1, 3]]
    assert ruby.each_slice([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert ruby.zip([1, 2, 3], [4, 5]) == [[1, 4], [2, 5], [3, None]]


def test_paths_as_ruby_reads_them() -> None:
    # p File.join("a/", "/b"), File.join("", "b"), File.join("a", ["b", "c"]),
    #   File.basename("a/b/"), File.basename(".csv", ".csv"), File.basename("b.tar.gz", ".*"),
    #   File.dirname("x.rb"), File.dirname("a/b/"), File.dirname("/a")
    assert [ruby.file_join("a/", "/b"), ruby.file_join("", "b"), ruby.file_join("a", ["b", "c"]),
            ruby.basename("a/b/"), ruby.basename(".csv", ".csv"),
            ruby.basename("b.tar.gz", ".*"), ruby.dirname("x.rb"), ruby.dirname("a/b/"),
            ruby.dirname("/a")] == ["a/b", "/b", "a/b/c", "b", ".csv", "b.tar", ".", "a", "/"]


def test_readlines_with_chomp(tmp_path: Path) -> None:
    # File.write(f, "a\r\nb\n\nc\r"); p File.readlines(f, chomp: true)
    path = tmp_path / "lines.txt"
    path.write_bytes(b"a\r\nb\n\nc\r")
    assert ruby.readlines(str(path), chomp=True) == ["a", "b", "", "c\r"]
    assert ruby.readlines(str(path)) == ["a\r\n", "b\n", "\n", "c\r"]


def test_json_text_as_the_json_gem_writes_it() -> None:
    # puts JSON.pretty_generate({"a"=>[], "b"=>{}, "c"=>[1, 2.0], "d"=>nil, :e=>1e20})
    assert ruby.generate({"a": [], "b": {}, "c": [1, 2.0], "d": None,
                          ruby.Symbol("e"): 1e20}, pretty=True) == (
        '{\n  "a": [\n\n  ],\n  "b": {\n  },\n  "c": [\n    1,\n    2.0\n  ],\n'
        '  "d": null,\n  "e": 1.0e+20\n}')
    # puts JSON.generate(["\u0001é/", true, 1.0/3])
    assert ruby.generate(["\x01é/", True, 1 / 3]) == '["\\u0001é/",true,0.3333333333333333]'
    with pytest.raises(ValueError):
        ruby.generate([float("nan")])


def test_methods_of_a_value_of_any_class() -> None:
    # p "abc"[1], "abc"[5], "abc"["b"], [1, 2][-1], [1, 2][5], {"a" => 1}["b"], 5.size,
    #   [1, [2, [3, nil]], :s].join(","), {"a" => 1}.first, [1].include?(true),
    #   {"a" => {"b" => [10, 20]}}.dig("a", "b", 1)
    assert [ruby.index("abc", 1), ruby.index("abc", 5), ruby.index("abc", "b"),
            ruby.index([1, 2], -1), ruby.index([1, 2], 5), ruby.index({"a": 1}, "b"),
            ruby.size(5), ruby.join([1, [2, [3, None]], ruby.Symbol("s")], ","),
            ruby.first({"a": 1}), ruby.include([1], True),
            ruby.dig({"a": {"b": [10, 20]}}, "a", "b", 1)] == [
        "b", None, "b", 2, None, None, 8, "1,2,3,,s", ["a", 1], False, 20]
    # [[1, 2], "ab", [3], [4, 5, 6]].map { |a, b| [a, b] }
    assert ruby.each([[1, 2], "ab", [3], [4, 5, 6]], 2) == [
        (1, 2), ("ab", None), (3, None), (4, 5)]
    for fn in (ruby.size, ruby.is_empty, ruby.first):
        with pytest.raises(AttributeError):  # NoMethodError for nil
            fn(None)
    # {"a" => "s"}.dig("a", "b"): TypeError (String does not have #dig method)
    with pytest.raises(TypeError):
        ruby.dig({"a": "s"}, "a", "b")


def test_character_sets_of_tr_delete_count_squeeze() -> None:
    # p "hello".tr("a-y", "b-z"), "hello".tr("^l", "*"), "hello".tr("el", ""),
    #   "aaabbb  cc".squeeze(" "), "hello".delete("^l"), "hello world".count("lo"),
    #   "a\\-b".tr("\\-", "+")
    assert [ruby.tr("hello", "a-y", "b-z"), ruby.tr("hello", "^l", "*"),
            ruby.tr("hello", "el", ""), ruby.squeeze("aaabbb  cc", " "),
            ruby.delete("hello", "^l"), ruby.count("hello world", "lo"),
            ruby.tr("a\\-b", "\\-", "+")] == ["ifmmp", "**ll*", "ho", "aaabbb cc", "ll", 5,
                                              "a\\+b"]


def test_scan_group_and_array() -> None:
    import re
    # p "k1=v1;k2=".scan(/(\w+)=(\w+)?/), Array(nil), Array({"k" => 1}), Array("s")
    assert ruby.scan(re.compile(r"(\w+)=(\w+)?"), "k1=v1;k2=") == [["k1", "v1"], ["k2", None]]
    assert ruby.group(None, 1) is None
    assert ruby.group(re.search(r"(a)(b)?", "a"), 2) is None
    assert [ruby.array(None), ruby.array({"k": 1}), ruby.array("s")] == [[], [["k", 1]], ["s"]]


def test_catch_and_throw() -> None:
    # r = catch(:found) { [1, 2, 3].each { |x| throw :found, x * 10 if x == 2 }; :none }
    with ruby.Catch("found") as caught:
        for x in (1, 2, 3):
            if x == 2:
                ruby.throw("found", x * 10)
    assert (caught.thrown, caught.value) == (True, 20)
    # throw :nowhere  => UncaughtThrowError (an ArgumentError): uncaught throw :nowhere
    with pytest.raises(ValueError, match="uncaught throw :nowhere"):
        ruby.throw("nowhere")
    with ruby.Catch("outer") as outer:  # rescue (except Exception) does not see a throw
        try:
            ruby.throw("outer", 1)
        except Exception:  # noqa: BLE001 - what a translated bare rescue is
            pytest.fail("a throw was rescued")
    assert outer.value == 1


def test_library_classes() -> None:
    # s = Set.new([3, 1, 3]); s << 2; p s, s.add?(1); os = OpenStruct.new(a: 1); os.c = [1]
    # p os, os.to_h, os.d
    s = ruby.Set([3, 1, 3]).add(2)
    assert (ruby.inspect(s), s.add_new(1), list(s)) == ("#<Set: {3, 1, 2}>", None, [3, 1, 2])
    os_ = ruby.OpenStruct(a=1)
    os_.c = [1]
    assert (ruby.inspect(os_), ruby.inspect(os_.to_h()), os_.d) == (
        "#<OpenStruct a=1, c=[1]>", "{:a=>1, :c=>[1]}", None)
    out = io.StringIO()
    log = ruby.Logger(out)
    log.level = "warn"
    log.formatter = lambda severity, time, progname, text: f"{severity}: {text}\n"
    log.info("hidden")
    log.warn("shown")
    log.error(42)
    assert out.getvalue() == "WARN: shown\nERROR: 42\n"
    plain = io.StringIO()
    ruby.Logger(plain, progname="prog").info("hi")
    assert plain.getvalue().startswith("I, [") and plain.getvalue().endswith(
        "]  INFO -- prog: hi\n")


def test_csv_as_ruby_reads_and_writes_it() -> None:
    # p CSV.parse("name,email\nAnn,a@x\n\nBob,\"\"\n"),
    #   CSV.parse("a,b\n1,2,3\n4\n", headers: true).map(&:to_h),
    #   ["a", "", "b,c", "q\"x", nil, 1.5].to_csv
    assert ruby.csv_parse('name,email\nAnn,a@x\n\nBob,""\n') == [
        ["name", "email"], ["Ann", "a@x"], [], ["Bob", ""]]
    table = ruby.csv_parse("a,b\n1,2,3\n4\n", headers=True)
    assert (table.headers, list(table)) == (["a", "b"], [{"a": "1", "b": "2", None: "3"},
                                                         {"a": "4", "b": None}])
    assert ruby.csv_line(["a", "", "b,c", 'q"x', None, 1.5]) == 'a,"","b,c","q""x",,1.5\n'
    with pytest.raises(ValueError):
        ruby.csv_parse('a,"b')


def test_time_and_html() -> None:
    # t = Time.utc(2024, 2, 28, 23, 30); p (t + 1.5).iso8601, t.iso8601(3),
    #   Time.new(2024, 1, 2, 3, 4, 5, "+09:00").iso8601, CGI.escapeHTML(%q(<a href="x">&'))
    t = datetime(2024, 2, 28, 23, 30, tzinfo=timezone.utc)
    tokyo = timezone(timedelta(hours=9))
    assert [ruby.iso8601(t + timedelta(seconds=1.5)), ruby.iso8601(t, 3),
            ruby.iso8601(datetime(2024, 1, 2, 3, 4, 5, tzinfo=tokyo))] == [
        "2024-02-28T23:30:01Z", "2024-02-28T23:30:00.000Z", "2024-01-02T03:04:05+09:00"]
    assert ruby.escape_html('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"


def test_timeout_stops_what_runs_too_long() -> None:
    import time

    with pytest.raises(TimeoutError, match="execution expired"):
        with ruby.timeout(0.05):
            time.sleep(5)
    with ruby.timeout(None):  # nil: no limit
        pass


def test_timeout_passes_the_rescue_clauses_inside_its_block() -> None:
    # Timeout.timeout(0.05) { begin; sleep 5; rescue => e; p e; ensure; puts 'ensure'; end }
    #   -> ensure, then Timeout::Error to the caller (Ruby throws: no rescue inside sees it)
    import time

    seen = []
    with pytest.raises(TimeoutError, match="execution expired"):
        with ruby.timeout(0.05):
            try:
                time.sleep(5)
            except Exception as exc:  # what a rescue clause becomes
                seen.append(exc)
            finally:
                seen.append("ensure")
    assert seen == ["ensure"]


def test_format_reads_rubys_named_references_at_run_time() -> None:
    # puts format("%{a}|%<b>05.1f|%%|", {a: nil, b: 2.25})  => "|002.2|%|"
    assert ruby.format("%{a}|%<b>05.1f|%%|", {"a": None, "b": 2.25}) == "|002.2|%|"
    # puts format("%<n>d items, %{n}", n: 3)  => "3 items, 3"
    assert ruby.format("%<n>d items, %{n}", {"n": 3}) == "3 items, 3"
    # puts "%-4s|%5.2f" % ["ab", 1.005]  => "ab  | 1.00"
    assert ruby.format("%-4s|%5.2f", "ab", 1.005) == "ab  | 1.00"
    # puts format("[%-8p|%8p|%.2p|%b|%#b|%08b|%-6b|%+b|%+b|%*d|%-*d|%s]", :always, "a",
    #             "abc", 5, 5, 5, 5, 5, -5, 4, 7, 3, 8, nil)
    assert ruby.format("[%-8p|%8p|%.2p|%b|%#b|%08b|%-6b|%+b|%+b|%*d|%-*d|%s]",
                       ruby.Symbol("always"), "a", "abc", 5, 5, 5, 5, 5, -5, 4, 7, 3, 8,
                       None) == '[:always |     "a"|"a|101|0b101|00000101|101   |+101|-101|   7|8  |]'
    # puts format("%<x>p %<y>-5p|", x: nil, y: :k)  => "nil :k   |"
    assert ruby.format("%<x>p %<y>-5p|", {"x": None, "y": ruby.Symbol("k")}) == "nil :k   |"
    # puts format("%d %s", 1, 2, 3)  => "1 2": Ruby ignores the extra value
    assert ruby.format("%d %s", 1, 2, 3) == "1 2"
    with pytest.raises(ValueError, match="too few arguments"):
        ruby.format("%d %d", 1)
    with pytest.raises(ValueError, match="incomplete format specifier"):
        ruby.format("100%")
    with pytest.raises(KeyError, match="key<b> not found"):
        ruby.format("%{b}", {"a": 1})
    with pytest.raises(ValueError, match="two's complement"):  # Ruby writes ..1011
        ruby.format("%b", -5)


def test_select_of_an_array_or_a_hash_known_at_run_time() -> None:
    # p [1, nil, 2].select { |x| x }  => [1, 2];  p [1, nil].reject { |x| x }  => [nil]
    assert ruby.select([1, None, 2], ruby.truthy) == [1, 2]
    assert ruby.select([1, None], ruby.truthy, keep=False) == [None]
    # p({a: 1, b: 2}.select { |k| k == :a })  => {:a=>1}: one parameter gets the key
    assert ruby.select({"a": 1, "b": 2}, lambda k: k == "a") == {"a": 1}
    with pytest.raises(AttributeError, match="undefined method `select' for 5:Integer"):
        ruby.select(5, ruby.truthy)


def test_symbols_made_at_run_time() -> None:
    # p "x".to_sym  => :x;  5.to_sym raises NoMethodError
    assert ruby.inspect(ruby.to_sym("x")) == ":x"
    with pytest.raises(AttributeError, match="undefined method `to_sym' for 5:Integer"):
        ruby.to_sym(5)
    # p JSON.parse('{"a": {"b": 1}}', symbolize_names: true)  => {:a=>{:b=>1}}
    parsed = json.loads('{"a": {"b": 1}}', object_hook=ruby.symbolize_names)
    assert ruby.inspect(parsed) == "{:a=>{:b=>1}}"
    assert parsed["a"]["b"] == 1


@pytest.mark.parametrize("a, b, expected", [
    (1, 2, 3), (1, 2.5, 3.5), ("a", "b", "ab"), ([1], [2], [1, 2]),
])
def test_plus_of_values_known_at_run_time(a: object, b: object, expected: object) -> None:
    assert ruby.plus(a, b) == expected


@pytest.mark.parametrize("a, b, error, text", [
    (1, "a", TypeError, "String can't be coerced into Integer"),
    (1.5, None, TypeError, "nil can't be coerced into Float"),
    (1, True, TypeError, "true can't be coerced into Integer"),
    ("a", 1, TypeError, "no implicit conversion of Integer into String"),
    ("a", False, TypeError, "no implicit conversion of false into String"),
    ([1], "a", TypeError, "no implicit conversion of String into Array"),
    (None, 1, AttributeError, "undefined method `+' for nil:NilClass"),
    (True, 1, AttributeError, "undefined method `+' for true:TrueClass"),
    ({"a": 1}, 1, AttributeError, "undefined method `+' for {\"a\"=>1}:Hash"),
])
def test_plus_refuses_as_ruby_does(a: object, b: object, error: type, text: str) -> None:
    """Ruby 3.1's TypeError / NoMethodError texts (checked against ruby -e)."""
    with pytest.raises(error) as info:
        ruby.plus(a, b)
    assert str(info.value) == text


@pytest.mark.parametrize("a, op, b, expected", [
    (7, "/", 2, 3), (-7, "/", 2, -4), (7.0, "/", 0, float("inf")), (7, "/", 2.0, 3.5),
    (-7, "%", 3, 2), (2, "*", 1.5, 3.0), ("ab", "*", 2, "abab"), ("ab", "*", 2.7, "abab"),
    ([1, 2], "*", 2, [1, 2, 1, 2]), ([1, "b"], "*", "-", "1-b"), ([1, 2, 1, 3], "-", [1], [2, 3]),
    ("%05.1f", "%", 2.25, "002.2"), ("%s-%s", "%", ["a", "b"], "a-b"), (5, "-", 7.5, -2.5),
])
def test_arith_of_values_known_at_run_time(a: object, op: str, b: object,
                                           expected: object) -> None:
    """Ruby 3.1's results (checked with ruby -e)."""
    assert ruby.arith(a, op, b) == expected


@pytest.mark.parametrize("a, op, b, error, text", [
    (3, "*", "ab", TypeError, "String can't be coerced into Integer"),
    (2, "*", None, TypeError, "nil can't be coerced into Integer"),
    (7, "/", 0, ZeroDivisionError, "divided by 0"),
    (7, "%", 0, ZeroDivisionError, "divided by 0"),
    ("ab", "*", -1, errors.ArgumentError, "negative argument"),
    ("ab", "*", "x", TypeError, "no implicit conversion of String into Integer"),
    ([1], "-", 1, TypeError, "no implicit conversion of Integer into Array"),
    (None, "*", 2, AttributeError, "undefined method `*' for nil:NilClass"),
    ("a", "-", "a", AttributeError, "undefined method `-' for \"a\":String"),
    ("a", "/", 2, AttributeError, "undefined method `/' for \"a\":String"),
])
def test_arith_refuses_as_ruby_does(a: object, op: str, b: object, error: type,
                                    text: str) -> None:
    with pytest.raises(error) as info:
        ruby.arith(a, op, b)
    assert str(info.value) == text


def test_errno_class_catches_only_its_errno() -> None:
    """``except ruby.errno_class('EHOSTUNREACH')`` catches an OSError with
    that errno and lets another OSError reach the next clause."""
    caught = []
    for code in (errno.EHOSTUNREACH, errno.ECONNRESET, errno.EINVAL):
        try:
            raise OSError(code, os.strerror(code))
        except ruby.errno_class("EHOSTUNREACH") as exc:
            caught.append(("first", ruby.class_name(exc)))
        except (ruby.errno_class("EINVAL"), ConnectionResetError) as exc:
            caught.append(("second", ruby.class_name(exc)))
    assert caught == [("first", "Errno::EHOSTUNREACH"), ("second", "Errno::ECONNRESET"),
                      ("second", "Errno::EINVAL")]


def test_position_of_a_match() -> None:
    assert ruby.position(re.search("c", "abc")) == 2
    assert ruby.position(re.search("z", "abc")) is None
    assert ruby.EMAIL_REGEXP.search("ops@example.com") is not None
    assert ruby.EMAIL_REGEXP.search("ops@example.com\n") is None


def test_negatable_options_as_option_parser() -> None:
    """``--[no-]verbose``: true for -v and --verbose, false for --no-verbose,
    nil when not given; the help shows the flag as Ruby does (text from
    ruby -roptparse)."""
    parser = ruby.ArgumentParser("Usage: x [options]")
    parser.add_argument("-v", "--verbose", help="talk more", action="negatable", dest="verbose")
    parser.add_argument("--tls", action="negatable", dest="tls")
    assert str(parser) == ("Usage: x [options]\n"
                           "    -v, --[no-]verbose               talk more\n"
                           "        --[no-]tls\n")
    given, rest = parser.parse(["--no-verbose", "-v", "--no-tls", "x"])
    assert (given.verbose, given.tls, rest) == (True, False, ["x"])
    given, _ = parser.parse(["--no-verbose"])
    assert (given.verbose, given.tls) == (False, None)


def test_push_and_unshift_give_the_list_itself() -> None:
    items = [2]
    assert ruby.push(items, 3, 4) is items and items == [2, 3, 4]
    assert ruby.unshift(items, 0, 1) is items and items == [0, 1, 2, 3, 4]


def test_zero_division_is_worded_as_ruby() -> None:
    with pytest.raises(ZeroDivisionError) as info:
        print(1 // (len([]) * 1))
    assert ruby.message(info.value) == "divided by 0"


def test_update_gives_the_hash_itself() -> None:
    entries = {"a": 1}
    assert ruby.update(entries, {"b": 2}) is entries and entries == {"a": 1, "b": 2}


def test_symbolized_follows_the_shape() -> None:
    shape = ("dict", "sym", "", (("tags", ("list", "sym")),))
    shown = ruby.symbolized({"host": "h", "tags": ["a"], "n": None}, shape)
    assert ruby.inspect(shown) == '{:host=>"h", :tags=>[:a], :n=>nil}'
    assert ruby.inspect(ruby.symbolized(["x", 1], ("items", ("sym", "")))) == "[:x, 1]"


@pytest.mark.parametrize("call, expected", [
    (lambda: ruby.center("free", 9, "*"), "**free***"),
    (lambda: ruby.center("ab", 7), "  ab   "),
    (lambda: ruby.center("x", 6, "ab"), "abxaba"),
    (lambda: ruby.ljust("abc", 8, "12"), "abc12121"),
    (lambda: ruby.rjust("abc", 7, "xy"), "xyxyabc"),
    (lambda: ruby.center("toolong", 3), "toolong"),
])
def test_padding_as_ruby(call: Any, expected: str) -> None:
    """Texts from ruby -e (Ruby 3.1)."""
    assert call() == expected


def test_option_list_splits_as_option_parser() -> None:
    """OptionParser's Array acceptor (ruby -roptparse): a,,b -> ["a", nil, "b"]."""
    assert ruby.option_list("a,,b") == ["a", None, "b"]
    assert ruby.option_list(",c,") == [None, "c"]
    assert ruby.option_list("x") == ["x"]


def test_date_range_and_strftime_of_a_date() -> None:
    from datetime import date

    days = ruby.date_range(date(2024, 2, 27), date(2024, 3, 1))
    assert [d.day for d in days] == [27, 28, 29, 1]
    assert ruby.date_range(date(2024, 1, 2), date(2024, 1, 2), exclusive=True) == []
    # ruby -rdate -e 'puts Date.new(2024,2,5).strftime("%a %b %e|%k|%l|%P|%s")'
    assert ruby.strftime(date(2024, 2, 5), "%a %b %e|%k|%l|%P|%s") == \
        "Mon Feb  5| 0|12|am|1707091200"


def test_fetch_of_parsed_json_as_ruby() -> None:
    """ruby -e: [1,2,3].fetch(5) -> IndexError 'index 5 outside of array bounds: -3...3'."""
    assert ruby.fetch({"a": 1}, "a") == 1 and ruby.fetch({"a": 1}, "b", 0) == 0
    assert ruby.fetch([1, 2, 3], -1) == 3 and ruby.fetch([1], 4, None) is None
    with pytest.raises(KeyError) as missing:
        ruby.fetch({"a": 1}, "b")
    assert ruby.message(missing.value) == 'key not found: "b"'
    with pytest.raises(IndexError, match=r"^index 5 outside of array bounds: -3\.\.\.3$"):
        ruby.fetch([1, 2, 3], 5)


def test_pp_lays_out_as_ruby(capsys: pytest.CaptureFixture[str]) -> None:
    """Texts from ruby -e 'pp ...' (Ruby 3.1, output not a terminal: 79 columns)."""
    assert ruby.pp({"key": "v" * 90}) == {"key": "v" * 90}
    ruby.pp({"a": {"b": {"c": "d" * 60, "e": 1}}})
    ruby.pp([1, 2])
    assert capsys.readouterr().out == (
        '{"key"=>\n  "' + "v" * 90 + '"}\n'
        '{"a"=>\n  {"b"=>\n    {"c"=>"' + "d" * 60 + '",\n     "e"=>1}}}\n'
        "[1, 2]\n")


def test_time_iso8601_as_ruby() -> None:
    """ruby -rtime -e 'p Time.iso8601(...)' (Ruby 3.1)."""
    assert ruby.to_s(ruby.time_iso8601("2024-06-03T09:15:00Z")) == "2024-06-03 09:15:00 UTC"
    assert ruby.to_s(ruby.time_iso8601("2024-06-03T09:15:00+02:00")) == \
        "2024-06-03 09:15:00 +0200"
    assert ruby.time_iso8601("2024-06-03T09:15:00.5Z").microsecond == 500000
    with pytest.raises(Net.ArgumentError, match='^invalid xmlschema format: "2024-06-03"$'):
        ruby.time_iso8601("2024-06-03")


def test_time_parse_reads_the_forms_scripts_write_and_refuses_the_rest() -> None:
    # TZ=UTC ruby -rtime -e 'p Time.parse("2024-09-11 01:00:00 +0200")'
    #   => 2024-09-11 01:00:00 +0200
    moment = ruby.time_parse("2024-09-11 01:00:00 +0200")
    assert moment.utcoffset() == timedelta(hours=2) and moment.hour == 1
    # Z and UTC are UTC itself (rfc2822 ends -0000); +00:00 and GMT are offsets (+0000)
    assert ruby.rfc2822(ruby.time_parse("2024-09-11T01:00:00Z")).endswith("-0000")
    assert ruby.rfc2822(ruby.time_parse("12 Sep 2024 08:00 GMT")).endswith("+0000")
    assert ruby.rfc2822(ruby.time_iso8601("2024-09-11T01:00:00+00:00")).endswith("+0000")
    # Ruby rolls a day past the month's end over; Date.parse refuses it
    assert ruby.time_parse("2024-02-30 00:00 Z") == datetime(2024, 3, 1, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="invalid date"):
        ruby.date_parse("2023-02-29")
    with pytest.raises(ValueError, match="min out of range"):
        ruby.time_parse("2024-09-11 23:60")
    # what Ruby would guess at is refused loudly, naming the forms read
    with pytest.raises(ValueError, match="ISO 8601"):
        ruby.time_parse("next tuesday")
    with pytest.raises(TypeError, match="no implicit conversion of nil into String"):
        ruby.time_parse(None)


def test_exit_status_and_responds_to_as_ruby_answers() -> None:
    assert [ruby.exit_status(v) for v in (True, False, 3, 2.7)] == [0, 1, 3, 2]
    with pytest.raises(TypeError, match="no implicit conversion of String into Integer"):
        ruby.exit_status("3")
    with pytest.raises(TypeError, match="from nil to integer"):
        ruby.exit_status(None)
    refused = ConnectionRefusedError(111, "Connection refused")
    assert ruby.responds_to(refused, "errno") and ruby.responds_to(refused, "message")
    assert not ruby.responds_to(OSError("closed"), "errno")  # Ruby's IOError has none
    assert not ruby.responds_to(Net.ReadTimeout(), "errno")
    assert ruby.responds_to(Net.ReadTimeout(), "io")
    assert ruby.responds_to(KeyError("x"), "key") and not ruby.responds_to(refused, "response")


def test_sub_with_a_string_pattern_reads_rubys_replacement_notation() -> None:
    # p "xaya".gsub("a", '<\\0|\\`|\\\'|\\1|\\\\>')  => "x<a|x|ya||\\>y<a|xay|||\\>"
    assert ruby.sub("xaya", "a", "<\\0|\\`|\\'|\\1|\\\\>") == "x<a|x|ya||\\>y<a|xay|||\\>"
    assert ruby.sub("abab", "b", "-", once=True) == "a-ab"
    assert ruby.sub("abc", "", "-") == "-a-b-c-"
    with pytest.raises(TypeError, match="no implicit conversion of Integer into String"):
        ruby.sub("a", "a", 1)
    with pytest.raises(TypeError, match=r"wrong argument type nil \(expected Regexp\)"):
        ruby.sub("a", None, "b")


def test_months_later_and_assoc() -> None:
    from datetime import date

    # ruby -rdate -e 'puts Date.new(2024, 2, 29) >> 12, Date.new(2024, 3, 31) << 1'
    assert ruby.months_later(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert ruby.months_later(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert ruby.months_later(date(2023, 12, 15), 1) == date(2024, 1, 15)
    assert ruby.assoc([["a", 1], "b", ["c"]], "c") == ["c"]
    assert ruby.assoc([["a", 1]], "z") is None


def test_class_names_of_the_library_are_ruby_s() -> None:
    """``smtp.class`` and its fellows, as ``ruby -rnet/smtp`` prints them."""
    assert ruby.class_name(Net.SMTP("127.0.0.1", 25)) == "Net::SMTP"
    assert ruby.class_name(Net.SMTP.Response.parse("250 ok")) == "Net::SMTP::Response"
    assert ruby.class_name(Net.SMTP.Address("a@example.com")) == "Net::SMTP::Address"
    assert ruby.class_name(Net.SMTPFatalError("x")) == "Net::SMTPFatalError"


@pytest.mark.parametrize("template, text", [
    ("%%", "%"), ("a %% b", "a % b"), ("%s %%", "1709629623 %"), ("%-m%%", "3%"),
    ("%%%d", "%05"), ("%%%%s", "%%s"), ("%e%%%l", " 5% 9"),
])
def test_strftime_keeps_percent_signs(template: str, text: str) -> None:
    """``%%`` beside Ruby's own directives (ruby -e ``Time.utc(2024, 3, 5,
    9, 7, 3).strftime``): the C library stops at a NUL, so none may stand
    in for it."""
    moment = datetime(2024, 3, 5, 9, 7, 3, tzinfo=timezone.utc)
    assert ruby.strftime(moment, template) == text


@pytest.mark.parametrize("text, packed", [
    ("", ""), ("a=b", "a=3Db=\n"), ("line \nnext\t\nx", "line =\n\nnext\t=\n\nx=\n"),
    ("é", "=C3=A9=\n"), ("a" * 72 + "b", "a" * 72 + "b=\n"), ("tab\there\n", "tab\there\n"),
    ("\r\n\x01\x7f", "=0D\n=01=7F=\n"),
])
def test_quoted_printable_as_ruby_packs(text: str, packed: str) -> None:
    """``[text].pack('M')`` (each checked with ruby -e)."""
    assert ruby.quoted_printable(text) == packed


@pytest.mark.parametrize("text, limit, parts", [
    ("abc", 0, ["a", "b", "c"]), ("abc", 2, ["a", "bc"]), ("", 0, []), ("abcd", -1, ["a", "b", "c", "d", ""]),
    ("ab", 5, ["a", "b", ""]), ("", -1, []),
])
def test_split_on_an_empty_separator(text: str, limit: int, parts: list[str]) -> None:
    """``text.split('', limit)``: each character (ruby -e checked)."""
    assert ruby.split(text, "", limit) == parts


@pytest.mark.parametrize("name, shown", [
    ("a", ":a"), ("dry-run", ':"dry-run"'), ("ok?", ":ok?"), ("save!", ":save!"), ("x=", ":x="),
    ("@iv", ":@iv"), ("@@cv", ":@@cv"), ("$g", ":$g"), ("+", ":+"), ("[]=", ":[]="),
    ("<=>", ":<=>"), ("9x", ':"9x"'), ("a b", ':"a b"'), ("", ':""'), ("é", ":é"), ("-@", ":-@"),
])
def test_symbols_inspected_as_ruby_does(name: str, shown: str) -> None:
    """``p :"dry-run"`` quotes what is not a plain name (each checked with ruby -e)."""
    assert ruby.inspect(ruby.Symbol(name)) == shown


def test_first_n_of_arrays_and_hashes() -> None:
    """``first(n)``: a new Array of the first n items (a Hash's as pairs)."""
    items = [1, 2, 3]
    assert ruby.first(items, 2) == [1, 2] and ruby.first(items, 5) == [1, 2, 3]
    assert ruby.first(items, 0) == [] and ruby.first([]) is None
    assert ruby.first({"a": 1, "b": 2}, 1) == [["a", 1]]
    with pytest.raises(errors.ArgumentError, match="negative array size"):
        ruby.first(items, -1)


@pytest.mark.parametrize("value", ["12.5", True, None, [1]])
def test_round_of_what_is_not_a_number(value: object) -> None:
    """Ruby's NoMethodError, where Python would repeat a String or round a bool."""
    with pytest.raises(AttributeError, match="undefined method `round'"):
        ruby.round(value, 1)  # type: ignore[arg-type]


def test_superclass_names() -> None:
    """Ruby's superclasses (each checked with Ruby 3.1 and net-smtp 0.5.1);
    a class the table and the script do not know is not guessed."""
    assert ruby.superclass_name("Net::SMTPServerBusy", {}) == "Net::ProtoServerError"
    assert ruby.superclass_name("Errno::EPIPE", {}) == "SystemCallError"
    assert ruby.superclass_name("MailError", {"MailError": "AppError"}) == "AppError"
    with pytest.raises(NotImplementedError):
        ruby.superclass_name("Some::Gem::Error", {})


class Mailer:
    """A class of a translated script, whose objects have an inspect of their own."""

    def inspect(self) -> str:
        return "#<Mailer>"


def test_classes_shown_by_name() -> None:
    """``puts Mailer``, ``p Mailer``, ``"#{obj.class}"``: the class's name,
    even for a class whose objects have an ``inspect`` of their own."""
    assert [ruby.to_s(Mailer), ruby.inspect(Mailer), ruby.inspect(Mailer())] == \
        ["Mailer", "Mailer", "#<Mailer>"]
    assert ruby.to_s(Net.SMTP) == ruby.inspect(Net.SMTP) == "Net::SMTP"


def test_readline_gives_lines_then_eof_error() -> None:
    # File.write('t', "a\nb"); f = File.open('t'); p f.readline, f.readline
    # f.readline rescue p $!  -> "a\n", "b", #<EOFError: end of file reached>
    stream = io.StringIO("a\nb")
    assert [ruby.readline(stream), ruby.readline(stream)] == ["a\n", "b"]
    with pytest.raises(EOFError, match="^end of file reached$"):
        ruby.readline(stream)


def test_range_kept_as_a_value() -> None:
    # p (1..3), (1...4), (1..3).to_a, (1...4).to_a, (1..3) == (1...4), "#{2..0}"
    inclusive, exclusive = ruby.Range(1, 3), ruby.Range(1, 4, exclude_end=True)
    assert [ruby.inspect(inclusive), ruby.inspect(exclusive)] == ["1..3", "1...4"]
    assert list(inclusive) == list(exclusive) == [1, 2, 3]
    assert inclusive != exclusive and inclusive == ruby.Range(1, 3)
    assert ruby.to_s(ruby.Range(2, 0)) == "2..0" and list(ruby.Range(2, 0)) == []


def test_delete_at_and_slice_out_as_ruby() -> None:
    # a = [1, 2, 3, 4]; p a.delete_at(-1), a.delete_at(3), a.slice!(1, 5), a.slice!(1, 1),
    #   a.slice!(2, 1), a.slice!(-1, 1), a  -> 4, nil, [2, 3], [], nil, [1], []
    items = [1, 2, 3, 4]
    assert [ruby.delete_at(items, -1), ruby.delete_at(items, 3), ruby.slice_out(items, 1, 5),
            ruby.slice_out(items, 1, 1), ruby.slice_out(items, 2, 1),
            ruby.slice_out(items, -1, 1), items] == [4, None, [2, 3], [], None, [1], []]
    assert ruby.slice_out([1], 0, -1) is None


def test_fields_of_any_value_as_rubys_multiple_assignment() -> None:
    # a, b = nil; a, b = "x"; a, b = {k: 1}; a, b, c = [1, 2, 3, 4]; a, *b = nil;
    # a, *b = [1, 2, 3]  -> [nil, nil], ["x", nil], [{:k=>1}, nil], [1, 2, 3], [nil, []],
    #   [1, [2, 3]]
    assert ruby.fields(None, 2) == [None, None]
    assert ruby.fields("x", 2) == ["x", None]
    assert ruby.fields({"k": 1}, 2) == [{"k": 1}, None]
    assert ruby.fields([1, 2, 3, 4], 3) == [1, 2, 3]
    first, *rest = ruby.fields(None, 1, rest=True)
    assert (first, rest) == (None, [])
    first, *rest = ruby.fields([1, 2, 3], 1, rest=True)
    assert (first, rest) == (1, [2, 3])


def test_magnitude_takes_numbers_only() -> None:
    # p(-5.abs, 2.5.abs); true.abs -> 5, 2.5, NoMethodError (undefined method `abs' for true)
    assert ruby.magnitude(-5) == 5 and ruby.magnitude(-2.5) == 2.5
    with pytest.raises(AttributeError, match="undefined method `abs' for true:TrueClass"):
        ruby.magnitude(True)


def test_process_status_reads_as_rubys() -> None:
    # Open3.capture3('sh', '-c', 'exit 3')[2]: exitstatus 3, success? false, to_i 768,
    #   "pid N exit 3"; a command killed by SIGTERM: exitstatus nil, success? nil,
    #   termsig 15, to_i 15, "pid N SIGTERM (signal 15)"
    done, killed = ruby.ProcessStatus(42, 3), ruby.ProcessStatus(43, -15)
    assert (done.exitstatus, done.is_success(), done.to_i(), done.is_exited()) == (3, False, 768,
                                                                                   True)
    assert ruby.to_s(done) == "pid 42 exit 3"
    assert ruby.inspect(done) == "#<Process::Status: pid 42 exit 3>"
    assert (killed.exitstatus, killed.is_success(), killed.termsig, killed.to_i()) == (
        None, None, 15, 15)
    assert ruby.to_s(killed) == "pid 43 SIGTERM (signal 15)" and killed.is_signaled()
    assert ruby.inspect(ruby.class_of(done)) == "Process::Status"
    assert ruby.inspect(ruby.class_name(done)) == '"Process::Status"'


def test_default_hash_stores_the_blocks_value_on_a_read() -> None:
    # h = Hash.new { |hash, k| hash[k] = k * 2 }; h[3]; p h, h.key?(4), h.fetch(3)
    #   -> {3=>6}, false, 6
    made = ruby.DefaultHash(lambda held, key: key * 2)
    assert made[3] == 6 and made == {3: 6}
    assert 4 not in made and made.get(4) is None and made == {3: 6}


def test_time_parse_of_a_ctime_ignores_a_zone_after_the_year(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # TZ=Asia/Tokyo: p Time.parse("Tue Mar 5 13:58:12 2024 UTC"),
    #   Time.parse("Mar 5 13:58:12 2024 GMT") -> 2024-03-05 13:58:12 +0900 (both local)
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        shown = [ruby.inspect(ruby.time_parse(text)) for text in (
            "Tue Mar 5 13:58:12 2024 UTC", "Mar 5 13:58:12 2024 GMT", "Mar 5 13:58:12 2024")]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert shown == ["2024-03-05 13:58:12 +0900"] * 3


def test_a_template_local_comes_from_a_symbol_or_a_string_key() -> None:
    # ERB.new('<%= a %>').result_with_hash(a: 1) and ('a' => 1) -> "1";
    # ({}) -> NameError (undefined local variable or method `a'); (nil) -> NoMethodError
    assert ruby.erb_local({ruby.Symbol("a"): 1}, "a") == 1
    assert ruby.erb_local({"a": 2}, "a") == 2
    with pytest.raises(NameError, match="undefined local variable or method `a'"):
        ruby.erb_local({"b": 1}, "a")
    with pytest.raises(AttributeError, match="each_pair"):
        ruby.erb_local(None, "a")



def test_cmp_of_dates_and_times_compares_them_and_nothing_else() -> None:
    # [Date.new(2024,1,2), 'a'] <=> [Date.new(2024,1,3), 'b'] -> -1;
    # Date.new(2024,1,1) <=> Time.utc(2024) -> nil
    assert ruby.cmp([date(2024, 1, 2), "a"], [date(2024, 1, 3), "b"]) == -1
    assert ruby.cmp(date(2024, 1, 2), date(2024, 1, 2)) == 0
    assert ruby.cmp(datetime(2024, 1, 1, tzinfo=timezone.utc),
                    datetime(2023, 1, 1, tzinfo=timezone.utc)) == 1
    assert ruby.cmp(date(2024, 1, 1), datetime(2024, 1, 1, tzinfo=timezone.utc)) is None


def test_sort_of_values_known_at_run_time_follows_ruby_comparison() -> None:
    # [3, 1.5, 2].sort -> [1.5, 2, 3]; {'b' => 1, 'a' => 2}.sort -> [["a", 2], ["b", 1]];
    # [true, false].sort -> ArgumentError (comparison of TrueClass with false failed);
    # which of the two comes first in the text follows each language's sort
    assert ruby.sort([3, 1.5, 2]) == [1.5, 2, 3]
    assert ruby.sort({"b": 1, "a": 2}) == [["a", 2], ["b", 1]]
    with pytest.raises(errors.ArgumentError,
                       match="comparison of (TrueClass with false|FalseClass with true) failed"):
        ruby.sort([True, False])
    with pytest.raises(errors.ArgumentError,
                       match="comparison of (String with 1|Integer with String) failed"):
        ruby.sort(["a", 1])
    with pytest.raises(AttributeError, match="undefined method `sort'"):
        ruby.sort("text")


def test_dates_and_times_met_at_run_time_move_and_subtract_as_in_ruby() -> None:
    # x = Date.new(2024,5,20) - Date.new(2024,5,1): p x -> (19/1), puts x -> 19/1,
    # x.to_i -> 19, x / 2 -> (19/2); Date + 3, Time - Time (a Float), Time + 90.5
    gap = ruby.arith(date(2024, 5, 20), "-", date(2024, 5, 1))
    assert (ruby.inspect(gap), ruby.to_s(gap), ruby.to_i(gap)) == ("(19/1)", "19/1", 19)
    assert ruby.inspect(ruby.arith(gap, "/", 2)) == "(19/2)"
    assert ruby.class_name(gap) == "Rational"
    assert ruby.plus(date(2024, 5, 20), 3) == date(2024, 5, 23)
    assert ruby.arith(date(2024, 5, 20), "-", 3) == date(2024, 5, 17)
    noon = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    assert ruby.arith(noon, "-", datetime(2024, 1, 1, tzinfo=timezone.utc)) == 43200.0
    assert ruby.plus(noon, 90.5) == noon + timedelta(seconds=90.5)
    with pytest.raises(TypeError, match="expected numeric"):
        ruby.plus(date(2024, 5, 20), "1")


def test_order_key_orders_by_ruby_comparison() -> None:
    # %w[b a].sort_by { |x| x } -> ["a", "b"]; [[2, 'x'], [1, 'y']].min_by { |k| k } -> [1, "y"];
    # [nil, 'a'].sort_by { |x| x } -> ArgumentError (comparison of NilClass with String failed)
    assert sorted(["b", "a"], key=ruby.order_key) == ["a", "b"]
    assert min([[2, "x"], [1, "y"]], key=ruby.order_key) == [1, "y"]
    with pytest.raises(errors.ArgumentError, match="comparison of"):
        sorted([None, "a"], key=ruby.order_key)
    assert ruby.order_key(1) == ruby.order_key(1.0) and ruby.order_key(1) != 1


def test_line_numbers_count_per_stream() -> None:
    # a = StringIO.new("x\ny\n"); b = StringIO.new("z\n"); a.gets; b.gets; p $. -> 1;
    # a.gets; p $. -> 2; a.gets -> nil, $. stays 2
    first, second = io.StringIO("x\ny\n"), io.StringIO("z\n")
    assert ruby.gets(first) == "x\n" and ruby.gets(second) == "z\n" and ruby.lineno() == 1
    assert ruby.gets(first) == "y\n" and ruby.lineno() == 2
    assert ruby.gets(first) is None and ruby.lineno() == 2
    assert list(ruby.counted(io.StringIO("p\nq\n"))) == ["p\n", "q\n"] and ruby.lineno() == 2


def test_date_new_counts_a_negative_month_or_day_from_the_end() -> None:
    # Date.new(2024, 2, -1) -> 2024-02-29; Date.new(2024, -1, -1) -> 2024-12-31;
    # Date.new(2024, 2, 30) -> Date::Error (invalid date); Date.valid_date?(2023, 2, 29) -> false
    assert ruby.date_new(2024, 2, -1) == date(2024, 2, 29)
    assert ruby.date_new(2024, -1, -1) == date(2024, 12, 31)
    assert ruby.date_new(2024) == date(2024, 1, 1)
    with pytest.raises(ValueError, match="invalid date"):
        ruby.date_new(2024, 2, 30)
    assert not ruby.valid_date(2023, 2, 29) and ruby.valid_date(2024, 2, -29)
    with pytest.raises(TypeError):
        ruby.date_new(2024, None, 1)  # type: ignore[arg-type]


def test_a_datetime_counts_days_and_shows_as_ruby_shows_one() -> None:
    # d = DateTime.new(2024, 3, 7, 9, 0, 0): puts d -> 2024-03-07T09:00:00+00:00,
    # d.rfc2822 -> "Thu, 7 Mar 2024 09:00:00 +0000", d + 1 -> the 8th,
    # d - DateTime.new(2024, 3, 6, 21) -> (1/2); DateTime.parse('2024-05-01 10:00') -> UTC
    moment = ruby.datetime_new(2024, 3, 7, 9)
    assert ruby.to_s(moment) == "2024-03-07T09:00:00+00:00" == ruby.iso8601(moment)
    assert ruby.rfc2822(moment) == "Thu, 7 Mar 2024 09:00:00 +0000"
    assert ruby.to_s(moment + 1) == "2024-03-08T09:00:00+00:00"
    assert ruby.inspect(moment - ruby.datetime_new(2024, 3, 6, 21)) == "(1/2)"
    assert (moment - 0.5).hour == 21 and isinstance(moment - 0.5, ruby.DateTime)
    assert ruby.to_s(ruby.datetime_parse("2024-05-01 10:00")) == "2024-05-01T10:00:00+00:00"
    assert ruby.class_name(moment) == "DateTime"


def test_the_runtime_operators_let_a_datetime_count_days() -> None:
    # a DateTime met at run time (inside parsed JSON): + 1 is a day later, - another a Rational
    moment = ruby.datetime_new(2024, 3, 7, 9)
    assert ruby.to_s(ruby.plus(moment, 1)) == "2024-03-08T09:00:00+00:00"
    assert ruby.inspect(ruby.arith(moment, "-", ruby.datetime_new(2024, 3, 6, 21))) == "(1/2)"
