"""What a resident who follows a promise or a municipality is told about: the shared vocabulary.

The notifications app sends the e-mails, but the news itself belongs to the apps that own the
data (promises today; surveys and residents' reports later). Those apps sit below notifications
(DESIGN.md: dependencies point one way), so they cannot import it. Instead, an app that has news
puts a module `notices.py` next to its models with

    NOTICE_SOURCES = [my_source, ...]     # functions (Followed, since, until) -> list[Notice]
    NOTICE_TRIGGERS = [MyModel, ...]      # saving one of these may make news public

and notifications finds these modules when Django starts (like admin.py). A source returns only
what residents may see (published, approved, suppressed where figures count people), and only
items made public in the window `since < published_at <= until`. It runs inside
`translation.override(<the subscriber's language>)`, so it may use gettext and date formats.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Followed:
    """What a subscription follows, resolved to ids: one promise, or a municipality together
    with its public promises."""

    promise_ids: frozenset[int]
    municipality_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Notice:
    """One piece of news, already in the reader's language."""

    key: str  # unique and stable, e.g. "progress_update:42": the same news is never sent twice
    published_at: datetime.datetime  # when it became public; the window is on this moment
    day: datetime.date  # the date shown to the reader
    topic: str  # what it concerns, e.g. the promise's title; notices are grouped under it
    kind: str  # e.g. "Lägesrapport"
    title: str
    text: str
    path: str  # a link on this site (made absolute with SITE_URL by the mailer)


NoticeSource = Callable[[Followed, datetime.datetime, datetime.datetime], Iterable[Notice]]
