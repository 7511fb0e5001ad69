"""Answers collected by another system, one row per respondent and one column per question
(named by the question's key, the item code), checked by surveys.validation.clean_answers
exactly as the web form checks them and stored through services.submit_response with mode
"imported". All or nothing; the same file is never imported twice into a wave."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from core.imports import (
    Change,
    Importer,
    ImportFile,
    Plan,
    Text,
    cell_text,
    normalise_key,
    read_table,
)
from core.imports.plan import ProgressCallback
from core.imports.readers import Sheet, SourceRow
from organisations.auditlog import record
from organisations.models import Area
from surveys.imports.xlsform.structure import METADATA
from surveys.models import ItemKind, ItemVersion, Question, Response, Wave, WaveStatus
from surveys.questionnaire import spec_for, survey_questions
from surveys.services import submit_response
from surveys.validation import clean_answers

AREA_COLUMN = "omrade"
# Filled in by a data collection tool, never stored: the platform keeps no times finer than the
# day and nothing about the device (DOMAIN.md §7). The XLSForm metadata types are also the
# columns ODK and KoboToolbox export them as; the others are the exports' own.
TOOL_COLUMNS = METADATA | {
    "instanceid",
    "meta/instanceid",
    "submissiondate",
    "submitterid",
    "submittername",
}
PERSONAL_COLUMNS = {
    "namn",
    "name",
    "förnamn",
    "efternamn",
    "e-post",
    "epost",
    "email",
    "e-mail",
    "personnummer",
    "telefon",
    "telefonnummer",
    "phone",
    "mobil",
    "adress",
    "address",
    "ip",
    "ip-adress",
}


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    key: str  # a question key, or AREA_COLUMN for the respondent's area


@dataclass
class ImportedResponse:
    answers: dict
    area: Area | None


def wave_questions(wave: Wave) -> list[Question]:
    """The wave's questions in the versions it asks: frozen when the wave opened."""
    questions = survey_questions(wave.survey)
    frozen = wave.question_versions or {}
    if not frozen:
        return questions
    versions = ItemVersion.objects.select_related("item").in_bulk(list(frozen.values()))
    asked = []
    for question in questions:
        if question.key in frozen and frozen[question.key] in versions:
            question.item_version = versions[frozen[question.key]]
            asked.append(question)
    return asked


class AnswersImporter(Importer):
    kind = "survey_answers"

    def __init__(
        self, *, wave: Wave, representative: bool, user: AbstractBaseUser | None = None
    ) -> None:
        super().__init__(target=wave, user=user)
        self.wave = wave
        self.representative = representative
        self.stored = 0

    # Planning

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        if self.wave.status != WaveStatus.OPEN:
            plan.errors.refuse(
                _(
                    "Svar kan bara läsas in medan omgången är öppen (den här är ”%(status)s”): då "
                    "är frågornas versioner låsta, och resultaten räknas när den stängs."
                )
                % {"status": self.wave.get_status_display()}
            )
            return
        sheet = read_table(source)
        self.areas = list(Area.objects.of_municipality(self.wave.survey.municipality_id))
        questions = wave_questions(self.wave)
        area_codes = tuple(a.code for a in self.areas)
        self.specs = [spec_for(q, area_codes) for q in questions]
        self.versions = {q.key: q.item_version for q in questions}
        columns = self.columns(sheet, plan)
        if plan.errors:
            return
        dropped: list[tuple[int, str]] = []
        for row in sheet.rows:
            response = self.response(row, columns, plan, dropped)
            if response is not None:
                yield Change(
                    "response",
                    self.describe(response),
                    row=row.number,
                    sheet=row.sheet,
                    payload=response,
                )
        if dropped:
            row, header = dropped[0]
            plan.notes.add(
                _(
                    "%(n)s svar gäller frågor som inte skulle ställas till den svarande (frågans "
                    "visas-om-villkor gällde inte) och läses inte in, precis som i webbenkäten; "
                    "det första på rad %(row)s, kolumn ”%(column)s”."
                )
                % {"n": len(dropped), "row": row, "column": header}
            )

    def columns(self, sheet: Sheet, plan: Plan) -> list[Column]:
        keys = {spec.key for spec in self.specs}
        found: dict[str, Column] = {}
        skipped: list[str] = []
        where = {"row": sheet.header_row, "sheet": sheet.name}
        for index, header in enumerate(sheet.header):
            name = normalise_key(header).rsplit("/", 1)[-1]  # "grupp/fraga" from a form tool
            if not header:
                continue
            if name in PERSONAL_COLUMNS:
                plan.errors.add(
                    _(
                        "Kolumnen ser ut att innehålla personuppgifter. Svaren är anonyma: ta bort "
                        "kolumnen ur filen."
                    ),
                    column=header,
                    **where,
                )
            elif name in TOOL_COLUMNS or name.startswith("_"):
                skipped.append(header)
            elif name not in keys and name != AREA_COLUMN:
                plan.errors.add(
                    _(
                        "Okänd kolumn: ingen fråga i omgången har nyckeln ”%(key)s”. Kolumnerna "
                        "ska heta som frågornas nycklar: %(keys)s (och omrade för områdets kod)."
                    )
                    % {
                        "key": name,
                        "keys": ", ".join(s.key for s in self.specs if s.kind != ItemKind.NOTE),
                    },
                    column=header,
                    **where,
                )
            elif name in found:
                plan.errors.add(
                    _("Kolumnen finns två gånger i rubrikraden."), column=header, **where
                )
            else:
                found[name] = Column(index, header, name)
        if skipped:
            plan.notes.add(
                _(
                    "Kolumnerna %(names)s kommer från insamlingsverktyget och läses inte in: "
                    "plattformen sparar ingen tid finare än dagen och inget om enheten."
                )
                % {"names": ", ".join(f"”{h}”" for h in skipped)}
            )
        missing = [s.key for s in self.specs if s.kind != ItemKind.NOTE and s.key not in found]
        if missing and found:
            plan.notes.add(
                _("Filen har inga kolumner för %(keys)s; de frågorna lämnas obesvarade.")
                % {"keys": ", ".join(missing)}
            )
        if not any(c.key != AREA_COLUMN for c in found.values()) and not plan.errors:
            plan.errors.add(_("Filen har ingen kolumn för någon av omgångens frågor."), **where)
        return list(found.values())

    def response(
        self, row: SourceRow, columns: list[Column], plan: Plan, dropped: list[tuple[int, str]]
    ) -> ImportedResponse | None:
        raw: dict[str, list[str]] = {}
        headers = {}
        area = None
        problems = len(plan.errors)
        for column in columns:
            value = row.values[column.index] if column.index < len(row.values) else None
            headers[column.key] = column.header
            if column.key == AREA_COLUMN and AREA_COLUMN not in self.versions:
                area = self.area(value, row, column, plan)
            if column.key in self.versions:
                raw[column.key] = self.raw_values(column.key, value)
        cleaned = clean_answers(self.specs, raw)
        for key, message in cleaned.errors.items():
            plan.errors.add(
                self.explained(key, message, raw.get(key, [])),
                row=row.number,
                column=headers.get(key, key),
                sheet=row.sheet,
            )
        for key, values in raw.items():
            if values and key not in cleaned.shown:
                dropped.append((row.number, headers[key]))
        if len(plan.errors) > problems:
            return None
        if area is None and isinstance(cleaned.answers.get(AREA_COLUMN), str):
            area = next((a for a in self.areas if a.code == cleaned.answers[AREA_COLUMN]), None)
        return ImportedResponse(cleaned.answers, area)

    def area(self, value: object, row: SourceRow, column: Column, plan: Plan) -> Area | None:
        text = normalise_key(cell_text(value))
        if not text:
            return None
        for area in self.areas:
            if text in (normalise_key(area.code), normalise_key(area.name)):
                return area
        plan.errors.add(
            self.unknown_area(cell_text(value)),
            row=row.number,
            column=column.header,
            sheet=row.sheet,
        )
        return None

    def unknown_area(self, value: str) -> str:
        return _("Okänt område ”%(value)s”. Områdena är: %(areas)s.") % {
            "value": value,
            "areas": ", ".join(f"{a.code} ({a.name})" for a in self.areas)
            or _("inga – lägg till dem i byggaren"),
        }

    def raw_values(self, key: str, value: object) -> list[str]:
        """The cell as the web form would post it: choices by value (a Swedish label is turned
        into its value), several choices split on ";", an area by its code."""
        text = Text()(value)
        if not text:
            return []
        version = self.versions[key]
        kind = version.item.kind
        if kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            return self.choice_values(version, text, multiple=kind == ItemKind.MULTIPLE)
        if kind == ItemKind.AREA:
            return [self.area_code(text)]
        return [text]

    def choice_values(self, version: ItemVersion, text: str, *, multiple: bool) -> list[str]:
        by_key = {}
        for option in version.options:
            by_key[normalise_key(option["value"])] = option["value"]
            by_key[normalise_key(option["label"].get("sv", ""))] = option["value"]
        whole = by_key.get(normalise_key(text))
        if whole is not None:
            return [whole]
        parts = [p for p in text.split(";") if p.strip()]
        if multiple and len(parts) == 1 and all(normalise_key(w) in by_key for w in text.split()):
            parts = text.split()  # space-separated, as ODK and KoboToolbox export them
        return [by_key.get(normalise_key(p), p.strip()) for p in parts]

    def area_code(self, text: str) -> str:
        key = normalise_key(text)
        for area in self.areas:
            if key in (normalise_key(area.code), normalise_key(area.name)):
                return area.code
        return text

    def explained(self, key: str, message: str, values: list[str]) -> str:
        """The web form's message, with the choices listed where a file needs them."""
        version = self.versions.get(key)
        if version is None:
            return message
        if version.item.kind == ItemKind.AREA and values:
            return self.unknown_area(values[0])
        if version.item.kind == ItemKind.POINT:
            return _(
                "”%(value)s” är ingen plats i Sverige. Skriv latitud och longitud i WGS84 med "
                "kommatecken emellan, t.ex. 57.96,11.55, eller ett områdes kod."
            ) % {"value": values[0] if values else ""}
        if version.item.kind not in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            return message
        if message != _("Välj bland svarsalternativen."):
            return message
        options = ", ".join(f"{o['value']} ({o['label'].get('sv', '')})" for o in version.options)
        return _("Okänt svarsalternativ. Skriv värdet eller den svenska texten: %(options)s.") % {
            "options": options
        }

    def describe(self, response: ImportedResponse) -> str:
        where = response.area.name if response.area else _("inget område")
        return _("Svar med %(n)s besvarade frågor (%(area)s)") % {
            "n": len(response.answers),
            "area": where,
        }

    # Applying

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        total = len(changes)
        for done, change in enumerate(changes, start=1):
            response: ImportedResponse = change.payload
            submit_response(
                wave=self.wave,
                answers=response.answers,
                mode=Response.Mode.IMPORTED,
                area_id=response.area.pk if response.area else None,
                representative=self.representative,
            )
            if on_progress is not None:
                on_progress(done, total)
        self.stored = total
        record(
            actor=self.user,
            action="wave.answers_imported",
            obj=self.wave,
            parties=[self.wave.survey.organisation_id],
            after={
                "responses": total,
                "representative": self.representative,
                "file": self.source_name,
            },
        )


def answers_summary(plan: Plan, wave: Wave) -> dict:
    """For the preview: responses per area and answers per question."""
    per_area: dict[str, int] = {}
    per_question: dict[str, int] = {}
    for change in plan.changes:
        response: ImportedResponse = change.payload
        name = response.area.name if response.area else _("Inget område")
        per_area[name] = per_area.get(name, 0) + 1
        for key in response.answers:
            per_question[key] = per_question.get(key, 0) + 1
    keys = [q.key for q in wave_questions(wave) if q.item_version.item.kind != ItemKind.NOTE]
    return {
        "total": len(plan.changes),
        "areas": sorted(per_area.items()),
        "questions": [(key, per_question.get(key, 0)) for key in keys],
    }
