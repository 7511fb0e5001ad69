"""The XLSX workbook of an activity plan: the plan itself (bold, frozen header, widths, dates
as dates, lists to choose from), the instructions, and the lists the choices come from."""

import datetime

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.formulas import neutralise_formula
from promises.models import Commitment, Promise
from promises.spreadsheet.columns import PLAN_COLUMNS, commitment_reference

SHEET = "Aktivitetsplan"
INSTRUCTIONS_SHEET = "Instruktioner"
LISTS_SHEET = "Listor"
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
READ_ONLY_FILL = PatternFill("solid", fgColor="E7E9EC")
DATE_FORMAT = "yyyy-mm-dd"
ROWS_WITH_CHOICES = 2000
INSTRUCTION_WIDTH = 100  # characters
TOP = Alignment(vertical="top")
TOP_RIGHT = Alignment(
    vertical="top", horizontal="right"
)  # data validation reaches this far below the header


def _cell(value: object) -> object:
    return neutralise_formula(value) if isinstance(value, str) else value


def _plan_sheet(sheet: Worksheet, rows: list[list[object]]) -> None:
    sheet.append([c.header for c in PLAN_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for index, column in enumerate(PLAN_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, datetime.date):
                cell.number_format = DATE_FORMAT
            if column.read_only:
                cell.fill = READ_ONLY_FILL
    sheet.freeze_panes = "B2"
    sheet.print_title_rows = "1:1"  # printed in landscape, the header row on every page
    sheet.page_setup.orientation = "landscape"
    sheet.row_dimensions[1].height = 32
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(PLAN_COLUMNS))}{max(len(rows) + 1, 2)}"


def _choices(sheet: Worksheet, key: str, formula: str, prompt: str) -> None:
    index = next(i for i, c in enumerate(PLAN_COLUMNS, start=1) if c.key == key)
    letter = get_column_letter(index)
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.error = _("Välj ett värde ur listan.")
    validation.errorTitle = PLAN_COLUMNS[index - 1].header
    validation.prompt = prompt
    validation.add(f"{letter}2:{letter}{ROWS_WITH_CHOICES}")
    sheet.add_data_validation(validation)


def _list_column(
    book: Workbook, sheet: Worksheet, column: int, name: str, heading: str, values: list[str]
) -> None:
    sheet.cell(row=1, column=column, value=heading).font = Font(bold=True)
    for row, value in enumerate(values, start=2):
        sheet.cell(row=row, column=column, value=_cell(value))
    letter = get_column_letter(column)
    last = max(len(values) + 1, 2)
    book.defined_names[name] = DefinedName(
        name, attr_text=f"'{LISTS_SHEET}'!${letter}$2:${letter}${last}"
    )


def _lists_sheet(
    book: Workbook,
    commitments: list[Commitment],
    organisations: list[str],
    focus_areas: list[str],
    statuses: list[str],
) -> None:
    sheet = book.create_sheet(LISTS_SHEET)
    _list_column(
        book,
        sheet,
        1,
        "Atagandereferenser",
        "Åtagande-ref",
        [commitment_reference(c.pk) for c in commitments],
    )
    sheet.cell(row=1, column=2, value="Åtagande").font = Font(bold=True)
    for row, c in enumerate(commitments, start=2):
        sheet.cell(row=row, column=2, value=_cell(f"{c.giver_label()}: {c.text}"))
    _list_column(book, sheet, 3, "Organisationer", "Ansvarig organisation", organisations)
    _list_column(book, sheet, 4, "Fokusomraden", "Fokusområde", focus_areas)
    _list_column(book, sheet, 5, "Statusar", "Status", statuses)
    for letter, width in zip("ABCDE", (12, 60, 30, 26, 18), strict=True):
        sheet.column_dimensions[letter].width = width


def _fit_height(sheet: Worksheet, row: int, text: str) -> None:
    """Room for wrapped text: spreadsheet programs do not grow a row for it on their own."""
    lines = -(-len(text) // INSTRUCTION_WIDTH)
    sheet.row_dimensions[row].height = 15 * max(lines, 1)


def _instructions_sheet(book: Workbook, title: str) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = INSTRUCTION_WIDTH
    sheet["A1"] = _cell(title)
    sheet["A1"].font = Font(bold=True, size=14)
    lines = [
        _(
            "Ändra i bladet ”Aktivitetsplan” och ladda upp filen på löftets sida under "
            "”Aktivitetsplanen som kalkylblad”. Du får se alla ändringar innan något sparas."
        ),
        _(
            "En rad med referens (A-12) ändrar den aktiviteten. En ny rad utan referens lägger "
            "till en aktivitet. Rader som tas bort ur filen tar inte bort några aktiviteter."
        ),
        _(
            "Ändra inte rubrikraden. Bladet ”Listor” visar åtagandena, organisationerna, "
            "fokusområdena och statusarna som går att välja."
        ),
        _(
            "De grå kolumnerna (Referens och Genomfört hittills) fylls i av plattformen. Skriv "
            "det som har gjorts i kolumnerna för ny lägesrapport."
        ),
        _("Skriv datum som 2025-03-31 eller 31 mars 2025, och ja eller nej där det frågas."),
        _("Om något är fel i filen sparas ingenting, och du får veta rad och kolumn."),
    ]
    for row, line in enumerate(lines, start=3):
        sheet.cell(row=row, column=1, value=f"{row - 2}.").alignment = TOP_RIGHT
        cell = sheet.cell(row=row, column=2, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        _fit_height(sheet, row, line)
    start = len(lines) + 5
    sheet.cell(row=start - 1, column=1, value=_("Kolumn")).font = Font(bold=True)
    sheet.cell(row=start - 1, column=2, value=_("Vad den betyder")).font = Font(bold=True)
    for row, column in enumerate(PLAN_COLUMNS, start=start):
        sheet.cell(row=row, column=1, value=column.header).alignment = TOP
        cell = sheet.cell(row=row, column=2, value=_cell(str(column.help)))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        _fit_height(sheet, row, cell.value)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def plan_workbook(
    promise: Promise,
    *,
    rows: list[list[object]],
    commitments: list[Commitment],
    organisations: list[str],
    focus_areas: list[str],
    statuses: list[str],
    title: str,
) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    _plan_sheet(sheet, rows)
    _choices(sheet, "commitment_ref", "Atagandereferenser", _("Välj åtagandets referens."))
    _choices(sheet, "responsible", "Organisationer", _("Välj en organisation ur listan."))
    _choices(sheet, "focus_area", "Fokusomraden", _("Välj ett fokusområde, eller lämna tomt."))
    _choices(sheet, "status", "Statusar", _("Välj en status."))
    for key in ("counts_people", "progress_public"):
        _choices(sheet, key, '"ja,nej"', _("ja eller nej"))
    _instructions_sheet(book, title)
    _lists_sheet(book, commitments, organisations, focus_areas, statuses)
    book.properties.title = title
    book.properties.creator = "Medborgarlöften"
    return book
