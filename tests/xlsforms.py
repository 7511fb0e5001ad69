"""XLSForm test files built with openpyxl, and pyxform (the reference parser) to read them."""

import io

import openpyxl
from pyxform.xls2xform import convert

from core.imports import ImportFile

SV, EN, AR = "label::Svenska (sv)", "label::English (en)", "label::Arabic (ar)"
HEADER = [
    "type",
    "name",
    SV,
    EN,
    AR,
    "hint::Svenska (sv)",
    "required",
    "relevant",
    "appearance",
    "constraint",
]


def q(
    type_,
    name="",
    sv="",
    en="",
    ar="",
    hint="",
    required="",
    relevant="",
    appearance="",
    constraint="",
):
    return [type_, name, sv, en, ar, hint, required, relevant, appearance, constraint]


def workbook(survey, choices=None, settings=None, survey_header=HEADER, choices_header=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(survey_header)
    for row in survey:
        sheet.append(row)
    if choices is not None:
        sheet = book.create_sheet("choices")
        sheet.append(choices_header or ["list_name", "name", SV, EN, AR])
        for row in choices:
            sheet.append(row)
    if settings is not None:
        sheet = book.create_sheet("settings")
        for row in settings:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SAFETY = [
    ["safety", "mycket_trygg", "Mycket trygg", "Very safe", "آمن جدًا"],
    ["safety", "ganska_trygg", "Ganska trygg", "Fairly safe", "آمن إلى حد ما"],
    ["safety", "ganska_otrygg", "Ganska otrygg", "Fairly unsafe", "غير آمن إلى حد ما"],
    ["safety", "mycket_otrygg", "Mycket otrygg", "Very unsafe", "غير آمن على الإطلاق"],
    ["safety", "gar_aldrig_ut", "Går aldrig ut ensam sent på kvällen", "Never go out", "لا أخرج"],
    ["safety", "vet_ej", "Vet ej", "Don't know", "لا أعرف"],
]
YES_NO = [["ja_nej", "ja", "Ja", "Yes", "نعم"], ["ja_nej", "nej", "Nej", "No", "لا"]]
PROBLEM = [
    [
        "problem",
        "mycket_stort",
        "Ett mycket stort problem",
        "A very big problem",
        "مشكلة كبيرة جدًا",
    ],
    ["problem", "ganska_stort", "Ett ganska stort problem", "A fairly big problem", "كبيرة"],
    ["problem", "ganska_litet", "Ett ganska litet problem", "A fairly small problem", "صغيرة"],
    ["problem", "inget", "Inget problem alls", "No problem at all", "ليست مشكلة"],
    ["problem", "vet_ej", "Vet ej", "Don't know", "لا أعرف"],
]
REASONS = [
    ["skal", "morkt", "Det är mörkt", "It is dark", "مظلم"],
    ["skal", "folk", "Personer som stör", "People who disturb", "أشخاص"],
    ["skal", "annat", "Annat", "Other", "آخر"],
]

VALID_SURVEY = [
    q("start", "start"),
    q("begin_group", "trygghet", "Trygghet", "Safety", "الأمان"),
    q(
        "select_one safety",
        "otrygg_kvall",
        "Hur trygg känner du dig ute sent?",
        "How safe?",
        "ما مدى؟",
        hint="Tänk på ditt bostadsområde.",
        required="yes",
    ),
    q(
        "select_one ja_nej",
        "otrygg_kvall_orsak",
        "Är det för att du känner dig otrygg?",
        "Is it because?",
        "هل؟",
        relevant="${otrygg_kvall} = 'gar_aldrig_ut'",
    ),
    q(
        "select_multiple skal",
        "skal",
        "Varför känner du dig otrygg?",
        "Why?",
        "لماذا؟",
        relevant="${otrygg_kvall} = 'ganska_otrygg' or ${otrygg_kvall} = 'mycket_otrygg'",
    ),
    q(
        "text",
        "skal_annat",
        "Vad annat?",
        "What else?",
        "ماذا؟",
        relevant="selected(${skal}, 'annat')",
        constraint="string-length(.) <= 500",
    ),
    q("end_group"),
    q("begin_group", "problem", "Problem i området", "Problems", "مشاكل", appearance="table-list"),
    q("select_one problem", "problem_klotter", "Klotter", "Graffiti", "الكتابة"),
    q("select_one problem", "problem_belysning", "Dålig belysning", "Poor lighting", "الإنارة"),
    q("select_one problem", "problem_hundbajs", "Hundbajs", "Dog mess", "فضلات"),
    q("end_group"),
    q(
        "integer",
        "antal_ar",
        "Hur många år har du bott här?",
        "How many years?",
        "كم سنة؟",
        constraint=". >= 0 and . <= 100",
    ),
    q(
        "decimal",
        "avstand",
        "Hur långt är det till närmaste busshållplats (km)?",
        "How far (km)?",
        "كم؟",
        relevant="${antal_ar} >= 1 and (${otrygg_kvall} != 'vet_ej')",
    ),
    q("geopoint", "otrygg_plats", "Var känner du dig otrygg?", "Where?", "أين؟", required="TRUE()"),
    q("note", "tack", "Tack för dina svar!", "Thank you!", "شكرا!"),
]
VALID_CHOICES = SAFETY + YES_NO + REASONS + PROBLEM
VALID_SETTINGS = [
    ["form_title", "form_id", "default_language"],
    ["Trygghetsmätning Tjörn", "trygg_tjorn", "Svenska (sv)"],
]


def valid_form() -> bytes:
    return workbook(VALID_SURVEY, VALID_CHOICES, VALID_SETTINGS)


def form_file(content: bytes, name: str = "trygghet.xlsx") -> ImportFile:
    return ImportFile.from_bytes(name, content)


def pyxform_json(content: bytes) -> dict:
    """The form as pyxform reads it (raises on any error pyxform finds)."""
    return convert(xlsform=io.BytesIO(content), warnings=[])._pyxform


def pyxform_questions(content: bytes) -> dict[str, dict]:
    """pyxform's questions by name (groups flattened; the metadata group left out)."""
    found: dict[str, dict] = {}

    def walk(children: list[dict], group_relevant: str = "") -> None:
        for child in children:
            if child.get("type") == "group":
                if child.get("name") != "meta":
                    walk(child.get("children", []), child.get("bind", {}).get("relevant", ""))
            else:
                found[child["name"]] = {**child, "group_relevant": group_relevant}

    walk(pyxform_json(content)["children"])
    return found


BROKEN_FOR_COMMAND = [
    q("begin_repeat", "barn", "Barn", "Children", "أطفال"),
    q("integer", "alder_barn", "Ålder", "Age", "عمر"),
    q("end_repeat"),
]
