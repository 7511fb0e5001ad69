"""An e-mail backend for the network edge: a mail server that refuses every recipient."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages: list) -> int:
        recipients = {address: (550, b"no such user") for m in messages for address in m.to}
        raise smtplib.SMTPRecipientsRefused(recipients)
