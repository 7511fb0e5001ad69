"""core.imports readers: CSV (BOM, ';' or ','), XLSX (one or several sheets), JSON (plain or
gzip), and files that are not what their name says."""

import datetime
import gzip
import io
import json

import openpyxl
import pytest

from core.imports import FileRefused, ImportFile, Workbook, read_csv, read_json, read_table


def csv_file(text: str, encoding: str = "utf-8") -> ImportFile:
    return ImportFile.from_bytes("plan.csv", text.encode(encoding))


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_csv_with_bom_and_semicolons_as_swedish_excel_writes_it():
    sheet = read_csv(csv_file("\ufeffNamn;Antal\r\nÖckerö;3\r\n\r\nTjörn;4\r\n"))
    assert sheet.header == ("Namn", "Antal")
    rows = list(sheet.rows)
    # The blank line is skipped but keeps its number: Tjörn is on row 4 in Excel too.
    assert [(r.number, r.values) for r in rows] == [(2, ("Öckerö", "3")), (4, ("Tjörn", "4"))]


def test_csv_with_commas_and_a_quoted_cell_over_two_lines_is_one_row():
    sheet = read_csv(csv_file('Namn,Text\nA,"rad ett\nrad två"\nB,x\n'))
    rows = list(sheet.rows)
    assert rows[0].values == ("A", "rad ett\nrad två")
    assert rows[1].number == 3


def test_csv_that_is_not_utf8_is_refused_with_the_line():
    with pytest.raises(FileRefused, match="inte UTF-8-kodad.*rad 2"):
        read_csv(csv_file("Namn\nTjörn\n", encoding="latin-1"))


def test_csv_that_is_really_a_workbook_is_refused():
    source = ImportFile.from_bytes("plan.csv", xlsx_bytes({"Blad1": [["a"]]}))
    with pytest.raises(FileRefused, match="Excel-ark, inte en CSV-fil"):
        read_csv(source)


def test_empty_csv_is_refused():
    with pytest.raises(FileRefused, match="ingen rubrikrad"):
        read_csv(csv_file("\n\n"))


def test_xlsx_first_sheet_keeps_types_and_row_numbers():
    content = xlsx_bytes(
        {"Data": [["Namn", "Datum", "Antal"], ["A", datetime.date(2025, 3, 1), 3], [], ["B"]]}
    )
    sheet = Workbook(ImportFile.from_bytes("x.xlsx", content)).sheet()
    assert sheet.name == "Data" and sheet.header == ("Namn", "Datum", "Antal")
    rows = list(sheet.rows)
    assert rows[0].values == ("A", datetime.datetime(2025, 3, 1), 3)
    assert rows[1].number == 4 and rows[1].sheet == "Data"


def test_xlsx_several_named_sheets_as_an_xlsform_has_them():
    content = xlsx_bytes(
        {"survey": [["type", "name"], ["text", "q1"]], "choices": [["list_name"]], "x": [["a"]]}
    )
    book = Workbook(ImportFile.from_bytes("form.xlsx", content))
    sheets = book.sheets("survey", "choices")
    assert [r.values for r in sheets["survey"].rows] == [("text", "q1")]
    with pytest.raises(FileRefused, match="saknar bladen ”settings”"):
        book.sheets("survey", "settings")


def test_read_table_prefers_the_named_sheet():
    content = xlsx_bytes({"Instruktioner": [["Läs mig"]], "Plan": [["Namn"], ["A"]]})
    sheet = read_table(ImportFile.from_bytes("p.xlsx", content), preferred_sheet="Plan")
    assert sheet.name == "Plan"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Namn;Antal\nA;1\n", "inget Excel-ark"),
        (b"PK\x03\x04 not really a zip", "inget Excel-ark"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old", "gamla Excel-formatet"),
    ],
)
def test_xlsx_that_is_not_a_workbook_is_refused(content, message):
    with pytest.raises(FileRefused, match=message):
        Workbook(ImportFile.from_bytes("plan.xlsx", content))


def test_a_zip_that_is_no_workbook_is_refused():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hej")
    with pytest.raises(FileRefused, match="inget Excel-ark"):
        Workbook(ImportFile.from_bytes("plan.xlsx", buffer.getvalue()))


def test_json_plain_and_gzip_give_numbered_records():
    data = json.dumps([{"id": 1}, {"id": 2}]).encode()
    for content in (data, gzip.compress(data)):
        records = list(read_json(ImportFile.from_bytes("events.json.gz", content)))
        assert [(r.number, r.value["id"]) for r in records] == [(1, 1), (2, 2)]


def test_json_list_under_a_key_and_broken_json():
    source = ImportFile.from_bytes("e.json", b'{"events": [{"id": 5}]}')
    assert [r.value for r in read_json(source, list_key="events")] == [{"id": 5}]
    with pytest.raises(FileRefused, match=r"inte giltig JSON \(rad 2"):
        list(read_json(ImportFile.from_bytes("e.json", b'[\n{"id": }]')))
    with pytest.raises(FileRefused, match="en lista"):
        list(read_json(ImportFile.from_bytes("e.json", b'{"id": 1}')))


def test_gzip_that_unpacks_beyond_the_limit_is_refused(settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1000
    content = gzip.compress(b"[" + b" " * 5000 + b"]")
    with pytest.raises(FileRefused, match="uppackade filen är större"):
        list(read_json(ImportFile.from_bytes("e.json.gz", content)))


def test_size_limit_is_checked_before_reading(tmp_path, settings):
    big = tmp_path / "plan.csv"
    with big.open("wb") as f:
        f.truncate(50 * 2**20)  # 50 MB, sparse: nothing is read
    with pytest.raises(FileRefused, match="för stor"):
        ImportFile.from_path(big)
    settings.IMPORT_MAX_BYTES = 10
    with pytest.raises(FileRefused, match="för stor"):
        ImportFile.from_bytes("x.csv", b"x" * 11)


def test_missing_file_is_refused_plainly(tmp_path):
    with pytest.raises(FileRefused, match="kan inte öppnas"):
        ImportFile.from_path(tmp_path / "nope.csv")


def test_sha256_is_of_the_content_not_the_name():
    a = ImportFile.from_bytes("a.csv", b"x")
    b = ImportFile.from_bytes("b.csv", b"x")
    assert a.sha256 == b.sha256 != ImportFile.from_bytes("a.csv", b"y").sha256


def _is_scb_header(cells):
    return "region" in [c.casefold() for c in cells]


def test_a_title_above_the_header_is_skipped_when_the_header_is_described():
    text = (
        '"Folkmängden efter region, ålder och kön"\n\n'
        '"region";"ålder";"kön";"2024"\n"1419 Tjörn";"16 år";"män";"95"\n'
    )
    sheet = read_csv(csv_file(text), header_where=_is_scb_header)
    assert sheet.header == ("region", "ålder", "kön", "2024") and sheet.header_row == 3
    assert [(r.number, r.values) for r in sheet.rows] == [(4, ("1419 Tjörn", "16 år", "män", "95"))]


def test_without_a_matching_row_the_first_row_stays_the_header():
    text = "Namn;Antal\nA;1\n"
    sheet = read_csv(csv_file(text), header_where=_is_scb_header)
    assert sheet.header == ("Namn", "Antal") and [r.number for r in sheet.rows] == [2]


def test_the_delimiter_is_taken_from_the_header_not_a_quoted_title():
    text = '"Titel, med komma"\n"a";"b"\n"1";"2,5"\n'
    sheet = read_csv(csv_file(text), header_where=lambda cells: "a" in cells)
    assert sheet.header == ("a", "b") and [r.values for r in sheet.rows] == [("1", "2,5")]


def test_workbook_finds_a_sheet_whatever_its_case():
    content = xlsx_bytes({"Survey": [["type"]], "choices": [["list_name"]]})
    book = Workbook(ImportFile.from_bytes("form.xlsx", content))
    assert book.find("survey") == "Survey" and book.find(" CHOICES ") == "choices"
    assert book.find("settings") is None


def test_an_unquoted_title_with_commas_does_not_decide_the_delimiter():
    text = "Folkmängden efter region, ålder och kön\n\nregion;ålder;2024\n1419 Tjörn;16 år;95\n"
    sheet = read_csv(csv_file(text), header_where=_is_scb_header)
    assert sheet.header == ("region", "ålder", "2024")
    assert [r.values for r in sheet.rows] == [("1419 Tjörn", "16 år", "95")]
