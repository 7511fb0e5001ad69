"""core.imports cell parsers and header matching."""

import datetime

import pytest

from core.formulas import neutralise_formula, restore_formula
from core.imports import (
    CellError,
    Choice,
    Column,
    ColumnMap,
    Date,
    ImportFile,
    Integer,
    IssueList,
    Lookup,
    Text,
    YesNo,
    column_letter,
    read_csv,
)

D = datetime.date


@pytest.mark.parametrize(
    "raw",
    [
        "2025-03-31",
        "31 mars 2025",
        "31 Mar 2025",
        "31 mar. 2025",
        "31/3/2025",
        "31.03.2025",
        "20250331",
        "2025-03-31 00:00:00",
        datetime.datetime(2025, 3, 31),
        D(2025, 3, 31),
    ],
)
def test_dates_in_iso_and_swedish_forms(raw):
    assert Date()(raw) == D(2025, 3, 31)


@pytest.mark.parametrize("raw", ["2025-02-30", "31 mars", "snart", "3/31/2025", 45000])
def test_what_is_not_a_date(raw):
    with pytest.raises(CellError, match="inget datum"):
        Date()(raw)


def test_required_and_empty():
    assert Date()("") is None
    assert Text()(None) == ""
    with pytest.raises(CellError, match="får inte vara tomt"):
        Date(required=True)("  ")


@pytest.mark.parametrize(("raw", "value"), [("12", 12), (12, 12), (12.0, 12), ("1 000", 1000)])
def test_integers(raw, value):
    assert Integer()(raw) == value


@pytest.mark.parametrize(
    ("raw", "message"),
    [("-3", "negativt"), (-1, "negativt"), ("1,5", "inget heltal"), (1.5, "inget heltal")],
)
def test_what_is_not_a_count(raw, message):
    with pytest.raises(CellError, match=message):
        Integer()(raw)


def test_integer_upper_bound():
    with pytest.raises(CellError, match="högst 10"):
        Integer(max_value=10)("11")


def test_text_max_length_line_ends_and_formula_restored():
    assert Text()("a\r\nb") == "a\nb"
    assert Text()(neutralise_formula("=1+1")) == "=1+1"
    with pytest.raises(CellError, match="4 tecken, men högst 3"):
        Text(max_length=3)("abcd")


@pytest.mark.parametrize(
    "text", ["=SUM(A1)", "+46", "-", "@x", "\tx", "'=x", "''", "'hej", "hej", "", "'"]
)
def test_formula_neutralising_is_undone_exactly(text):
    assert restore_formula(neutralise_formula(text)) == text
    assert not neutralise_formula(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_yes_no():
    assert YesNo()("Ja") is True and YesNo()("nej") is False and YesNo()("") is False
    assert YesNo(default=True)("") is True and YesNo()(True) is True
    with pytest.raises(CellError, match="ja eller nej"):
        YesNo()("kanske")


def test_choice_by_label_or_value_whatever_the_case():
    status = Choice([("planned", "Planerad"), ("ongoing", "Pågår")])
    assert status(" pågår ") == "ongoing" and status("planned") == "planned"
    with pytest.raises(CellError, match="Okänt värde ”Klar”. Välj ett av: Planerad, Pågår"):
        status("Klar")


def test_lookup_by_name():
    orgs = Lookup({"Tjörns kommun": 1, "LPO Södra Fyrbodal": 2}, unknown="Okänd: %(value)s")
    assert orgs("tjörns  KOMMUN") == 1
    with pytest.raises(CellError, match="Okänd: Orust"):
        orgs("Orust")


COLUMNS = [
    Column("name", "Namn", Text(required=True)),
    Column("count", "Antal", Integer()),
    Column("note", "Anteckning", required=False),
]


def sheet(text):
    return read_csv(ImportFile.from_bytes("x.csv", text.encode()))


def test_headers_match_without_case_or_spacing():
    s = sheet(" namn ;ANTAL\nA;3\n")
    errors = IssueList()
    columns = ColumnMap(s, COLUMNS, errors)
    assert columns.ok and not columns.has("note")
    assert columns.parse(next(s.rows), errors) == {"name": "A", "count": 3}


def test_missing_unknown_and_duplicate_columns_are_each_named():
    errors = IssueList()
    columns = ColumnMap(sheet("Namn;Namn;Antl\n"), COLUMNS, errors)
    assert not columns.ok
    assert [(e.row, e.column, e.message) for e in errors] == [
        (1, "Namn", "Kolumnen finns två gånger i rubrikraden."),
        (1, "Antl", "Okänd kolumn. Kontrollera stavningen i rubrikraden."),
        (1, "Antal", "Kolumnen saknas i rubrikraden."),
    ]


def test_every_bad_cell_of_a_row_is_reported_with_row_and_column():
    s = sheet("Namn;Antal\n;-2\nB;x;extra\n")
    errors = IssueList()
    columns = ColumnMap(s, COLUMNS, errors)
    assert [columns.parse(r, errors) for r in s.rows] == [None, None]
    assert [str(e) for e in errors] == [
        "Rad 2, kolumn ”Namn”: Fältet får inte vara tomt.",
        "Rad 2, kolumn ”Antal”: Antalet kan inte vara negativt.",
        "Rad 3, kolumn ”C”: Cellen står i en kolumn utan rubrik och skulle inte läsas in.",
        "Rad 3, kolumn ”Antal”: ”x” är inget heltal. Skriv ett heltal, till exempel 12.",
    ]


def test_issue_list_stops_at_its_cap():
    from core.imports import TooManyIssues

    errors = IssueList(cap=2)
    errors.add("a", row=1)
    errors.add("b", row=2)
    with pytest.raises(TooManyIssues):
        errors.add("c", row=3)
    assert errors.truncated and len(errors) == 2


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_markers_keep_missing_suppressed_and_zero_apart():
    from core.imports import WithMarkers

    count = WithMarkers(Integer(), {"..": "missing", "XX": "suppressed", ".": "not_computable"})
    assert [count(v) for v in ["..", "xx", ".", "0", "12"]] == [
        "missing",
        "suppressed",
        "not_computable",
        0,
        12,
    ]
    with pytest.raises(CellError, match="inget heltal"):
        count("...")
