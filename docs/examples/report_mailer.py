"""Mail the nightly report to the operations team and log the outcome.

The worked example of docs/porting.md: a start block, a heredoc message,
SMTP AUTH, one except clause for each Net.SMTP error class, and finally.
"""
import os
import sys
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '587'))
user = os.environ.get('SMTP_USER', 'reports')
secret = os.environ['SMTP_SECRET']

jobs_run = 48
jobs_failed = 2

report = textwrap.dedent(f"""\
    From: Nightly Reports <reports@example.com>
    To: Operations <ops@example.net>
    Subject: Nightly run: {jobs_failed} of {jobs_run} jobs failed
    Date: Sat, 28 Nov 2026 06:00:00 +0000
    Message-ID: <nightly-2026-11-28@example.com>

    {jobs_run - jobs_failed} jobs succeeded, {jobs_failed} failed.
    .failed-jobs lists them; the logs are on the usual share.
    """)

status = 'not sent'
try:
    with Net.SMTP.start(host, port, helo='reports.example.com',
                        user=user, secret=secret, authtype='plain') as smtp:
        smtp.send_message(report, 'reports@example.com', 'ops@example.net')
    status = 'sent'
except Net.SMTPAuthenticationError as e:
    status = f"login refused ({e.response.status})"
except Net.SMTPServerBusy as e:
    status = f"server busy, retry later: {e.message.rstrip()}"
except Net.SMTPSyntaxError as e:
    status = f"the server did not understand: {e.message.rstrip()}"
except Net.SMTPFatalError as e:
    status = f"refused: {e.message.rstrip()}"
except Net.SMTPUnknownError as e:
    status = f"unexpected reply: {e.message.rstrip()}"
except Net.SMTPUnsupportedCommand as e:
    status = f"missing server feature: {e.message}"
except (Net.OpenTimeout, Net.ReadTimeout):
    status = 'timed out'
except (OSError, EOFError) as e:
    status = f"connection failed: {e}"
finally:
    print(f"nightly report: {status}")
sys.exit(0 if status == 'sent' else 1)
