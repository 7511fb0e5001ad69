"""Every public page the data has, derived from the data, for tests that must visit them all."""

from django.utils import timezone

from notifications.models import Subscription
from organisations.models import Municipality
from participation.models import Dialogue, SafetyWalk
from promises.models import Agreement, Promise
from surveys.models import Wave

STATIC_PUBLIC_PATHS = [
    "/",
    "/?q=berg",
    "/?q=finnsinte",
    "/tillganglighet/",
    "/integritet/",
    "/oppna-data/",
]
API_DOCS = "/api/v1/docs"


def demo_public_paths() -> list[str]:
    """Every municipality with content (and one without), every public promise, each of its
    revisions and its easy-to-read page, every published dialogue and safety walk, and the
    safety survey results pages."""
    promises = Promise.objects.public().prefetch_related("revisions", "parties__municipality")
    with_content = {
        org.municipality.slug for p in promises for org in p.parties.all() if org.is_municipality
    }
    with_content |= set(
        Agreement.objects.public()
        .filter(parties__kind="municipality")
        .values_list("parties__municipality__slug", flat=True)
    )
    empty = Municipality.objects.exclude(slug__in=with_content).order_by("code").first()
    paths = [f"/kommun/{slug}/" for slug in sorted(with_content)] + [f"/kommun/{empty.slug}/"]
    for promise in promises:
        paths.append(f"/medborgarlofte/{promise.pk}/")
        paths += [
            f"/medborgarlofte/{promise.pk}/version/{r.number}/" for r in promise.revisions.all()
        ]
        if promise.plain_summary:
            paths.append(f"/medborgarlofte/{promise.pk}/lattlast/")
    paths += [d.get_absolute_url() for d in Dialogue.objects.published()]
    paths += [w.get_absolute_url() for w in SafetyWalk.objects.published()]
    # Safety survey results: each municipality's page and every closed wave's.
    waves = Wave.objects.filter(status=Wave.Status.CLOSED).select_related("survey__municipality")
    for slug in sorted({w.survey.municipality.slug for w in waves}):
        paths.append(f"/kommun/{slug}/trygghet/")
    paths += [f"/kommun/{w.survey.municipality.slug}/trygghet/omgang/{w.pk}/" for w in waves]
    return paths


def follow_paths() -> list[str]:
    """The pages of following by e-mail, with a pending and a confirmed subscription made here
    (the demo holds no residents' addresses), and the answers to links that are not valid."""
    promise = Promise.objects.public().order_by("pk").first()
    municipality = promise.parties.filter(kind="municipality").order_by("pk").first().municipality
    address = "sidkontroll@example.invalid"
    pending, _ = Subscription.objects.get_or_create(
        email=address, promise=promise, defaults={"language": "sv"}
    )
    now = timezone.now()
    confirmed, _ = Subscription.objects.get_or_create(
        email=address,
        municipality=municipality,
        defaults={"language": "sv", "confirmed_at": now, "last_sent_at": now},
    )
    return [
        f"/folj/kommun/{municipality.slug}/",
        f"/folj/kommun/{municipality.slug}/skickat/",
        f"/folj/medborgarlofte/{promise.pk}/",
        f"/folj/medborgarlofte/{promise.pk}/skickat/",
        f"/folj/bekrafta/{pending.token}/",
        f"/folj/bekrafta/{confirmed.token}/",
        f"/folj/avsluta/{confirmed.token}/",
        "/folj/avslutad/",
        "/folj/bekrafta/finns-inte/",
        "/folj/avsluta/finns-inte/",
    ]
