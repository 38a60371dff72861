"""Start a session without a block, and finish it yourself.

Without a block, Net.SMTP.start returns the started session; calling
finish() is then your job. try/finally makes sure it happens even when
sending raises. (A with statement does the same in two lines: see
helo_domain.py.)
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '25'))

message = textwrap.dedent("""\
    From: Alice <alice@example.com>
    To: Carol <carol@example.org>
    Subject: Slides for Monday
    Date: Fri, 27 Nov 2026 16:05:00 +0000
    Message-ID: <slides.20261127@example.com>

    Carol, the slides are in the shared folder.
    """)

smtp = Net.SMTP.start(host, port)
try:
    smtp.send_message(message, 'alice@example.com', 'carol@example.org')
finally:
    smtp.finish()
print('session still open' if smtp.is_started() else 'session finished')
