"""Personal API tokens: the staff pages, and the token rules as a matrix on the staff API."""

import datetime

import pytest
from django.utils import timezone

from api.models import ApiToken, hash_secret
from api.tokens import create_token
from organisations.models import AuditEntry
from promises.models import ProgressUpdate, Promise
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

IN_90_DAYS = datetime.date.today() + datetime.timedelta(days=90)
BODY = {"date": "2025-03-01", "text": "Två insatser i centrum.", "quantity": 2, "is_public": True}


@pytest.fixture
def published(world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    return world


def token_for(user, org, **changes) -> tuple[ApiToken, str]:
    token, secret = create_token(
        user=user, organisation=org, name="Ärendesystemet", expires_on=IN_90_DAYS
    )
    if changes:
        ApiToken.objects.filter(pk=token.pk).update(**changes)
    return token, secret


def bearer(secret: str | None) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}


def post_progress(client, activity, secret, body=BODY):
    return client.post(
        f"/api/v1/staff/activities/{activity.pk}/progress",
        body,
        content_type="application/json",
        **bearer(secret),
    )


# --- staff pages -------------------------------------------------------------------------


def test_create_shows_the_secret_once_and_stores_only_its_hash(client, cast):
    client.login(username="alice", password=PASSWORD)
    assert "API-nycklar" in client.get("/personal/").content.decode()
    page = client.get("/personal/api-nycklar/ny/").content.decode()
    assert cast.tjorn.name in page and cast.harryda.name not in page
    response = client.post(
        "/personal/api-nycklar/ny/",
        {"name": "Ärendesystemet", "organisation": cast.tjorn.pk, "expires_on": IN_90_DAYS},
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert "visas bara den här gången" in response.content.decode()
    token = ApiToken.objects.get()
    assert token.token_hash == hash_secret(secret) and secret not in str(token.__dict__)
    assert token.prefix == secret[:8] and token.organisation == cast.tjorn
    assert AuditEntry.objects.filter(action="api_token.created", actor=cast.alice).exists()
    listing = client.get("/personal/api-nycklar/").content.decode()
    assert token.prefix in listing and secret not in listing


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"organisation": "harryda"}, "Välj ett giltigt alternativ"),
        ({"expires_on": datetime.date.today() + datetime.timedelta(days=400)}, "högst ett år"),
        ({"expires_on": datetime.date.today() - datetime.timedelta(days=1)}, "redan passerat"),
        ({"name": ""}, "Detta fält måste fyllas i"),
    ],
)
def test_create_refuses_bad_input_and_changes_nothing(client, cast, changes, message):
    client.login(username="alice", password=PASSWORD)
    data = {"name": "System", "organisation": cast.tjorn.pk, "expires_on": IN_90_DAYS}
    data.update(changes)
    if data["organisation"] == "harryda":
        data["organisation"] = cast.harryda.pk
    response = client.post("/personal/api-nycklar/ny/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoke_asks_first_then_audits(client, cast):
    token, secret = token_for(cast.alice, cast.tjorn)
    client.login(username="alice", password=PASSWORD)
    url = f"/personal/api-nycklar/{token.pk}/aterkalla/"
    assert "Det går inte att ångra" in client.get(url).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    assert client.post(url).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api_token.revoked", object_id=str(token.pk)).exists()


def test_someone_elses_token_is_not_found(client, cast):
    token, _secret = token_for(cast.alice, cast.tjorn)
    client.login(username="charlie", password=PASSWORD)
    assert client.get(f"/personal/api-nycklar/{token.pk}/aterkalla/").status_code == 404
    assert client.post(f"/personal/api-nycklar/{token.pk}/aterkalla/").status_code == 404
    assert token.prefix not in client.get("/personal/api-nycklar/").content.decode()


def test_pages_need_login(client):
    assert client.get("/personal/api-nycklar/").status_code == 302
    assert client.post("/personal/api-nycklar/ny/").status_code == 302


# --- the token matrix on the staff API ----------------------------------------------------


def _case(cast, name):
    """(user, token organisation, token changes) for each row of the matrix."""
    past = timezone.now() - datetime.timedelta(days=1)
    return {
        "no token": None,
        "wrong secret": "wrong",
        "expired": (cast.alice, cast.tjorn, {"expires_at": past}),
        "revoked": (cast.alice, cast.tjorn, {"revoked_at": past}),
        "other organisation": (cast.charlie, cast.harryda, {}),
        "viewer": (cast.viewer, cast.tjorn, {}),
        "right role": (cast.alice, cast.tjorn, {}),
    }[name]


MATRIX = [
    ("no token", 401, 401),
    ("wrong secret", 401, 401),
    ("expired", 401, 401),
    ("revoked", 401, 401),
    ("other organisation", 404, 404),
    ("viewer", 200, 403),
    ("right role", 200, 201),
]


@pytest.mark.parametrize("name,read_status,write_status", MATRIX)
def test_token_matrix(client, cast, published, name, read_status, write_status):
    case = _case(cast, name)
    secret = case if isinstance(case, str) or case is None else token_for(*case[:2], **case[2])[1]
    read = client.get(f"/api/v1/staff/promises/{published.promise.pk}", **bearer(secret))
    assert read.status_code == read_status
    write = post_progress(client, published.tjorn_activity, secret)
    assert write.status_code == write_status
    if write_status != 201:
        assert set(write.json()["error"]) == {"status", "code", "message", "fields"}
        assert not ProgressUpdate.objects.exists()
        assert not AuditEntry.objects.filter(action="activity.progress_recorded").exists()
        return
    update = ProgressUpdate.objects.get()
    assert write.json()["publication"] == "published" and update.author == cast.alice
    entry = AuditEntry.objects.get(action="activity.progress_recorded")
    token = ApiToken.objects.get(user=cast.alice)
    assert entry.actor == cast.alice
    assert entry.actor_label == f"alice (API-nyckel {token.prefix}: Ärendesystemet)"
    assert token.last_used_at is not None


def test_token_acts_only_for_its_organisation(client, cast, published):
    """Bob is an editor of the police; a token of his for another organisation he joins as a
    viewer must not let him report for the police's activity."""
    from organisations.models import Membership

    Membership.objects.create(user=cast.bob, organisation=cast.bra, role="viewer")
    _token, secret = token_for(cast.bob, cast.bra)
    assert post_progress(client, published.police_activity, secret).status_code == 403
    _token, police_secret = token_for(cast.bob, cast.police)
    assert post_progress(client, published.police_activity, police_secret).status_code == 201


def test_token_stops_working_when_the_user_leaves(client, cast, published):
    _token, secret = token_for(cast.alice, cast.tjorn)
    cast.alice.memberships.all().delete()
    assert post_progress(client, published.tjorn_activity, secret).status_code == 401


def test_reporter_update_awaits_review_and_status_change_is_audited(client, cast, published):
    _token, secret = token_for(cast.reporter, cast.tjorn)
    response = post_progress(
        client, published.tjorn_activity, secret, {**BODY, "new_status": "ongoing"}
    )
    assert response.status_code == 201
    assert response.json()["publication"] == "awaiting_review"
    assert response.json()["activity_status"] == "ongoing"
    labels = set(AuditEntry.objects.values_list("action", "actor_label"))
    assert (
        "activity.status_changed",
        f"reporter (API-nyckel {secret[:8]}: Ärendesystemet)",
    ) in labels
    assert published.promise.pk not in [
        u["promise_id"] for u in client.get("/api/v1/progress-updates").json()["items"]
    ]


@pytest.mark.parametrize(
    "change,field",
    [
        ({"quantity": -1}, "quantity"),
        ({"date": "2999-01-01"}, "date"),
        ({"date": "igår"}, "date"),
        ({"text": ""}, "text"),
        ({"new_status": "klar"}, "new_status"),
        ({"is_public": None}, "is_public"),
    ],
)
def test_bad_progress_is_422_naming_the_field_and_changes_nothing(
    client, cast, published, change, field
):
    _token, secret = token_for(cast.alice, cast.tjorn)
    response = post_progress(client, published.tjorn_activity, secret, {**BODY, **change})
    assert response.status_code == 422
    assert field in [e["name"] for e in response.json()["error"]["fields"]]
    assert not ProgressUpdate.objects.exists()


def test_a_body_that_is_not_json_is_a_documented_400_and_changes_nothing(client, cast, published):
    """Found by schemathesis: bytes that are not JSON. The answer is the API's error shape, in
    Swedish, with a status the schema documents."""
    _token, secret = token_for(cast.alice, cast.tjorn)
    response = post_progress(client, published.tjorn_activity, secret, b"=\xff\xfe&e*")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "bad_request" and "JSON-objekt" in error["message"]
    assert not ProgressUpdate.objects.exists()
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/staff/activities/{activity_id}/progress"]["post"]
    assert "400" in operation["responses"]


def test_staff_view_shows_drafts_and_internal_counts(client, cast, world):
    from tests.factories import progress

    progress(world.tjorn_activity, 1, is_public=False)
    progress(world.tjorn_activity, 1, approved_at=None)
    _token, secret = token_for(cast.alice, cast.tjorn)
    body = client.get(f"/api/v1/staff/promises/{world.promise.pk}", **bearer(secret)).json()
    assert body["status"] == "draft"
    activity = next(
        a
        for c in body["commitments"]
        for a in c["activities"]
        if a["id"] == world.tjorn_activity.pk
    )
    assert (activity["update_count"], activity["internal_update_count"]) == (2, 1)
    assert activity["awaiting_review_count"] == 1 and activity["done_quantity"] == 2
    assert activity["can_record_progress"] is True
    assert [f["is_published"] for f in body["follow_ups"]] == [False]
    charlie_secret = token_for(cast.charlie, cast.harryda)[1]
    other = client.get(f"/api/v1/staff/promises/{world.promise.pk}", **bearer(charlie_secret))
    assert other.status_code == 404
