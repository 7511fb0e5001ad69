import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from promises.models import ProgressUpdate, Promise
from public.pages import public_updates


class PromiseUpdatesFeed(Feed):
    """Atom feed of the public progress updates of one promise."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, pk: int) -> Promise:
        return get_object_or_404(Promise.objects.public(), pk=pk)

    def title(self, obj: Promise) -> str:
        return _("Lägesrapporter: %(title)s") % {"title": obj.title}

    def subtitle(self, obj: Promise) -> str:
        return _("Vad som har gjorts inom medborgarlöftet.")

    def link(self, obj: Promise) -> str:
        return obj.get_absolute_url()

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
