from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.privacy import FigureState, PublicFigure, hidden_text
from core.staff_nav import staff_menu

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


@register.simple_tag
def estimate(est: object, decimals: int = 1, unit: str = "%") -> str:
    """A share or mean with its 95 % interval, compact for tables: "31,2 % (26,2–36,5)".
    Suppressed and missing figures say so in words (see the legend under each table)."""
    fig = est.figure
    if not fig.shown:
        css = "muted" if fig.state is FigureState.MISSING else "suppressed"
        return format_html('<span class="{}">{}</span>', css, hidden_text(fig))
    value = number_format(round(fig.value, decimals), decimals, use_l10n=True)
    text = f"{value} {unit}".strip() if unit else value
    if est.low is None:
        return text
    low = number_format(round(est.low, decimals), decimals, use_l10n=True)
    high = number_format(round(est.high, decimals), decimals, use_l10n=True)
    return format_html('{} <span class="interval">({}–{})</span>', text, low, high)


@register.simple_tag
def interval_words(
    low: float | Decimal | None, high: float | Decimal | None, unit: str = "%"
) -> str:
    """An interval as a resident reads it: "mellan 14 och 19 procent"."""
    if low is None or high is None:
        return ""
    low_text = number_format(round(float(low)), 0, use_l10n=True)
    high_text = number_format(round(float(high)), 0, use_l10n=True)
    if unit.strip() == "%":
        return _("mellan %(low)s och %(high)s procent") % {"low": low_text, "high": high_text}
    return _("mellan %(low)s och %(high)s %(unit)s") % {
        "low": low_text,
        "high": high_text,
        "unit": unit,
    }


@register.simple_tag
def change_text(change: object, decimals: int = 1) -> str:
    """A change between waves in percentage points, with its interval and whether it is
    certain (the interval excludes zero)."""
    diff = change.difference
    if diff is None:
        return format_html('<span class="muted">{}</span>', _("kan inte jämföras"))

    def signed(value: float) -> str:
        text = number_format(round(abs(value), decimals), decimals, use_l10n=True)
        return ("+" if value > 0 else "−" if value < 0 else "±") + text

    return format_html(
        '{} <span class="interval">({} till {})</span>',
        signed(diff.change),
        signed(diff.low),
        signed(diff.high),
    )


@register.filter
def get(mapping: dict | None, key: object) -> object:
    """mapping[key] in a template, None when absent."""
    return mapping.get(key) if mapping else None


@register.simple_tag
def share_in_words(est: object) -> str:
    """A share as a resident reads it: "20 procent (mellan 17 och 23 procent)"."""
    fig = est.figure
    if not fig.shown:
        css = "muted" if fig.state is FigureState.MISSING else "suppressed"
        return format_html('<span class="{}">{}</span>', css, hidden_text(fig))
    value = number_format(round(fig.value), 0, use_l10n=True)
    words = interval_words(est.low, est.high)
    share = _("%(value)s procent") % {"value": value}
    if not words:
        return format_html("<strong>{}</strong>", share)
    return format_html("<strong>{}</strong> ({})", share, words)


@register.simple_tag(takes_context=True)
def in_language(context: dict, language: str) -> str:
    """The address of the page being shown, in `language` (Swedish unprefixed, others under
    /<code>/; core.middleware.PathLocaleMiddleware). A plain link: no form, no cookie."""
    from django.conf import settings
    from django.urls import get_script_prefix

    request = context["request"]
    base = get_script_prefix()
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    if current != settings.LANGUAGE_CODE and base.endswith(f"/{current}/"):
        base = base[: -len(current) - 1]
    prefix = base if language == settings.LANGUAGE_CODE else f"{base}{language}/"
    query = request.META.get("QUERY_STRING", "")
    return prefix.rstrip("/") + request.path_info + (f"?{query}" if query else "")


@register.inclusion_tag("includes/staff_nav.html", takes_context=True)
def staff_nav(context: template.Context) -> dict:
    """The staff workspace's grouped main menu (core.staff_nav) for the page shown."""
    return {"menu": staff_menu(context["request"].path)}
