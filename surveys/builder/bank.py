"""Browsing the question bank: the standard items and an organisation's own, by topic and by
search, each with its latest version."""

from dataclasses import dataclass

from surveys.builder.items import TOPICS, topic_label
from surveys.models import Item, ItemVersion


@dataclass
class BankEntry:
    item: Item
    version: ItemVersion

    @property
    def topic_label(self) -> str:
        return topic_label(self.item.topic)


def bank_entries(organisation_ids: set[int], topic: str = "", query: str = "") -> list[BankEntry]:
    """Items available to the organisations, matching the topic and the search words (in the
    code, the Swedish wording or help text); standard items first, then by topic and code."""
    items = Item.objects.available_to(organisation_ids).select_related("organisation")
    if topic:
        items = items.filter(topic=topic)
    latest: dict[int, ItemVersion] = {}
    for version in ItemVersion.objects.filter(item__in=items).order_by("number"):
        latest[version.item_id] = version
    words = query.lower().split()
    entries = []
    for item in items:
        version = latest.get(item.pk)
        if version is None:
            continue
        haystack = " ".join(
            [item.code, version.wording.get("sv", ""), (version.help or {}).get("sv", "")]
        ).lower()
        if all(word in haystack for word in words):
            entries.append(BankEntry(item, version))
    order = list(TOPICS)
    entries.sort(
        key=lambda e: (
            not e.item.is_standard,
            order.index(e.item.topic) if e.item.topic in order else len(order),
            e.item.code,
        )
    )
    return entries


def topics_in_use(organisation_ids: set[int]) -> list[tuple[str, str]]:
    used = set(Item.objects.available_to(organisation_ids).values_list("topic", flat=True))
    return [(code, str(label)) for code, label in TOPICS.items() if code in used]
