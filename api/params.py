"""Parameter types shared by the API's routers: they refuse (422) what the schema says is
invalid rather than guessing (pydantic would read 0 as a date)."""

import datetime
import re
from typing import Annotated

from pydantic import BeforeValidator

# Ids are 64-bit integers in the database; larger numbers are refused, not sent to it.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> object:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01.")
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]
