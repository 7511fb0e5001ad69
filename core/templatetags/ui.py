from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.privacy import FigureState, PublicFigure

register = template.Library()


def _number(value: float | int | Decimal) -> str:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_format(value, use_l10n=True)


@register.simple_tag
def figure(fig: PublicFigure, unit: str = "") -> str:
    """A public figure, with suppressed and missing values shown differently from zero."""
    if fig.state is FigureState.SUPPRESSED:
        return format_html(
            '<span class="suppressed">{}</span>',
            _("färre än %(n)s (visas inte av integritetsskäl)") % {"n": settings.PRIVACY_MIN_CELL},
        )
    if fig.state is FigureState.MISSING:
        return format_html('<span class="muted">{}</span>', _("uppgift saknas"))
    text = _number(fig.value)
    return format_html("{} {}", text, unit) if unit else text


@register.inclusion_tag("includes/progress.html")
def progress(done: int, target: int | None, unit: str, percent: int | None) -> dict:
    return {"done": done, "target": target, "unit": unit, "percent": percent}


@register.filter
def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
