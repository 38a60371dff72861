"""The aiosmtplib client: ``SMTP.connect`` + ``sendmail`` (the raw-message
form of ``send_message``) + ``quit``, in one event loop. No STARTTLS, as for
the others. It has no streaming API: it does not take part in ``large-file``.
"""

from __future__ import annotations

import asyncio

import aiosmtplib
import clientlib


def _client(port: int) -> aiosmtplib.SMTP:
    """A client for the sink: plain TCP, EHLO name localhost."""
    return aiosmtplib.SMTP(hostname=clientlib.HOST, port=port,
                           local_hostname=clientlib.HELO, start_tls=False)


async def run(j: clientlib.Job) -> None:
    """Run the workload of *j*."""
    frm, to = clientlib.SENDER, [clientlib.RECIPIENT]
    if j.workload == "startup":
        smtp = _client(j.port)
        await smtp.connect()
        await smtp.ehlo()
        await smtp.quit()
    elif j.workload in ("small", "delayed"):  # delayed: the sink answers late
        msgs = clientlib.messages(j)
        smtp = _client(j.port)
        await smtp.connect()
        for msg in msgs:
            await smtp.sendmail(frm, to, msg)
        await smtp.quit()
    elif j.workload == "connect":
        for msg in clientlib.messages(j):
            smtp = _client(j.port)
            await smtp.connect()
            await smtp.sendmail(frm, to, msg)
            await smtp.quit()
    elif j.workload == "large-mem":
        text = clientlib.large_text(j)
        smtp = _client(j.port)
        await smtp.connect()
        await smtp.sendmail(frm, to, text)
        await smtp.quit()
    else:
        raise SystemExit(f"aiosmtplib does not run workload {j.workload}")


def main() -> None:
    """Run the workload named on the command line."""
    asyncio.run(run(clientlib.job()))
    clientlib.report_peak()


if __name__ == "__main__":
    main()
