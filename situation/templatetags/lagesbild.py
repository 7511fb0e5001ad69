"""Template tags of the lägesbild document: numbers the Swedish way, Brå's markers in words,
and the coordinators' texts (with an edit link on the staff page)."""

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

register = template.Library()

MARKERS = {
    "..": (gettext_noop("uppgift saknas"), ".."),
    "XX": (gettext_noop("skyddad, för få"), "XX"),
    ".": (gettext_noop("kan inte beräknas"), "."),
}


@register.simple_tag
def decimal(value: float, decimals: int = 1) -> str:
    return number_format(round(value, decimals), decimals, use_l10n=True)


@register.simple_tag
def percent_change(value: float | None) -> str:
    """A change in percent with its sign, "–" when it cannot be computed."""
    if value is None:
        return "–"
    text = number_format(round(abs(value)), 0, use_l10n=True)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{text} %"


@register.simple_tag
def bra_value(value: float | None, marker: str) -> str:
    """A Brå cell: its value, or its marker in words (never zero)."""
    if marker:
        words, code = MARKERS.get(marker, (marker, marker))
        return format_html('<span class="muted">{} ({})</span>', _(words), code)
    if value is None:
        return format_html('<span class="muted">{}</span>', _("uppgift saknas"))
    return number_format(round(value), 0, use_l10n=True)


@register.simple_tag(takes_context=True)
def coordinators_text(context: template.Context, text: str, part: str) -> str:
    """The coordinators' text of one part; on the staff page with a link to write it."""
    body = mark_safe(linebreaks(text, autoescape=True)) if text else ""  # noqa: S308 (escaped)
    link = ""
    if context.get("staff") and context.get("can_edit") and not context.get("for_print"):
        url = reverse("situation_report:text", args=[context["report"].pk, part])
        label = _("Ändra texten") if text else _("Skriv texten")
        link = format_html('<p><a class="button button-secondary" href="{}">{}</a></p>', url, label)
    if not body:
        body = format_html('<p class="muted">{}</p>', _("Ingen text är skriven."))
    return format_html('<div class="coordinators-text">{}</div>{}', body, link)
