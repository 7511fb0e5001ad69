"""A progress bar for import commands: redrawn in place on a terminal, a line per tenth when the
output goes to a file or a log (so a log shows that a long import is moving, without 57,000
lines)."""

from typing import TextIO

from django.utils.translation import gettext as _

from core.imports.plan import ProgressCallback

WIDTH = 30


def bar_line(label: str, done: int, total: int) -> str:
    share = done / total if total else 1.0
    filled = round(WIDTH * share)
    counts = _("%(done)s av %(total)s") % {
        "done": f"{done:,}".replace(",", " "),
        "total": f"{total:,}".replace(",", " "),
    }
    return f"{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {share:4.0%} ({counts})"


def _write(stream: TextIO, text: str) -> None:
    """Django's command output adds a line end of its own unless told not to."""
    try:
        stream.write(text, ending="")
    except TypeError:
        stream.write(text)
    stream.flush()


def progress_bar(stream: TextIO, label: str) -> ProgressCallback:
    """A callback `(done, total)` that draws the bar on `stream` (a command's stderr)."""
    interactive = getattr(stream, "isatty", lambda: False)()
    last_tenth = -1

    def show(done: int, total: int) -> None:
        nonlocal last_tenth
        line = bar_line(label, done, total)
        if interactive:
            _write(stream, "\r" + line + ("\n" if done >= total else ""))
            return
        tenth = 10 * done // total if total else 10
        if tenth != last_tenth:
            last_tenth = tenth
            _write(stream, line + "\n")

    return show
