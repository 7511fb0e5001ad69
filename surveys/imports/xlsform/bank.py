"""Linking an XLSForm's questions to the question bank: a question whose name is the code of a
bank item (the standard bank or the organisation's own) asks that item's latest version when
the form's answers fit it; otherwise it becomes an own item under a code of its own, and the
preview says why. Choosing to create rather than refuse keeps a working form importable; the
note makes plain that its answers are then not compared with the bank item's."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from organisations.models import Organisation
from surveys.models import Item, ItemKind, ItemVersion


@dataclass(frozen=True)
class BankMatch:
    version: ItemVersion | None  # the bank version to ask, when the form's question fits it
    reason: str = ""  # why it does not fit, when it does not


def bank_items(organisation: Organisation, names: Iterable[str]) -> dict[str, Item]:
    """The items the organisation may use (the standard bank and its own), by code."""
    items = (
        Item.objects.available_to({organisation.pk})
        .filter(code__in=list(names))
        .prefetch_related("versions")
    )
    return {item.code: item for item in items}


def latest(item: Item) -> ItemVersion:
    return max(item.versions.all(), key=lambda v: v.number)


def kind_label(kind: str) -> str:
    return str(ItemKind(kind).label)


def match(
    item: Item, kind: str, values: list[str], limits: dict, area_codes: set[str]
) -> BankMatch:
    """Whether a question of `kind` with choice `values` (and number `limits`) may ask the
    item's latest version."""
    version = latest(item)
    if item.kind == ItemKind.AREA and kind == ItemKind.SINGLE:
        if set(values) == area_codes:
            return BankMatch(version)
        return BankMatch(
            None,
            _(
                "standardfrågan väljer bland kommunens områden (%(areas)s), men svarslistan i "
                "filen har andra värden"
            )
            % {"areas": ", ".join(sorted(area_codes)) or _("inga områden än")},
        )
    if item.kind == ItemKind.SCALE and kind == ItemKind.NUMBER:
        bank = (version.constraints.get("min"), version.constraints.get("max"))
        if (limits.get("min"), limits.get("max")) == bank:
            return BankMatch(version)
        return BankMatch(
            None,
            _("standardfrågan är en skala %(min)s–%(max)s, men filen har andra gränser")
            % {"min": bank[0], "max": bank[1]},
        )
    if item.kind != kind:
        return BankMatch(
            None,
            _("standardfrågan är av typen ”%(bank)s”, men frågan i filen är ”%(form)s”")
            % {"bank": kind_label(item.kind), "form": kind_label(kind)},
        )
    if kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
        bank_values = version.option_values()
        missing = [v for v in bank_values if v not in values]
        extra = [v for v in values if v not in bank_values]
        if missing or extra:
            parts = []
            if missing:
                parts.append(_("saknas i filen: %(values)s") % {"values": ", ".join(missing)})
            if extra:
                parts.append(
                    _("finns inte i standardfrågan: %(values)s") % {"values": ", ".join(extra)}
                )
            return BankMatch(
                None,
                _("svarsalternativen skiljer sig (%(diff)s)") % {"diff": "; ".join(parts)},
            )
    return BankMatch(version)


def own_code(name: str, organisation: Organisation, taken: set[str]) -> str:
    """A code for an own item: the name itself when free, else the name with the
    municipality's (or organisation's) short name, then a number."""
    if name not in taken:
        return name
    place = organisation.municipality.slug if organisation.municipality_id else "egen"
    suffix = re.sub(r"[^a-z0-9]+", "_", place.lower()).strip("_") or "egen"
    base = f"{name[: 59 - len(suffix)]}_{suffix}"
    candidate, number = base, 2
    while candidate in taken:
        tail = f"_{number}"
        candidate, number = f"{base[: 60 - len(tail)]}{tail}", number + 1
    return candidate
