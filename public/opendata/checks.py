"""A deploy check: the catalogue's contact point must be a real address in production."""

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.compatibility, deploy=True)
def contact_email_configured(**kwargs: object) -> list[CheckMessage]:
    if settings.OPEN_DATA_CONTACT_EMAIL.endswith(".invalid"):
        return [
            Warning(
                "OPEN_DATA_CONTACT_EMAIL is not set: the open-data catalogue names "
                f"{settings.OPEN_DATA_CONTACT_EMAIL} as its contact point.",
                hint="Set the environment variable OPEN_DATA_CONTACT_EMAIL to the address "
                "that answers questions about the open data.",
                id="public.W001",
            )
        ]
    return []
