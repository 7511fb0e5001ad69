from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Publika sidor")

    def ready(self) -> None:
        from public.opendata import checks  # noqa: F401  (registers the deploy check)
