"""Only members of the responsible organisation (reporter and up), or an admin of a party, may
record progress on an activity. Checked as a matrix, through the HTTP interface."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import ProgressUpdate

# (user in the cast, activity in the world, expected status)
MATRIX = [
    ("reporter", "tjorn_activity", 302),  # reporter of the responsible organisation
    ("alice", "tjorn_activity", 302),  # editor of the responsible organisation
    ("tjorn_admin", "tjorn_activity", 302),  # admin of the responsible organisation
    ("viewer", "tjorn_activity", 403),  # viewer of the responsible organisation
    ("bob", "tjorn_activity", 403),  # editor of another party
    ("orust_editor", "tjorn_activity", 403),  # editor of another municipality party
    ("bra_member", "tjorn_activity", 403),  # the body that follows the promise up
    ("charlie", "tjorn_activity", 404),  # another tenant
    ("police_reporter", "police_activity", 302),  # reporter of the responsible police area
    ("tjorn_admin", "police_activity", 302),  # admin of a party: may report on any activity
    ("alice", "police_activity", 403),  # editor (not admin) of another party
    ("reporter", "police_activity", 403),
    ("charlie", "police_activity", 404),
]


@pytest.mark.parametrize(("who", "which", "expected"), MATRIX)
def test_progress_matrix(client, cast, world, who, which, expected):
    activity = getattr(world, which)
    client.force_login(getattr(cast, who))
    response = client.post(
        reverse("staff:progress_create", args=[activity.pk]),
        {"date": "2025-03-01", "text": "Två insatser i centrum.", "quantity": 2, "is_public": "on"},
    )
    assert response.status_code == expected
    saved = ProgressUpdate.objects.filter(activity=activity).count()
    assert saved == (1 if expected == 302 else 0)


def test_progress_adds_to_done_count_and_is_audited(client, cast, world):
    activity = world.tjorn_activity
    client.force_login(cast.reporter)
    url = reverse("staff:progress_create", args=[activity.pk])
    client.post(
        url, {"date": "2025-03-01", "text": "Två träffar.", "quantity": 2, "is_public": "on"}
    )
    client.post(
        url, {"date": "2025-04-01", "text": "En träff.", "quantity": 1, "new_status": "ongoing"}
    )
    activity.refresh_from_db()
    assert activity.status == "ongoing"
    detail = client.get(reverse("staff:activity_detail", args=[activity.pk]))
    assert "3 av 10 insatser" in detail.content.decode()
    update = ProgressUpdate.objects.get(text="Två träffar.")
    assert update.author == cast.reporter
    assert update.author_organisation == cast.tjorn
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("activity.progress_recorded") == 2
    assert "activity.status_changed" in actions


def test_admin_of_party_reports_for_their_organisation(client, cast, world):
    client.force_login(cast.tjorn_admin)
    client.post(
        reverse("staff:progress_create", args=[world.police_activity.pk]),
        {"date": "2025-03-01", "text": "Insats.", "quantity": 1},
    )
    assert ProgressUpdate.objects.get().author_organisation == cast.tjorn


def test_progress_in_the_future_is_refused(client, cast, world):
    client.force_login(cast.reporter)
    response = client.post(
        reverse("staff:progress_create", args=[world.tjorn_activity.pk]),
        {"date": "2999-01-01", "text": "Planerad insats.", "quantity": 1},
    )
    assert response.status_code == 400
    assert "kan inte ligga i framtiden" in response.content.decode()
    assert "Planerad insats." in response.content.decode()  # what the user typed is kept
    assert not ProgressUpdate.objects.exists()


def test_activity_page_says_who_may_report(client, cast, world):
    client.force_login(cast.bob)
    page = client.get(
        reverse("staff:activity_detail", args=[world.tjorn_activity.pk])
    ).content.decode()
    assert "Rapportera läget" not in page
    assert "Bara medlemmar i" in page


def test_refusal_says_who_may_report(client, cast, world):
    client.force_login(cast.bob)
    response = client.post(
        reverse("staff:progress_create", args=[world.tjorn_activity.pk]),
        {"date": "2025-03-01", "text": "Försök.", "quantity": 1},
    )
    assert response.status_code == 403
    assert (
        "rapporteras bara av medlemmar i den ansvariga organisationen" in response.content.decode()
    )


def post_update(client, activity, text, public=True):
    data = {"date": "2025-03-01", "text": text, "quantity": 1}
    if public:
        data["is_public"] = "on"
    return client.post(reverse("staff:progress_create", args=[activity.pk]), data)


def public_text(client):
    return client.get(reverse("public:municipality", args=["tjorn"])).content.decode()


def test_reporters_update_is_published_only_after_review(client, cast, world):
    from promises.models import Promise

    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    client.force_login(cast.reporter)
    response = post_update(client, world.tjorn_activity, "Träff med Anna Andersson i Skärhamn.")
    assert "när en redaktör har granskat den" in client.get(response["Location"]).content.decode()
    update = ProgressUpdate.objects.get()
    assert update.awaits_review
    assert "Anna Andersson" not in public_text(client)
    assert (
        "Träff med"
        not in client.get(reverse("public:promise_feed", args=[world.promise.pk])).content.decode()
    )

    client.force_login(cast.alice)  # editor of the responsible organisation
    assert (
        "Att granska innan publicering" in client.get(reverse("staff:dashboard")).content.decode()
    )
    review = reverse("staff:progress_review", args=[update.pk])
    response = client.post(
        review, {"text": "Träff med en förälder i Skärhamn.", "decision": "publish"}
    )
    assert response.status_code == 302
    body = public_text(client)
    assert "Träff med en förälder i Skärhamn." in body and "Anna Andersson" not in body
    entry = AuditEntry.objects.get(action="activity.progress_approved")
    assert "Anna Andersson" in entry.before["text"] and entry.actor == cast.alice


def test_editors_update_is_published_at_once(client, cast, world):
    client.force_login(cast.alice)
    post_update(client, world.tjorn_activity, "Föräldraträff i Kållekärr.")
    assert ProgressUpdate.objects.get().is_published


def test_internal_update_needs_no_review(client, cast, world):
    client.force_login(cast.reporter)
    post_update(client, world.tjorn_activity, "Intern anteckning.", public=False)
    update = ProgressUpdate.objects.get()
    assert not update.awaits_review and not update.is_published


def test_review_can_keep_update_internal(client, cast, world):
    client.force_login(cast.reporter)
    post_update(client, world.tjorn_activity, "Känsligt.")
    update = ProgressUpdate.objects.get()
    client.force_login(cast.bob)  # editor of another party may moderate
    client.post(
        reverse("staff:progress_review", args=[update.pk]),
        {"text": "Känsligt.", "decision": "internal"},
    )
    update.refresh_from_db()
    assert not update.is_public and not update.awaits_review


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("reporter", 403),
        ("viewer", 403),
        ("bra_member", 403),
        ("charlie", 404),
        ("tjorn_admin", 200),
    ],
)
def test_who_may_review(client, cast, world, who, expected):
    update = ProgressUpdate.objects.create(
        activity=world.tjorn_activity, date="2025-03-01", text="x", is_public=True
    )
    client.force_login(getattr(cast, who))
    url = reverse("staff:progress_review", args=[update.pk])
    assert client.get(url).status_code == expected
    assert client.put(url).status_code in (405, expected)
