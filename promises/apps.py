from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "promises"
    verbose_name = _("Överenskommelser och medborgarlöften")
