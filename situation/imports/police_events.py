"""Polisen's event notices in the API's own JSON format (plain or gzip), with every quirk of
DOMAIN.md §6:

- `datetime` is the publication time and its hour is not zero-padded ("2025-06-07 6:38:18
  +02:00"); the occurrence is in `name` ("07 juni 06.32, Misshandel, Malmö"; older notices
  write "10:14"), without a year, which is taken from the publication;
- `url` was absolute in older data and is relative now: both are stored absolute;
- `location.name` is a municipality or, more and more, a county ("Västra Götalands län"): then
  the municipality is taken from the last part of `name` when it names one, else the event is
  kept for the county but not placed in a municipality;
- types may contain a comma ("Trafikolycka, personskada"); types starting with "Sammanfattning"
  summarise many events and are flagged so that no count takes them as one; unknown types are
  kept as they are;
- `gps` is the centre of the municipality or county, stored as given, never as the place.

Idempotent by the police's id: an event already stored is counted and left as it is.
"""

import datetime
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    CellError,
    Change,
    Importer,
    ImportFile,
    JsonRecord,
    Plan,
    ProgressCallback,
    normalise_key,
    read_json,
)
from core.imports.cells import MONTHS
from core.models import ImportRecord
from organisations.access import access_for
from organisations.auditlog import record
from organisations.models import County, Municipality, Role
from situation.models import PoliceEvent

POLICE_SITE = "https://polisen.se"
BATCH = 2_000
MAX_ID = 2**63 - 1  # the largest id the database's bigint holds
PUBLISHED = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?"
    r" ?(?:([+-])(\d{1,2}):?(\d{2})|Z)?$"
)
OCCURRED = re.compile(r"^(\d{1,2}) ([a-zåäö]+) (\d{1,2})[.:](\d{2}), (.*)$", re.IGNORECASE)
FIELDS = ("id", "datetime", "name", "summary", "url", "type", "location")
SUMMARY_PREFIX = "sammanfattning"
UPDATED_FIELDS = (
    "published_at",
    "occurred_on",
    "occurred_time",
    "name",
    "summary",
    "url",
    "type",
    "is_summary",
    "location_name",
    "municipality",
    "county",
    "latitude",
    "longitude",
    "raw",
)


def parse_published(text: object) -> datetime.datetime:
    match = PUBLISHED.match(str(text).strip()) if isinstance(text, str) else None
    if match is None:
        raise CellError(
            _("Tiden ska skrivas som i polisens API, t.ex. ”2025-06-07 6:38:18 +02:00”.")
        )
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
    sign, off_hours, off_minutes = match.groups()[6:]
    offset = datetime.timedelta(hours=int(off_hours or 0), minutes=int(off_minutes or 0))
    try:
        zone = datetime.timezone(-offset if sign == "-" else offset)  # within ±24 hours
        return datetime.datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError as error:
        raise CellError(_("Tiden finns inte: %(text)s.") % {"text": text}) from error


@dataclass(frozen=True)
class Occurrence:
    on: datetime.date
    time: datetime.time
    rest: str  # "Typ, Plats"


def parse_occurrence(name: str, published: datetime.datetime) -> Occurrence:
    """The day and time at the start of the name; the year is the publication's, or the one
    before when the day would otherwise lie after the publication (published on 1 January
    about 31 December)."""
    match = OCCURRED.match(name.strip())
    month = MONTHS.get(match.group(2).casefold()) if match else None
    if match is None or month is None:
        raise CellError(
            _(
                "Rubriken ska börja med dag, månad och klockslag, t.ex. ”07 juni 06.32, "
                "Misshandel, Malmö”."
            )
        )
    day, hour, minute = int(match.group(1)), int(match.group(3)), int(match.group(4))
    try:
        time = datetime.time(hour, minute)
    except ValueError as error:
        raise CellError(_("Klockslaget i rubriken finns inte.")) from error
    published_on = published.date()
    for year in (published_on.year, published_on.year - 1):
        try:
            on = datetime.date(year, month, day)
        except ValueError:
            continue
        if (on - published_on).days <= 1:  # no overflow on 31 December 9999
            return Occurrence(on=on, time=time, rest=match.group(5))
    raise CellError(_("Dagen i rubriken finns inte: %(name)s.") % {"name": name})


def place_in_name(rest: str, event_type: str) -> str:
    """The last part of the name: what follows the type (which may hold commas itself)."""
    prefix = f"{event_type}, "
    if rest.startswith(prefix):
        return rest[len(prefix) :].strip()
    return rest.rsplit(",", 1)[-1].strip() if "," in rest else ""


def absolute_url(url: object) -> str:
    text = url.strip() if isinstance(url, str) else ""
    if text.startswith("/"):
        return POLICE_SITE + text
    if text.startswith(("https://", "http://")):
        return text
    raise CellError(_("Länken ska vara en adress på polisen.se, t.ex. ”/aktuellt/handelser/…”."))


def parse_gps(gps: object) -> tuple[float | None, float | None]:
    if gps in (None, ""):
        return None, None
    try:
        lat, lon = (float(part) for part in str(gps).split(","))
    except ValueError as error:
        raise CellError(_("Positionen ska skrivas ”latitud,longitud”.")) from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CellError(_("Positionen ligger utanför jorden: %(gps)s.") % {"gps": gps})
    return lat, lon


def required_text(value: object, max_length: int, *, blank: bool = False) -> str:
    if not isinstance(value, str):
        raise CellError(_("Fältet ska vara text."))
    text = value.strip()
    if not text and not blank:
        raise CellError(_("Fältet får inte vara tomt."))
    if len(text) > max_length:
        raise CellError(
            _("Texten är för lång: %(length)s tecken, men högst %(max)s får plats.")
            % {"length": len(text), "max": max_length}
        )
    return text


class Places:
    """Municipalities and counties by name, compared without regard to case ("Upplands väsby"
    in the API is Upplands Väsby)."""

    def __init__(self) -> None:
        self.municipalities = {
            normalise_key(m.name): m for m in Municipality.objects.select_related("county")
        }
        self.counties = {normalise_key(c.name): c for c in County.objects.all()}

    def locate(self, location: str, name_place: str) -> tuple[Municipality | None, County | None]:
        """Raises CellError for a location that is neither a municipality nor a county."""
        municipality = self.municipalities.get(normalise_key(location))
        if municipality is not None:
            return municipality, municipality.county
        county = self.counties.get(normalise_key(location))
        if county is None:
            raise CellError(
                _("Okänd plats ”%(name)s”: varken en kommun eller ett län.") % {"name": location}
            )
        municipality = self.municipalities.get(normalise_key(name_place))
        if municipality is not None and municipality.county_id == county.pk:
            return municipality, county
        return None, county


@dataclass(frozen=True)
class EventCounts:
    imported: int
    existing: int
    summaries: int
    unplaced: int
    updated: int = 0


class PoliceEventImporter(Importer):
    kind = "police_events"
    suffixes = (".json", ".gz")
    row_noun = gettext_lazy("post")

    def __init__(
        self,
        *,
        on_read: ProgressCallback | None = None,
        update_existing: bool = False,
        **kwargs: object,
    ) -> None:
        """With `update_existing` (the live API, whose notices the police amend), a stored
        event whose record has changed is updated; a file import leaves it as it is."""
        super().__init__(**kwargs)
        self.on_read = on_read
        self.update_existing = update_existing

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        records = list(read_json(source))
        places = Places()
        seen: dict[int, int] = {}
        for start in range(0, len(records), BATCH):
            batch = []
            for item in records[start : start + BATCH]:
                values = self.event(item, places, plan)
                if values is None:
                    continue
                first = seen.setdefault(values["police_id"], item.number)
                if first != item.number:
                    plan.errors.add(
                        _("Händelsen finns redan i filen (post %(row)s).") % {"row": first},
                        row=item.number,
                        column="id",
                    )
                    continue
                batch.append((item.number, values))
            yield from self.batch_changes(batch)
            if self.on_read is not None:
                self.on_read(min(start + BATCH, len(records)), len(records))

    def batch_changes(self, batch: list[tuple[int, dict]]) -> Iterator[Change]:
        ids = [values["police_id"] for _number, values in batch]
        stored = PoliceEvent.objects.filter(police_id__in=ids)
        if self.update_existing:
            records = dict(stored.values_list("police_id", "raw"))
        else:
            records = dict.fromkeys(stored.values_list("police_id", flat=True))
        for number, values in batch:
            police_id = values["police_id"]
            if police_id not in records:
                action = "create"
            elif self.update_existing and records[police_id] != values["raw"]:
                action = "update"
            else:
                action = "existing"
            yield Change(action, values["name"], row=number, payload=values)

    def event(self, item: JsonRecord, places: Places, plan: Plan) -> dict | None:
        """The record as PoliceEvent fields, or None after adding its problems to the plan."""
        raw = item.value
        if not isinstance(raw, dict):
            plan.errors.add(_("Posten ska vara ett JSON-objekt."), row=item.number)
            return None
        missing = [f for f in FIELDS if f not in raw]
        for name in missing:
            plan.errors.add(_("Fältet saknas."), row=item.number, column=name)
        if missing:
            return None
        errors_before = len(plan.errors)
        values: dict = {"raw": raw}

        def read(column: str, parse: object, *args: object, **kwargs: object) -> object:
            try:
                return parse(*args, **kwargs)
            except CellError as error:
                plan.errors.add(str(error), row=item.number, column=column)
                return None

        values["police_id"] = read("id", positive_id, raw["id"])
        published = read("datetime", parse_published, raw["datetime"])
        name = read("name", required_text, raw["name"], 300)
        event_type = read("type", required_text, raw["type"], 120)
        values["summary"] = read("summary", required_text, raw["summary"], 5000, blank=True)
        values["url"] = read("url", absolute_url, raw["url"])
        location = raw["location"] if isinstance(raw["location"], dict) else {}
        if not location:
            plan.errors.add(
                _("Platsen ska vara ett objekt med name och gps."),
                row=item.number,
                column="location",
            )
        location_name = read("location.name", required_text, location.get("name"), 120)
        gps = read("location.gps", parse_gps, location.get("gps"))
        occurrence = None
        if published is not None and name is not None:
            occurrence = read("name", parse_occurrence, name, published)
        if occurrence is not None and location_name is not None and event_type is not None:
            where = read(
                "location.name",
                places.locate,
                location_name,
                place_in_name(occurrence.rest, event_type),
            )
            if where is not None:
                values["municipality"], values["county"] = where
        if len(plan.errors) > errors_before:
            return None
        values.update(
            published_at=published,
            occurred_on=occurrence.on,
            occurred_time=occurrence.time,
            name=name,
            type=event_type,
            is_summary=event_type.casefold().startswith(SUMMARY_PREFIX),
            location_name=location_name,
            latitude=gps[0],
            longitude=gps[1],
        )
        return values

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        new = [c for c in changes if c.action == "create"]
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            PoliceEvent.objects.bulk_create([PoliceEvent(**c.payload) for c in batch])
            if on_progress is not None:
                on_progress(start + len(batch), len(new))
        if not new and on_progress is not None:
            on_progress(0, 0)
        self.update_events([c.payload for c in changes if c.action == "update"])

    def update_events(self, payloads: list[dict]) -> None:
        stored = PoliceEvent.objects.in_bulk(
            [p["police_id"] for p in payloads], field_name="police_id"
        )
        events = []
        for values in payloads:
            event = stored[values["police_id"]]
            for field, value in values.items():
                setattr(event, field, value)
            events.append(event)
        PoliceEvent.objects.bulk_update(events, UPDATED_FIELDS, batch_size=BATCH)

    def apply(self, plan: Plan, *, on_progress: ProgressCallback | None = None) -> ImportRecord:
        stored = super().apply(plan, on_progress=on_progress)
        counts = event_counts(plan)
        stored.summary = counts.__dict__
        stored.save(update_fields=["summary"])
        record(
            actor=self.user,
            action="police_events.imported",
            obj=stored,
            parties=access_for(self.user).org_ids(Role.EDITOR) if self.user else [],
            after={**counts.__dict__, "file": self.source_name},
        )
        return stored


def positive_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise CellError(_("Id ska vara ett positivt heltal."))
    try:
        number = int(value)
    except ValueError as error:
        raise CellError(_("Id ska vara ett positivt heltal.")) from error
    if number <= 0 or number > MAX_ID:
        raise CellError(_("Id ska vara ett positivt heltal."))
    return number


def event_counts(plan: Plan) -> EventCounts:
    """What the file held: new and already stored events; summaries and events not placed in
    a municipality among all of them."""
    imported = existing = updated = summaries = unplaced = 0
    for change in plan.changes:
        values = change.payload
        if change.action == "create":
            imported += 1
        elif change.action == "update":
            updated += 1
        else:
            existing += 1
        summaries += values["is_summary"]
        unplaced += values.get("municipality") is None
    if plan.previous is not None:
        existing, imported, updated = existing + imported + updated, 0, 0
    return EventCounts(imported, existing, summaries, unplaced, updated)
