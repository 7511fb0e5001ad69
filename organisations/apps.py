from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisationer och referensdata")

    def ready(self) -> None:
        from organisations import login  # noqa: F401  (connects the login audit receivers)
