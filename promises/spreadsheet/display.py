"""Values as the preview and the command line show them: dates the Swedish way, names for
objects, labels for choices."""

import datetime

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from promises.models import Activity, ActivityStatus, Commitment
from promises.spreadsheet.columns import commitment_reference


def field_label(name: str) -> str:
    return str(Activity._meta.get_field(name).verbose_name).capitalize()


def describe_value(name: str, value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, Commitment):
        return f"{commitment_reference(value.pk)} {Truncator(value.text).chars(60)}"
    if name == "status":
        return str(ActivityStatus(value).label)
    return str(value)
