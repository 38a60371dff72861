"""The net_smtp client: ``Net.SMTP.start`` + ``send_message`` + ``finish``,
exactly as a ported Ruby script would use it. ``--pipelining`` before the
usual arguments starts every session with ``pipelining=True``."""

from __future__ import annotations

import sys

import clientlib

from net_smtp import Net


def main() -> None:
    """Run the workload named on the command line."""
    options = {}
    if sys.argv[1] == "--pipelining":
        del sys.argv[1]
        options["pipelining"] = True
    j = clientlib.job()
    host, port = clientlib.HOST, j.port
    frm, to = clientlib.SENDER, clientlib.RECIPIENT
    if j.workload == "startup":
        Net.SMTP.start(host, port, helo=clientlib.HELO, **options).finish()
    elif j.workload in ("small", "delayed"):  # delayed: the sink answers late
        msgs = clientlib.messages(j)
        smtp = Net.SMTP.start(host, port, helo=clientlib.HELO, **options)
        for msg in msgs:
            smtp.send_message(msg, frm, to)
        smtp.finish()
    elif j.workload == "connect":
        for msg in clientlib.messages(j):
            smtp = Net.SMTP.start(host, port, helo=clientlib.HELO, **options)
            smtp.send_message(msg, frm, to)
            smtp.finish()
    elif j.workload == "large-mem":
        text = clientlib.large_text(j)
        smtp = Net.SMTP.start(host, port, helo=clientlib.HELO, **options)
        smtp.send_message(text, frm, to)
        smtp.finish()
    elif j.workload == "large-file":
        smtp = Net.SMTP.start(host, port, helo=clientlib.HELO, **options)
        with open(clientlib.file_path(j), "rb") as message:
            smtp.send_message(message, frm, to)
        smtp.finish()
    else:
        raise SystemExit(f"unknown workload {j.workload}")
    clientlib.report_peak()


if __name__ == "__main__":
    main()
