"""Print the current code of an authenticator app for a base32 secret (the key shown at
enrolment, element #secret): for the demo tour and the browser tests, in place of a phone."""

from base64 import b32decode
from binascii import Error as Base32Error

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP


def current_code(secret: str) -> str:
    text = "".join(secret.split()).upper()
    try:
        key = b32decode(text + "=" * (-len(text) % 8))
    except (Base32Error, ValueError) as exc:
        raise CommandError("The secret is not base32 (letters A–Z and digits 2–7).") from exc
    return f"{TOTP(key).token():06d}"


class Command(BaseCommand):
    help = "Print the current 6-digit TOTP code for a base32 secret (spaces are ignored)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("secret", nargs="+", help="the key, e.g. ABCD EFGH … as shown")

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(current_code(" ".join(options["secret"])))
