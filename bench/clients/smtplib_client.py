"""The smtplib client: ``SMTP.sendmail`` with the message as ``str``.

smtplib normalises line endings (CRLF, LF and lone CR to CRLF) only for a
``str`` message; given ``bytes`` it sends them as they are (bare LFs on the
wire), so ``str`` is the way to have it do the same work as the others.
It has no streaming API: it does not take part in ``large-file``.
"""

from __future__ import annotations

import smtplib

import clientlib


def main() -> None:
    """Run the workload named on the command line."""
    j = clientlib.job()
    host, port = clientlib.HOST, j.port
    frm, to = clientlib.SENDER, [clientlib.RECIPIENT]
    if j.workload == "startup":
        smtp = smtplib.SMTP(host, port, local_hostname=clientlib.HELO)
        smtp.ehlo()
        smtp.quit()
    elif j.workload in ("small", "delayed"):  # delayed: the sink answers late
        msgs = clientlib.messages(j)
        smtp = smtplib.SMTP(host, port, local_hostname=clientlib.HELO)
        for msg in msgs:
            smtp.sendmail(frm, to, msg)
        smtp.quit()
    elif j.workload == "connect":
        for msg in clientlib.messages(j):
            smtp = smtplib.SMTP(host, port, local_hostname=clientlib.HELO)
            smtp.sendmail(frm, to, msg)
            smtp.quit()
    elif j.workload == "large-mem":
        text = clientlib.large_text(j)
        smtp = smtplib.SMTP(host, port, local_hostname=clientlib.HELO)
        smtp.sendmail(frm, to, text)
        smtp.quit()
    else:
        raise SystemExit(f"smtplib does not run workload {j.workload}")
    clientlib.report_peak()


if __name__ == "__main__":
    main()
