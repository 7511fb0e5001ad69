"""The open-data tables: for each file its name, its documented columns and its rows.

The open-data page, the CSV and JSON files and the DCAT catalogue are all generated from
`TABLES`, so the documentation cannot drift from the files. The rows come from `rows`, which
reads public data only. The English titles and descriptions are for the bilingual catalogue.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _

from public.opendata import rows
from public.opendata.scopes import Scope

INTEGER = _("heltal")
DECIMAL = _("decimaltal")
TEXT = _("text")
DATE = _("datum (ÅÅÅÅ-MM-DD)")
DATETIME = _("tidpunkt (ISO 8601)")
LIST = _("lista (i CSV åtskild med ”; ”)")
CODE = _("kod")
STATE = _("shown, suppressed eller missing")

_STATE_HELP = _(
    "Om värdet visas (shown), är dolt för att det är ett litet antal personer (suppressed) "
    "eller saknas (missing). Noll är ett verkligt värde och visas som 0."
)


@dataclass(frozen=True)
class Column:
    name: str
    description: LazyText | str
    type: LazyText | str


@dataclass(frozen=True)
class Table:
    name: str
    title: LazyText | str
    title_en: str
    description: LazyText | str
    description_en: str
    keywords: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: Callable[[Scope], Iterator[tuple]]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


C = Column
_ID = C("id", _("Radens id, stabilt mellan nedladdningar."), INTEGER)
_PROMISE_ID = C("promise_id", _("Medborgarlöftets id (id i promises)."), INTEGER)

PROMISES = Table(
    name="promises",
    title=_("Medborgarlöften"),
    title_en="Citizen promises",
    description=_(
        "Publicerade medborgarlöften från polisen och kommunerna: parter, period, fokusområden, "
        "mål och underlag."
    ),
    description_en="Published citizen promises by the police and municipalities in Sweden: "
    "parties, period, focus areas, goal and basis.",
    keywords=("medborgarlöfte", "trygghet", "brottsförebyggande", "polisen", "kommun"),
    columns=(
        _ID,
        C("title", _("Löftets rubrik."), TEXT),
        C(
            "status",
            _("published (publicerat), concluded (avslutat) eller replaced (ersatt av nytt)."),
            CODE,
        ),
        C("period_start", _("Löftet gäller från."), DATE),
        C("period_end", _("Löftet gäller till."), DATE),
        C("geography", _("Geografiskt område, t.ex. ”hela kommunen”."), TEXT),
        C("parties", _("Parterna (lokalpolisområde och kommuner) med namn."), LIST),
        C("municipality_codes", _("Kommunkoderna för kommunerna som är parter."), LIST),
        C("police_areas", _("Lokalpolisområdena som är parter."), LIST),
        C("focus_areas", _("Fokusområden."), LIST),
        C("goal", _("Löftets mål."), TEXT),
        C("basis", _("Det här bygger löftet på: lägesbilder, statistik, dialoger."), TEXT),
        C("url", _("Adressen till löftets sida på webbplatsen."), TEXT),
        C("published_at", _("När löftet först publicerades."), DATETIME),
    ),
    rows=rows.promise_rows,
)

COMMITMENTS = Table(
    name="commitments",
    title=_("Åtaganden"),
    title_en="Commitments",
    description=_("Vad parterna lovar att göra i varje medborgarlöfte."),
    description_en="What the parties commit to do in each citizen promise.",
    keywords=("medborgarlöfte", "åtagande"),
    columns=(
        _ID,
        _PROMISE_ID,
        C(
            "given_by",
            _(
                "Vem lovar: police (polisen), municipalities (kommunen eller kommunerna), "
                "together (tillsammans) eller party (en enskild part, se party)."
            ),
            CODE,
        ),
        C("party", _("Parten som lovar, när given_by är party."), TEXT),
        C("text", _("Åtagandet, t.ex. ”genomföra riktade insatser”."), TEXT),
        C("focus_area", _("Fokusområde."), TEXT),
        C("target_quantity", _("Mål (antal), om ett anges."), INTEGER),
        C("unit", _("Vad antalet räknar, t.ex. ”insatser”."), TEXT),
    ),
    rows=rows.commitment_rows,
)

ACTIVITIES = Table(
    name="activities",
    title=_("Aktiviteter"),
    title_en="Activities",
    description=_(
        "Aktivitetsplanerna: vem som gör vad och när, mål och hur mycket som är gjort. "
        "Antal som räknar personer döljs när de är små."
    ),
    description_en="The activity plans: who does what and when, targets and progress. "
    "Small counts of people are suppressed.",
    keywords=("medborgarlöfte", "aktivitetsplan", "aktivitet"),
    columns=(
        _ID,
        C("commitment_id", _("Åtagandets id (id i commitments)."), INTEGER),
        _PROMISE_ID,
        C("title", _("Aktivitetens namn."), TEXT),
        C("description", _("Beskrivning."), TEXT),
        C("responsible_organisation", _("Ansvarig organisation."), TEXT),
        C("responsible_function", _("Ansvarig funktion, t.ex. ”Fältgruppen”."), TEXT),
        C("start", _("Startdatum."), DATE),
        C("end", _("Slutdatum."), DATE),
        C("target", _("Mål (antal). Tomt när det saknas eller är dolt."), INTEGER),
        C("target_state", _STATE_HELP, STATE),
        C("unit", _("Vad antalet räknar, t.ex. ”insatser”."), TEXT),
        C(
            "status",
            _(
                "planned (planerad), ongoing (pågår), done (genomförd), partly (delvis "
                "genomförd), not_done (inte genomförd) eller cancelled (inställd)."
            ),
            CODE,
        ),
        C("done_quantity", _("Antal genomförda hittills. Tomt när det är dolt."), INTEGER),
        C("done_quantity_state", _STATE_HELP, STATE),
    ),
    rows=rows.activity_rows,
)

PROGRESS_UPDATES = Table(
    name="progress_updates",
    title=_("Lägesrapporter"),
    title_en="Progress updates",
    description=_(
        "Publicerade lägesrapporter om aktiviteterna. Bara rapporter som är godkända för "
        "publicering ingår."
    ),
    description_en="Published progress updates on the activities (approved for publication).",
    keywords=("medborgarlöfte", "lägesrapport", "uppföljning"),
    columns=(
        _ID,
        C("activity_id", _("Aktivitetens id (id i activities)."), INTEGER),
        _PROMISE_ID,
        C("date", _("Datum för det som rapporteras."), DATE),
        C("text", _("Vad som gjordes."), TEXT),
        C(
            "quantity",
            _(
                "Antal genomförda enligt rapporten. Alltid tomt (suppressed) när aktiviteten "
                "räknar personer: en enskild rapports antal personer publiceras aldrig."
            ),
            INTEGER,
        ),
        C("quantity_state", _STATE_HELP, STATE),
    ),
    rows=rows.progress_update_rows,
)

FOLLOW_UPS = Table(
    name="follow_ups",
    title=_("Uppföljningar"),
    title_en="Follow-ups",
    description=_("Publicerade uppföljningar av medborgarlöftena, t.ex. av det lokala BRÅ."),
    description_en="Published reviews of the citizen promises, e.g. by the local crime "
    "prevention council.",
    keywords=("medborgarlöfte", "uppföljning", "BRÅ"),
    columns=(
        _ID,
        _PROMISE_ID,
        C("date", _("Datum för uppföljningen."), DATE),
        C("reviewer", _("Vem som följde upp, t.ex. ”BRÅ i Tjörns kommun”."), TEXT),
        C("summary", _("Sammanfattning."), TEXT),
        C("reported_to_council_on", _("När den rapporterades till kommunfullmäktige."), DATE),
    ),
    rows=rows.follow_up_rows,
)

VERDICTS = Table(
    name="verdicts",
    title=_("Bedömningar"),
    title_en="Verdicts",
    description=_("Uppföljningarnas bedömning av varje åtagande, med motivering."),
    description_en="Each follow-up's verdict on each commitment, with the reason.",
    keywords=("medborgarlöfte", "uppföljning", "bedömning"),
    columns=(
        _ID,
        C("follow_up_id", _("Uppföljningens id (id i follow_ups)."), INTEGER),
        C("commitment_id", _("Åtagandets id (id i commitments)."), INTEGER),
        C(
            "verdict",
            _("genomford (genomförd), delvis (delvis genomförd) eller ej_genomford."),
            CODE,
        ),
        C("reason", _("Motivering."), TEXT),
    ),
    rows=rows.verdict_rows,
)

INDICATORS = Table(
    name="indicators",
    title=_("Indikatorer"),
    title_en="Indicators",
    description=_(
        "Mätbara resultat som löftena följs upp med, med källa. Importerad statistik (t.ex. "
        "från Brå, SCB eller Polisen) har källans villkor; källan står i kolumnen source."
    ),
    description_en="Measured outcomes the promises are followed up with, with their source. "
    "Imported statistics (e.g. Brå, SCB, the Police) keep their source's terms.",
    keywords=("medborgarlöfte", "indikator", "statistik"),
    columns=(
        _ID,
        _PROMISE_ID,
        C("name", _("Indikatorns namn."), TEXT),
        C("definition", _("Vad som mäts och hur."), TEXT),
        C("source", _("Källa, t.ex. ”Polisens trygghetsmätning”."), TEXT),
        C("unit", _("Enhet, t.ex. ”%”."), TEXT),
        C("direction", _("up (högre är bättre) eller down (lägre är bättre)."), CODE),
        C("baseline", _("Utgångsvärde."), DECIMAL),
        C("baseline_state", _STATE_HELP, STATE),
        C("baseline_year", _("Året utgångsvärdet gäller."), INTEGER),
        C("target", _("Målvärde."), DECIMAL),
        C("target_state", _STATE_HELP, STATE),
        C("target_year", _("Året målet ska nås."), INTEGER),
    ),
    rows=rows.indicator_rows,
)

MEASUREMENTS = Table(
    name="measurements",
    title=_("Mätvärden"),
    title_en="Measurements",
    description=_("Indikatorernas mätvärden över tid."),
    description_en="The indicators' measured values over time.",
    keywords=("medborgarlöfte", "indikator", "statistik"),
    columns=(
        _ID,
        C("indicator_id", _("Indikatorns id (id i indicators)."), INTEGER),
        C("date", _("Datum för mätningen."), DATE),
        C("value", _("Värdet. Tomt när det är dolt."), DECIMAL),
        C("value_state", _STATE_HELP, STATE),
        C(
            "low",
            _(
                "Nedre gräns för värdets 95-procentiga konfidensintervall (mätvärden från en "
                "trygghetsundersökning). Tomt annars, och när värdet är dolt."
            ),
            DECIMAL,
        ),
        C("high", _("Övre gräns för värdets 95-procentiga konfidensintervall."), DECIMAL),
        C("note", _("Kommentar."), TEXT),
    ),
    rows=rows.measurement_rows,
)

AGREEMENTS = Table(
    name="agreements",
    title=_("Samverkansöverenskommelser"),
    title_en="Cooperation agreements",
    description=_("Publika samverkansöverenskommelser mellan polisen och kommunerna."),
    description_en="Public cooperation agreements between the police and municipalities.",
    keywords=("samverkansöverenskommelse", "polisen", "kommun"),
    columns=(
        _ID,
        C("title", _("Rubrik."), TEXT),
        C("parties", _("Parterna med namn."), LIST),
        C("municipality_codes", _("Kommunkoderna för kommunerna som är parter."), LIST),
        C("purpose", _("Syfte."), TEXT),
        C("problems", _("Problem i fokus."), TEXT),
        C("causes", _("Troliga orsaker."), TEXT),
        C("goals", _("Mål, ett per post."), LIST),
        C("documentation", _("Hur arbetet dokumenteras."), TEXT),
        C("follow_up_plan", _("Hur arbetet följs upp."), TEXT),
        C("signed_on", _("Undertecknad."), DATE),
        C("valid_from", _("Gäller från."), DATE),
        C("valid_until", _("Gäller till. Tomt betyder tills vidare."), DATE),
    ),
    rows=rows.agreement_rows,
)

GOVERNANCE_GROUPS = Table(
    name="governance_groups",
    title=_("Grupper i samverkan"),
    title_en="Governance groups",
    description=_("Styr-, berednings- och arbetsgrupper i överenskommelserna, med roller."),
    description_en="Steering, preparatory and working groups of the agreements, by role.",
    keywords=("samverkansöverenskommelse", "styrgrupp"),
    columns=(
        _ID,
        C("agreement_id", _("Överenskommelsens id (id i agreements)."), INTEGER),
        C("kind", _("styrgrupp, beredningsgrupp eller arbetsgrupp."), CODE),
        C("name", _("Gruppens namn."), TEXT),
        C("task", _("Uppdrag."), TEXT),
        C("members", _("Medlemmarnas roller (inga namn)."), LIST),
    ),
    rows=rows.governance_group_rows,
)

TABLES: tuple[Table, ...] = (
    PROMISES,
    COMMITMENTS,
    ACTIVITIES,
    PROGRESS_UPDATES,
    FOLLOW_UPS,
    VERDICTS,
    INDICATORS,
    MEASUREMENTS,
    AGREEMENTS,
    GOVERNANCE_GROUPS,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
