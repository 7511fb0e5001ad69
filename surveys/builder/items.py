"""The organisation's own items in the question bank: created here, changed through the bank's
new-version rule (services.edit_item), so answers keep pointing at the wording that was asked."""

import re
import unicodedata

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.auditlog import record, snapshot
from organisations.models import Organisation
from surveys.models import Item, ItemVersion
from surveys.services import edit_item

TOPICS = {
    "trygghet": gettext_lazy("Trygghet"),
    "oro": gettext_lazy("Oro för brott"),
    "fortroende": gettext_lazy("Förtroende"),
    "problem": gettext_lazy("Problem i området"),
    "utsatthet": gettext_lazy("Utsatthet för brott"),
    "platser": gettext_lazy("Platser"),
    "forslag": gettext_lazy("Förslag"),
    "bakgrund": gettext_lazy("Bakgrund"),
    "ovrigt": gettext_lazy("Övrigt"),
}
SWEDISH_LETTERS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o"})


def topic_label(topic: str) -> str:
    return str(TOPICS.get(topic, topic or TOPICS["ovrigt"]))


def option_code(label: str) -> str:
    """A stable answer code from an option's text: "Ganska ofta" → "ganska_ofta"."""
    text = unicodedata.normalize("NFKD", label.translate(SWEDISH_LETTERS).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40]


def parse_options(text: str, missing: set[str]) -> tuple[list[dict], list[str]]:
    """Options from one line each, "Text" or "kod = Text"; returns (options, errors with line
    numbers). Codes in `missing` are marked as "vet ej"-like (left out of shares)."""
    options: list[dict] = []
    errors: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        code, _sep, label = line.partition("=") if "=" in line else ("", "", line)
        code, label = code.strip() or option_code(label), label.strip()
        if not label:
            errors.append(_("Rad %(n)s: skriv alternativets text efter =.") % {"n": number})
        elif not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", code):
            errors.append(
                _("Rad %(n)s: koden ”%(code)s” får bara ha små bokstäver a–z, siffror, - och _.")
                % {"n": number, "code": code}
            )
        elif code in seen:
            errors.append(
                _("Rad %(n)s: koden ”%(code)s” finns redan på en tidigare rad.")
                % {"n": number, "code": code}
            )
        else:
            seen.add(code)
            option = {"value": code, "label": {"sv": label}}
            if code in missing:
                option["missing"] = True
            options.append(option)
    unknown = sorted(missing - seen)
    if unknown:
        errors.append(
            _("”%(codes)s” står inte bland svarsalternativen.") % {"codes": "”, ”".join(unknown)}
        )
    return options, errors


def options_as_text(options: list[dict]) -> str:
    return "\n".join(f"{o['value']} = {o['label'].get('sv', '')}" for o in options)


def _merge_sv(old: dict | None, sv: str) -> dict:
    texts = dict(old or {})
    if sv:
        texts["sv"] = sv
    else:
        texts.pop("sv", None)
    return texts


def merge_options(old: list[dict], new: list[dict]) -> list[dict]:
    """New options with the Swedish labels given, keeping each kept option's other languages."""
    previous = {o["value"]: o for o in old}
    merged = []
    for option in new:
        labels = {**previous.get(option["value"], {}).get("label", {}), **option["label"]}
        merged.append({**option, "label": labels})
    return merged


def merge_constraints(old: dict, new: dict) -> dict:
    merged = dict(new)
    for end in ("min_label", "max_label"):
        if end in new:
            merged[end] = _merge_sv((old or {}).get(end), new[end].get("sv", ""))
            if not merged[end]:
                del merged[end]
    return merged


@transaction.atomic
def create_own_item(
    *,
    user: AbstractBaseUser,
    organisation: Organisation,
    code: str,
    kind: str,
    topic: str,
    wording: str,
    help_text: str,
    options: list[dict],
    constraints: dict,
) -> Item:
    item = Item.objects.create(code=code, organisation=organisation, kind=kind, topic=topic)
    version = ItemVersion.objects.create(
        item=item,
        number=1,
        wording={"sv": wording},
        help={"sv": help_text} if help_text else {},
        options=options,
        constraints=constraints,
        created_by=user,
    )
    record(
        actor=user,
        action="survey_item.created",
        obj=version,
        parties=[organisation.pk],
        after={**snapshot(item), **snapshot(version)},
    )
    return item


def change_own_item(
    *,
    item: Item,
    user: AbstractBaseUser,
    topic: str,
    wording: str,
    help_text: str,
    options: list[dict],
    constraints: dict,
) -> ItemVersion:
    """Change the Swedish texts, options and limits (other languages are kept). A version that a
    wave has asked stays as it was and the change becomes a new version."""
    with transaction.atomic():
        if topic != item.topic:
            item.topic = topic
            item.save(update_fields=["topic"])
        current = item.latest_version()
        return edit_item(
            item=item,
            user=user,
            parties=[item.organisation_id],
            wording=_merge_sv(current.wording, wording),
            help=_merge_sv(current.help, help_text),
            options=merge_options(current.options, options),
            constraints=merge_constraints(current.constraints, constraints),
        )
