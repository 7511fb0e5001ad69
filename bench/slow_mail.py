"""The benchmarks' e-mail backend: nothing leaves the machine, and each message takes as long as
an SMTP server's answer (BENCH_MAIL_SECONDS, default 0.5 s), so that a task is caught running
when the fault benchmark kills the worker."""

import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: list) -> int:
        time.sleep(float(os.environ.get("BENCH_MAIL_SECONDS", "0.5")) * len(email_messages))
        return len(email_messages)
