"""The net_smtp client: ``Net.SMTP.start`` + ``send_message`` + ``finish``,
exactly as a ported Ruby script would use it."""

from __future__ import annotations

import clientlib

from net_smtp import Net


def main() -> None:
    """Run the workload named on the command line."""
    j = clientlib.job()
    host, port = clientlib.HOST, j.port
    frm, to = clientlib.SENDER, clientlib.RECIPIENT
    if j.workload == "startup":
        Net.SMTP.start(host, port, helo=clientlib.HELO).finish()
    elif j.workload == "small":
        msgs = clientlib.messages(j)
        smtp = Net.SMTP.start(host, port, helo=clientlib.HELO)
        for msg in msgs:
            smtp.send_message(msg, frm, to)
        smtp.finish()
    elif j.workload == "connect":
        for msg in clientlib.messages(j):
            smtp = Net.SMTP.start(host, port, helo=clientlib.HELO)
            smtp.send_message(msg, frm, to)
            smtp.finish()
    elif j.workload == "large-mem":
        text = clientlib.large_text(j)
        smtp = Net.SMTP.start(host, port, helo=clientlib.HELO)
        smtp.send_message(text, frm, to)
        smtp.finish()
    elif j.workload == "large-file":
        smtp = Net.SMTP.start(host, port, helo=clientlib.HELO)
        with open(clientlib.file_path(j), "rb") as message:
            smtp.send_message(message, frm, to)
        smtp.finish()
    else:
        raise SystemExit(f"unknown workload {j.workload}")
    clientlib.report_peak()


if __name__ == "__main__":
    main()
