"""Every public page the data has, derived from the data, for tests that must visit them all."""

from organisations.models import Municipality
from promises.models import Agreement, Promise
from surveys.models import Wave

STATIC_PUBLIC_PATHS = ["/", "/?q=berg", "/?q=finnsinte", "/tillganglighet/", "/oppna-data/"]
API_DOCS = "/api/v1/docs"


def demo_public_paths() -> list[str]:
    """Every municipality with content (and one without), every public promise, each of its
    revisions and its easy-to-read page, and the safety survey results pages."""
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
    # Safety survey results: each municipality's page and every closed wave's.
    waves = Wave.objects.filter(status=Wave.Status.CLOSED).select_related("survey__municipality")
    for slug in sorted({w.survey.municipality.slug for w in waves}):
        paths.append(f"/kommun/{slug}/trygghet/")
    paths += [f"/kommun/{w.survey.municipality.slug}/trygghet/omgang/{w.pk}/" for w in waves]
    return paths
