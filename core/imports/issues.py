"""What went wrong, and where: each problem names its sheet, row and column.

Importers collect every problem they find (up to a cap) instead of stopping at the first, so a
person can fix the whole file in one go.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _


class CellError(ValueError):
    """A cell that cannot be read; the message says what to write instead."""


class FileRefused(Exception):
    """The file as a whole cannot be read (too large, not what its name says, no header...)."""


class TooManyIssues(Exception):
    """Raised by IssueList.add once the cap is reached; the planner stops reading there."""


@dataclass(frozen=True)
class ImportIssue:
    message: str
    row: int | None = None
    column: str = ""
    sheet: str = ""
    row_noun: str = ""  # "rad" unless told otherwise, e.g. "post" for a JSON record

    def location(self) -> str:
        parts = []
        if self.sheet:
            parts.append(_("blad ”%(sheet)s”") % {"sheet": self.sheet})
        if self.row is not None:
            noun = self.row_noun or _("rad")
            parts.append(f"{noun} {self.row}")
        if self.column:
            parts.append(_("kolumn ”%(column)s”") % {"column": self.column})
        text = ", ".join(parts)
        return text[:1].upper() + text[1:] if text else _("Filen")

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


class IssueList:
    """Problems (or notes) in the order they were found, at most `cap` of them."""

    def __init__(self, cap: int | None = None, row_noun: str = "") -> None:
        self.cap = cap if cap is not None else settings.IMPORT_MAX_ERRORS
        self.row_noun = row_noun
        self.items: list[ImportIssue] = []
        self.truncated = False

    def add(
        self, message: str, *, row: int | None = None, column: str = "", sheet: str = ""
    ) -> None:
        if len(self.items) >= self.cap:
            self.truncated = True
            raise TooManyIssues
        self.items.append(ImportIssue(str(message), row, column, sheet, self.row_noun))

    def refuse(self, message: str) -> None:
        """A problem with the file as a whole; kept even past the cap."""
        self.items.append(ImportIssue(str(message), row_noun=self.row_noun))

    def rows(self) -> set[int]:
        return {i.row for i in self.items if i.row is not None}

    def __iter__(self) -> Iterator[ImportIssue]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)
