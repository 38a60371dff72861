"""Handle refusals one recipient at a time.

send_message raises at the first recipient the server refuses; the others
are not even tried (smtplib, by contrast, returns a dict of refusals). To
know the fate of each recipient, send to each in turn, catch the refusal,
and reset the transaction with rset() before the next one. A 5xx reply
(Net.SMTPFatalError) is final; a 4xx reply (Net.SMTPServerBusy) means: try
again later.
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '25'))

message = textwrap.dedent("""\
    From: Alice <alice@example.com>
    To: Undisclosed recipients:;
    Subject: Office closed on Monday
    Date: Sat, 28 Nov 2026 18:00:00 +0000
    Message-ID: <office-closed-2026-11-30@example.com>

    The office is closed on Monday for the building inspection.
    """)

recipients = ['bob@example.net', 'nobody@example.net', 'later@example.net', 'carol@example.org']
retry_later = []

with Net.SMTP.start(host, port) as smtp:
    for rcpt in recipients:
        try:
            smtp.send_message(message, 'alice@example.com', rcpt)
            print(f"sent to {rcpt}")
        except Net.SMTPFatalError as e:
            print(f"refused for good: {e.message.rstrip()}")
            smtp.rset()
        except Net.SMTPServerBusy as e:
            print(f"{rcpt}: temporary failure {e.response.status}")
            retry_later.append(rcpt)
            smtp.rset()
print(f"to retry later: {', '.join(retry_later)}")
