"""Atom 1.0 (RFC 4287) feed of a promise's published progress updates.

Everything staff type reaches the feed as plain text (`type="text"`), escaped once by the XML
writer: markup someone types stays characters in a resident's feed reader, never live HTML.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from promises.models import ProgressUpdate, Promise
from public.pages import public_updates


class PlainTextAtomFeed(Atom1Feed):
    """Django's Atom writer with the entry summary as plain text instead of HTML."""

    def add_item_elements(self, handler: object, item: dict) -> None:
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class PromiseUpdatesFeed(Feed):
    """Atom feed of the public progress updates of one promise."""

    feed_type = PlainTextAtomFeed

    def get_object(self, request: HttpRequest, pk: int) -> Promise:
        return get_object_or_404(Promise.objects.public(), pk=pk)

    def title(self, obj: Promise) -> str:
        return _("Lägesrapporter: %(title)s") % {"title": obj.title}

    def subtitle(self, obj: Promise) -> str:
        return _("Vad som har gjorts inom medborgarlöftet.")

    def link(self, obj: Promise) -> str:
        return obj.get_absolute_url()

    def author_name(self, obj: Promise) -> str:
        # RFC 4287 wants an author; the parties speak, never a person.
        return ", ".join(sorted(obj.parties.values_list("name", flat=True)))

    def items(self, obj: Promise) -> list[ProgressUpdate]:
        return public_updates([obj.pk], limit=50)

    def item_title(self, item: ProgressUpdate) -> str:
        return item.activity.title

    def item_description(self, item: ProgressUpdate) -> str:
        # A single update's count of people is never published: with the activity's total it
        # would let anyone work out a suppressed figure by subtraction.
        if item.quantity and not item.activity.counts_people:
            return f"{item.text} ({item.quantity} {item.activity.unit})"
        return item.text

    def item_link(self, item: ProgressUpdate) -> str:
        promise_url = reverse("public:promise", args=[item.activity.commitment.promise_id])
        return f"{promise_url}#uppdatering-{item.pk}"

    def item_pubdate(self, item: ProgressUpdate) -> datetime.datetime:
        return item.created_at

    def item_updateddate(self, item: ProgressUpdate) -> datetime.datetime:
        return item.created_at
