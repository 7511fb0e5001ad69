"""The columns of the activity plan as a spreadsheet: one row per activity.

The headers are part of the file format and stay Swedish whatever the page's language (a file
goes between organisations); their explanations are translated for the staff page.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import Cell, CellError, cell_text

# Headers (file format, not translated)
REFERENCE = "Referens"
COMMITMENT_REF = "Åtagande-ref"
COMMITMENT = "Åtagande"
TITLE = "Aktivitet"
DESCRIPTION = "Beskrivning"
RESPONSIBLE = "Ansvarig organisation"
FUNCTION = "Ansvarig funktion"
FOCUS_AREA = "Fokusområde"
START = "Start"
END = "Slut"
TARGET = "Mål (antal)"
UNIT = "Enhet"
COUNTS_PEOPLE = "Antalet avser personer"
RESOURCES = "Resurser"
FOLLOW_UP_ON = "Följs upp"
STATUS = "Status"
DONE = "Genomfört hittills"
PROGRESS_QUANTITY = "Ny lägesrapport: antal"
PROGRESS_TEXT = "Ny lägesrapport: text"
PROGRESS_DATE = "Ny lägesrapport: datum"
PROGRESS_PUBLIC = "Ny lägesrapport: visa publikt"

ACTIVITY_PREFIX = "A-"
COMMITMENT_PREFIX = "Å-"


@dataclass(frozen=True)
class PlanColumn:
    key: str
    header: str
    help: LazyText
    width: int = 16  # characters, for the XLSX sheet
    required: bool = True  # must be in the file's header row
    read_only: bool = False  # written by the export, never changes anything


PLAN_COLUMNS = [
    PlanColumn(
        "reference",
        REFERENCE,
        gettext_lazy(
            "Aktivitetens fasta referens, t.ex. A-12. Ändra den inte. Lämna den tom på en ny "
            "rad: då läggs en ny aktivitet till."
        ),
        width=10,
        read_only=True,
    ),
    PlanColumn(
        "commitment_ref",
        COMMITMENT_REF,
        gettext_lazy(
            "Vilket åtagande aktiviteten hör till, t.ex. Å-3. Åtagandena och deras referenser "
            "står på bladet ”Listor” och på löftets sida. Byt referens för att flytta aktiviteten."
        ),
        width=12,
    ),
    PlanColumn(
        "commitment",
        COMMITMENT,
        gettext_lazy(
            "Åtagandets text, för att läsa. När Åtagande-ref är ifylld räknas bara den. Är den "
            "tom, söks åtagandet på sin exakta text."
        ),
        width=40,
    ),
    PlanColumn("title", TITLE, gettext_lazy("Vad som ska göras (högst 200 tecken)."), width=36),
    PlanColumn("description", DESCRIPTION, gettext_lazy("Mer om aktiviteten."), width=40),
    PlanColumn(
        "responsible",
        RESPONSIBLE,
        gettext_lazy(
            "Organisationens namn, precis som på plattformen: en av parterna, det organ som "
            "följer upp löftet, eller en annan organisation i kommunerna."
        ),
        width=28,
    ),
    PlanColumn(
        "responsible_function",
        FUNCTION,
        gettext_lazy("T.ex. ”Fältgruppen” eller ”kommunpolis”. Inga personnamn."),
        width=22,
    ),
    PlanColumn(
        "focus_area",
        FOCUS_AREA,
        gettext_lazy("Ett av löftets fokusområden, eller tomt."),
        width=22,
    ),
    PlanColumn("start", START, gettext_lazy("Startdatum, t.ex. 2025-03-01."), width=12),
    PlanColumn("end", END, gettext_lazy("Slutdatum, inte före start."), width=12),
    PlanColumn(
        "target_quantity",
        TARGET,
        gettext_lazy("Hur många, som ett heltal (0 eller mer), eller tomt."),
        width=11,
    ),
    PlanColumn(
        "unit",
        UNIT,
        gettext_lazy("Vad antalet räknar, t.ex. ”insatser”. Behövs när ett mål är angivet."),
        width=14,
    ),
    PlanColumn(
        "counts_people",
        COUNTS_PEOPLE,
        gettext_lazy(
            "ja om antalet räknar personer: små antal visas då inte publikt (integritetsskydd)."
        ),
        width=12,
    ),
    PlanColumn("resources", RESOURCES, gettext_lazy("Resurser som avsätts."), required=False),
    PlanColumn(
        "follow_up_on",
        FOLLOW_UP_ON,
        gettext_lazy("När aktiviteten ska följas upp (datum), eller tomt."),
        width=12,
        required=False,
    ),
    PlanColumn(
        "status",
        STATUS,
        gettext_lazy(
            "Planerad, Pågår, Genomförd, Delvis genomförd, Inte genomförd eller Inställd. "
            "Tom på en ny rad betyder Planerad."
        ),
        width=16,
    ),
    PlanColumn(
        "done",
        DONE,
        gettext_lazy(
            "Summan av alla lägesrapporter, räknas fram av plattformen. Att ändra den här ändrar "
            "ingenting: skriv i stället det som har gjorts i kolumnerna för en ny lägesrapport."
        ),
        width=12,
        required=False,
        read_only=True,
    ),
    PlanColumn(
        "progress_quantity",
        PROGRESS_QUANTITY,
        gettext_lazy("Hur många som har genomförts sedan förra rapporten; läggs till summan."),
        width=12,
        required=False,
    ),
    PlanColumn(
        "progress_text",
        PROGRESS_TEXT,
        gettext_lazy(
            "Vad som gjordes, var och med vilket resultat. Skriv aldrig namn eller något annat "
            "som kan peka ut en person. En ifylld text lägger till en lägesrapport."
        ),
        width=36,
        required=False,
    ),
    PlanColumn(
        "progress_date",
        PROGRESS_DATE,
        gettext_lazy("När det gjordes; tomt betyder i dag. Inte i framtiden."),
        width=12,
        required=False,
    ),
    PlanColumn(
        "progress_public",
        PROGRESS_PUBLIC,
        gettext_lazy(
            "ja för att visa rapporten för invånarna (en rapportörs text granskas först av en "
            "redaktör); tomt eller nej håller den intern."
        ),
        width=12,
        required=False,
    ),
]
HEADERS = {c.key: c.header for c in PLAN_COLUMNS}
PROGRESS_KEYS = ("progress_quantity", "progress_text", "progress_date", "progress_public")


def activity_reference(pk: int) -> str:
    return f"{ACTIVITY_PREFIX}{pk}"


def commitment_reference(pk: int) -> str:
    return f"{COMMITMENT_PREFIX}{pk}"


class Reference(Cell):
    """A reference such as A-12 (also a-12, A12 or just 12) as its number."""

    def __init__(self, prefix: str, example: str) -> None:
        super().__init__()
        letter = re.escape(prefix.rstrip("-"))
        self.pattern = re.compile(rf"^(?:{letter})?\s*-?\s*(\d+)$", re.IGNORECASE)
        self.example = example

    def parse(self, raw: object) -> int:
        match = self.pattern.match(cell_text(raw))
        if match is None or len(match[1].lstrip("0")) > 18:  # no object has a larger number
            raise CellError(
                _("”%(value)s” är ingen referens. Den ska se ut som %(example)s.")
                % {"value": cell_text(raw), "example": self.example}
            )
        return int(match[1])
