"""The notice sources: what a follower is told about. See core/notices.py for the convention.

Each installed app may contribute sources in its own `notices.py` (NOTICE_SOURCES) without
importing this app; `register()` adds one from here or from a test.
"""

import datetime
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import models

from core.notices import Followed, Notice, NoticeSource

_extra_sources: list[NoticeSource] = []


@cache
def _notice_modules() -> tuple:
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.notices"
        if find_spec(name) is not None:
            modules.append(import_module(name))
    return tuple(modules)


def register(source: NoticeSource) -> NoticeSource:
    """Add a source (usable as a decorator)."""
    if source not in _extra_sources:
        _extra_sources.append(source)
    return source


def sources() -> list[NoticeSource]:
    found = [s for module in _notice_modules() for s in getattr(module, "NOTICE_SOURCES", [])]
    return found + _extra_sources


def triggers() -> list[type[models.Model]]:
    """Models whose saving may make news public: a save wakes the sender of immediate notices."""
    return [m for module in _notice_modules() for m in getattr(module, "NOTICE_TRIGGERS", [])]


def collect_notices(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Notice]:
    """Everything new for `followed` in the window, oldest first, each piece of news once."""
    by_key: dict[str, Notice] = {}
    for source in sources():
        for notice in source(followed, since, until):
            by_key.setdefault(notice.key, notice)
    return sorted(by_key.values(), key=lambda n: (n.published_at, n.key))
