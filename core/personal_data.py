"""Finding what looks like a Swedish personal identity number (personnummer) in free text, so
that forms can stop it before it is saved (DOMAIN.md §7: no registers of individuals).

`find_personal_numbers(text)` returns every digit group written as a personnummer or
samordningsnummer – ÅÅMMDD-NNNN, ÅÅMMDD+NNNN, ÅÅMMDDNNNN, ÅÅÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN (a space
may stand for the dash) – whose date part is a real date (day + 60 for a samordningsnummer):

- `Confidence.LIKELY` when the last digit is also the right Luhn check digit: almost certainly
  a personnummer;
- `Confidence.POSSIBLE` when it is not: a mistyped personnummer, or another number that happens
  to start with a date (a case number, a phone number). Forms show it as a softer warning that
  the writer may confirm away.

A group of digits that is part of a longer run of digits is never reported. No ORM and no
Django here except the translated messages of `personal_number_errors`, so any form (EST
observations, residents' reports, remarks, progress updates) can use it.
"""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

_CANDIDATE = re.compile(
    r"(?<!\d)(?P<century>\d{2})?(?P<date>\d{6})(?P<separator>[-+ ]?)(?P<serial>\d{4})(?!\d)"
)
CENTURIES = {"18", "19", "20"}
# A samordningsnummer adds 60 to the day of birth.
COORDINATION_OFFSET = 60


class Confidence(Enum):
    LIKELY = "likely"  # a real date and a valid check digit
    POSSIBLE = "possible"  # a real date, but the check digit does not match


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    text: str
    confidence: Confidence
    coordination_number: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by personnummer: weights 2, 1, 2, 1 … from the left over the ten
    digits ÅÅMMDDNNNC; the sum of the digits of the products is a multiple of 10."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def luhn_check_digit(nine_digits: str) -> str:
    """The check digit that completes ÅÅMMDDNNN."""
    return next(str(d) for d in range(10) if luhn_valid(nine_digits + str(d)))


def _plausible_date(century: str | None, yymmdd: str) -> tuple[bool, bool]:
    """(real date, is a samordningsnummer). Without the century a 29 February is accepted for
    any year that is a leap year in one of the centuries it could belong to."""
    if century is not None and century not in CENTURIES:
        return (False, False)
    yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    coordination = day > COORDINATION_OFFSET
    if coordination:
        day -= COORDINATION_OFFSET
    if not 1 <= month <= 12 or day < 1:
        return (False, False)
    years = [int(century + yymmdd[:2])] if century else [1900 + yy, 2000 + yy]
    last_day = max(calendar.monthrange(year, month)[1] for year in years)
    return (day <= last_day, coordination)


def find_personal_numbers(text: str) -> list[Finding]:
    """Every span of `text` that looks like a personnummer or samordningsnummer, in order."""
    findings = []
    for match in _CANDIDATE.finditer(text or ""):
        century, date = match["century"], match["date"]
        if century is not None and match["separator"] == "+":
            continue  # the plus sign belongs to the ten-digit form only
        real, coordination = _plausible_date(century, date)
        if not real:
            continue
        valid = luhn_valid(date + match["serial"])
        findings.append(
            Finding(
                start=match.start(),
                end=match.end(),
                text=match.group(),
                confidence=Confidence.LIKELY if valid else Confidence.POSSIBLE,
                coordination_number=coordination,
            )
        )
    return findings


def likely(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.confidence is Confidence.LIKELY]


def mask(text: str, replacement: str = "[…]") -> str:
    """The text with every finding replaced (for moderators redacting free text)."""
    pieces, position = [], 0
    for finding in find_personal_numbers(text):
        pieces += [text[position : finding.start], replacement]
        position = finding.end
    return "".join(pieces) + text[position:]


def personal_number_errors(text: str, *, possible_confirmed: bool = False) -> list[str]:
    """What a form says about `text`: an error naming each likely personnummer, and, unless the
    writer has confirmed that none of them is one, each possible one."""
    findings = find_personal_numbers(text)
    sure = [f.text for f in likely(findings)]
    unsure = [f.text for f in findings if f.confidence is Confidence.POSSIBLE]
    errors = []
    if sure:
        errors.append(
            ngettext(
                "Texten innehåller något som ser ut som ett personnummer (%(numbers)s). Ta bort "
                "det: skriv om platser och situationer, aldrig om personer.",
                "Texten innehåller något som ser ut som personnummer (%(numbers)s). Ta bort "
                "dem: skriv om platser och situationer, aldrig om personer.",
                len(sure),
            )
            % {"numbers": ", ".join(sure)}
        )
    if unsure and not possible_confirmed:
        errors.append(
            _(
                "Texten innehåller ett nummer som kan vara ett personnummer (%(numbers)s). Ta "
                "bort det, eller kryssa i att det inte är ett personnummer."
            )
            % {"numbers": ", ".join(unsure)}
        )
    return errors
