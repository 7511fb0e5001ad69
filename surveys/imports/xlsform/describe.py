"""The preview of an XLSForm import: what will be created, in words a coordinator reads."""

from django.utils.translation import gettext as _

from core.imports import Change, FieldChange
from organisations.models import Organisation
from surveys.imports.xlsform.planned import PlannedQuestion, PlannedSection, PlannedSurvey
from surveys.models import ItemKind, Section


def survey_change(planned: PlannedSurvey, organisation: Organisation) -> Change:
    languages = ", ".join(
        f"{lang.name} ({lang.code}{', ' + _('höger till vänster') if lang.rtl else ''})"
        for lang in planned.languages
    )
    fields = [FieldChange(_("Språk"), "", languages)]
    fields += [
        FieldChange(_("Rubrik (%(code)s)") % {"code": code}, "", text)
        for code, text in planned.title.items()
    ]
    fields.append(FieldChange(_("Ansvarig organisation"), "", organisation.name))
    description = _("Ny undersökning ”%(title)s” för %(municipality)s") % {
        "title": planned.title.get("sv", ""),
        "municipality": organisation.municipality.name,
    }
    return Change("survey", description, fields=fields, payload=planned)


def section_change(section: PlannedSection, number: int) -> Change:
    title = section.title.get("sv") or _("(utan rubrik)")
    kind = (
        _("matris: frågorna delar samma skala")
        if section.kind == Section.Kind.MATRIX
        else _("sida")
    )
    description = _("Avsnitt %(number)s: %(title)s (%(kind)s, %(n)s frågor)") % {
        "number": number,
        "title": title,
        "kind": kind,
        "n": len(section.questions),
    }
    return Change("section", description, row=section.form.row, sheet="survey", payload=section)


def question_change(question: PlannedQuestion, planned: PlannedSurvey) -> Change:
    by_key = {q.key: q for q in planned.questions()}
    fields = [FieldChange(_("Typ"), "", _kind(question))]
    values = question.option_values()
    if values:
        labels = [question.option_label(v) for v in values]
        fields.append(FieldChange(_("Svarsalternativ"), "", "; ".join(labels)))
    limits = question.bank_version.constraints if question.bank_version else question.constraints
    if "min" in limits or "max" in limits:
        fields.append(
            FieldChange(
                _("Gränser"),
                "",
                f"{limits.get('min', '–')} … {limits.get('max', '–')}",
            )
        )
    if question.form.required:
        fields.append(FieldChange(_("Obligatorisk"), "", _("ja")))
    if question.show_if is not None:
        fields.append(FieldChange(_("Visas om"), "", describe(question.show_if, by_key)))
    if question.bank_version is not None:
        source = _("frågebanken: %(version)s, med frågebankens text och svarsalternativ") % {
            "version": question.bank_version
        }
    elif question.bank_note:
        source = _("egen fråga med koden %(code)s (inte frågebankens: %(reason)s)") % {
            "code": question.item_code,
            "reason": question.bank_note,
        }
    else:
        source = _("egen fråga med koden %(code)s") % {"code": question.item_code}
    fields.append(FieldChange(_("Källa"), "", source))
    texts = question.bank_version.wording if question.bank_version else question.wording
    names = [lang.name for lang in planned.languages if texts.get(lang.code)]
    fields.append(FieldChange(_("Text på"), "", ", ".join(names)))
    action = "bank_question" if question.from_bank else "own_question"
    description = f"{question.key}: {question.text()}"
    return Change(action, description, row=question.form.row, sheet="survey", fields=fields)


def _kind(question: PlannedQuestion) -> str:
    label = str(ItemKind(question.kind).label)
    if question.kind == ItemKind.NUMBER and (
        question.form.integer
        or (question.bank_version and question.bank_version.constraints.get("integer"))
    ):
        return _("%(kind)s (heltal)") % {"kind": label}
    return label


def describe(condition: dict, by_key: dict[str, PlannedQuestion]) -> str:
    """A show-if condition in words: ”otrygg_kvall” är ”Går aldrig ut…”."""
    op = condition.get("op")
    if op in ("and", "or"):
        joiner = _(" och ") if op == "and" else _(" eller ")
        parts = [_nested(c, by_key, op) for c in condition["args"]]
        return joiner.join(parts)
    if op == "not":
        return _("inte (%(inner)s)") % {"inner": describe(condition["arg"], by_key)}
    key = condition["q"]
    question = by_key.get(key)

    def label(value: object) -> str:
        return f"”{question.option_label(str(value)) if question else value}”"

    if op == "in":
        return _("%(key)s är %(values)s") % {
            "key": key,
            "values": _(" eller ").join(label(v) for v in condition["values"]),
        }
    if op == "not_in":
        return _("%(key)s är besvarad och inte %(values)s") % {
            "key": key,
            "values": _(" eller ").join(label(v) for v in condition["values"]),
        }
    if op == "selected":
        return _("%(key)s: %(value)s är valt") % {"key": key, "value": label(condition["value"])}
    if op == "answered":
        return _("%(key)s är besvarad") % {"key": key}
    return f"{key} {condition['cmp']} {condition['value']}"


def _nested(condition: dict, by_key: dict[str, PlannedQuestion], parent: str) -> str:
    text = describe(condition, by_key)
    if condition.get("op") in ("and", "or") and condition["op"] != parent:
        return f"({text})"
    return text
