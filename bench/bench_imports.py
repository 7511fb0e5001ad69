"""The shared import machinery (core.imports) on a large JSON file against a bare bulk insert
of the same records, in one run.

57,566 records (as many as the Polisen events file) in gzip-compressed JSON become progress
updates of one activity. The importer reads them through `read_json`, parses each field with
the typed cells, plans one Change per record, checks the idempotency key and applies the plan
in one transaction with `bulk_create` in batches (overriding `apply_changes`, as a large
importer does). The baseline unpacks and parses the same JSON and bulk-inserts the same rows
with no checks. Goal: the importer takes at most twice the baseline's time.
"""

import datetime
import gzip
import json
import time
from collections.abc import Iterator, Sequence

from common import emit, setup_django

setup_django()

from django.db import transaction  # noqa: E402

from core.imports import (  # noqa: E402
    Change,
    Date,
    Importer,
    ImportFile,
    Integer,
    Plan,
    ProgressCallback,
    Text,
    read_json,
)
from core.imports.issues import CellError  # noqa: E402
from promises.models import ProgressUpdate  # noqa: E402
from tests.factories import activity, commitment, make_cast, promise  # noqa: E402

RECORDS = 57_566
BATCH = 2_000


class ProgressRecords(Importer):
    kind = "bench_progress"
    suffixes = (".gz",)
    row_noun = "post"
    fields = {"date": Date(required=True), "text": Text(max_length=5000), "quantity": Integer()}

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        for record in read_json(source):
            values = {}
            for name, parse in self.fields.items():
                try:
                    values[name] = parse(record.value.get(name))
                except CellError as error:
                    plan.errors.add(str(error), row=record.number, column=name)
            yield Change("create", "", record.number, payload=values)

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        for start in range(0, len(changes), BATCH):
            batch = changes[start : start + BATCH]
            ProgressUpdate.objects.bulk_create(
                [ProgressUpdate(activity=self.target, **c.payload) for c in batch]
            )
            if on_progress is not None:
                on_progress(start + len(batch), len(changes))


def content() -> bytes:
    day = datetime.date(2023, 3, 1)
    records = [
        {
            "date": (day + datetime.timedelta(days=i % 800)).isoformat(),
            "text": f"Händelse {i}, Misshandel, Malmö",
            "quantity": i % 5,
        }
        for i in range(RECORDS)
    ]
    return gzip.compress(json.dumps(records, ensure_ascii=False).encode())


def baseline(data: bytes, target: object) -> None:
    with transaction.atomic():
        rows = json.loads(gzip.decompress(data))
        for start in range(0, len(rows), BATCH):
            ProgressUpdate.objects.bulk_create(
                [
                    ProgressUpdate(
                        activity=target,
                        date=datetime.date.fromisoformat(r["date"]),
                        text=r["text"],
                        quantity=r["quantity"],
                    )
                    for r in rows[start : start + BATCH]
                ]
            )


def main() -> None:
    cast = make_cast()
    p = promise([cast.police, cast.tjorn])
    target = activity(commitment(p), cast.tjorn)
    data = content()
    timings = {"baseline": [], "importer": []}
    for _ in range(3):
        ProgressUpdate.objects.all().delete()
        start = time.perf_counter()
        baseline(data, target)
        timings["baseline"].append(time.perf_counter() - start)
        ProgressUpdate.objects.all().delete()
        from core.models import ImportRecord

        ImportRecord.objects.all().delete()
        start = time.perf_counter()
        plan = ProgressRecords(target=target).run(ImportFile.from_bytes("events.json.gz", data))
        timings["importer"].append(time.perf_counter() - start)
        assert plan.record is not None and ProgressUpdate.objects.count() == RECORDS
    base, value = min(timings["baseline"]), min(timings["importer"])
    emit(
        name="import_57566_json_records_s",
        value=round(value, 3),
        unit="s",
        baseline_name="bare_json_parse_and_bulk_insert_s",
        baseline_value=round(base, 3),
        ratio=round(value / base, 2),
        goal="<= 2.0",
        meets=value / base <= 2.0,
    )


main()
