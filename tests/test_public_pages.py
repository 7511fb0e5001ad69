import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from promises.models import Commitment, Promise
from promises.services.editing import add_revision
from tests.factories import D, activity, commitment, follow_up, progress, promise


@pytest.fixture
def published(cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    add_revision(p, user=cast.alice, note="Löftet publicerades.")
    return p


def page(client, slug="tjorn"):
    response = client.get(reverse("public:municipality", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_code_url_redirects_to_readable_url(client, db):
    response = client.get("/kommun/1419/")
    assert response.status_code == 301 and response["Location"] == "/kommun/tjorn/"
    assert client.get("/kommun/9999/").status_code == 404
    assert client.get("/kommun/finns-inte/").status_code == 404


def test_every_municipality_has_a_page(client, db):
    from organisations.models import Municipality

    assert Municipality.objects.count() == 290
    body = page(client, "habo-uppsala")
    assert "Håbo" in body and "Inget aktuellt medborgarlöfte" in body


def test_draft_promise_is_not_public(client, cast, world):
    assert world.promise.title not in page(client)
    assert client.get(reverse("public:promise", args=[world.promise.pk])).status_code == 404


def test_municipality_page_shows_promise_progress_and_groups(client, cast, world, published):
    progress(world.police_activity, 3, text="Tre insatser vid busstationen.")
    progress(world.police_activity, 2, text="Intern notering.", is_public=False)
    body = page(client)
    assert published.title in body
    assert "Polisen lovar att …" in body and "Kommunerna lovar att …" in body
    assert "5 av 10 insatser" in body  # both public and internal updates count
    assert "Tre insatser vid busstationen." in body
    assert "Intern notering." not in body
    assert published.title in page(client, "orust")  # shown for every municipality party
    assert published.title not in page(client, "harryda")


def test_follow_up_verdicts_shown_when_published(client, cast, world, published):
    fu = world.follow_up
    fu.verdicts.create(commitment=world.police_commitment, verdict="delvis", reason="Åtta av tio.")
    assert "Åtta av tio." not in page(client)
    fu.is_published = True
    fu.save()
    body = page(client)
    assert "Delvis genomförd" in body and "Åtta av tio." in body


def test_small_counts_of_people_are_suppressed(client, cast, world, published):
    a = activity(
        world.police_commitment,
        cast.police,
        title="Stödsamtal",
        target_quantity=10,
        unit="personer",
        counts_people=True,
    )
    progress(a, 3)
    body = page(client)
    assert "färre än 5" in body
    assert "3 av 10 personer" not in body
    progress(a, 4)
    assert "7" in page(client).split("Stödsamtal")[1][:600]


def test_indicator_values_suppressed_distinct_from_zero_and_missing(client, cast, world, published):
    from promises.models import Measurement

    ind = world.indicator
    ind.counts_people, ind.baseline, ind.baseline_year = True, 0, 2024
    ind.save()
    Measurement.objects.create(indicator=ind, date=D(2025, 6, 1), value=2)
    body = page(client)
    section = body.split(ind.name)[1]
    assert "färre än 5" in section  # the measurement 2
    assert "uppgift saknas" in section  # the missing target
    assert "<dd>0 %" in section  # a real zero baseline


def test_earlier_promises_and_successor(client, cast, world, published):
    old = promise(
        [cast.police, cast.tjorn], title="Medborgarlöfte 2019", status=Promise.Status.CONCLUDED
    )
    body = page(client)
    assert "Tidigare medborgarlöften" in body and "Medborgarlöfte 2019" in body
    old.successor = published
    old.status = Promise.Status.REPLACED
    old.save()
    old_page = client.get(reverse("public:promise", args=[old.pk])).content.decode()
    assert "ersatts av ett nytt" in old_page and published.title in old_page


def test_promise_page_shows_revision_history(client, cast, world, published):
    add_revision(published, user=cast.alice, note="Nytt åtagande om belysning.")
    body = client.get(reverse("public:promise", args=[published.pk])).content.decode()
    assert "Versionshistorik" in body and "Nytt åtagande om belysning." in body
    rev = client.get(reverse("public:promise_revision", args=[published.pk, 1])).content.decode()
    assert "version 1" in rev


def test_plain_language_summary(client, cast, world, published):
    url = reverse("public:promise_plain", args=[published.pk])
    assert client.get(url).status_code == 404
    published.plain_summary = "Polisen och kommunen lovar att göra det tryggare."
    published.save()
    assert (
        "lättläst sammanfattning"
        in client.get(reverse("public:promise", args=[published.pk])).content.decode()
    )
    assert "lovar att göra det tryggare" in client.get(url).content.decode()


def test_agreement_and_contacts_on_page(client, cast, world, published):
    from tests.factories import contact

    contact(
        cast.police,
        role_title="Kommunpolis Tjörn",
        municipality=cast.tjorn.municipality,
        phone="010-111",
    )
    contact(
        cast.police,
        role_title="Kommunpolis Orust",
        municipality=cast.orust.municipality,
        phone="010-222",
    )
    body = page(client)
    assert world.agreement.title in body
    assert "Kommunpolis Tjörn" in body and "Kommunpolis Orust" not in body
    assert "Det här är inte en polisanmälan." in body and "114 14" in body


def test_home_search(client, db):
    response = client.get(reverse("public:home"), {"q": "tjörn"})
    assert response.status_code == 302 and response["Location"] == "/kommun/tjorn/"
    body = client.get(reverse("public:home"), {"q": "berg"}).content.decode()
    assert "Sökresultat" in body and "Falkenberg" in body
    body = client.get(reverse("public:home"), {"q": "xyzzy"}).content.decode()
    assert "Ingen kommun matchar" in body
    assert "Västra Götalands län" in body


def test_language_switch_is_a_plain_link_that_keeps_the_page(client, cast, world, published):
    swedish = page(client)
    assert '<a href="/en/kommun/tjorn/" lang="en" hreflang="en">In English</a>' in swedish
    assert "csrfmiddlewaretoken" not in swedish
    response = client.get("/en/kommun/tjorn/")
    body = response.content.decode()
    assert response["Content-Language"] == "en" and 'lang="en"' in body
    assert "Police promise to …" in body or "The police promise to …" in body
    assert 'href="/en/kommun/tjorn/' in body or 'href="/en/medborgarlofte/' in body  # links stay
    assert '<a href="/kommun/tjorn/" lang="sv" hreflang="sv">På svenska</a>' in body


def test_swedish_is_default_whatever_the_browser_says(client, db):
    body = client.get(reverse("public:home"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'lang="sv"' in body and "Sök kommun" in body


def _promise_with_activities(cast, n):
    p = promise([cast.police, cast.tjorn], status=Promise.Status.PUBLISHED, title=f"Löfte med {n}")
    commitments = [
        commitment(p, given_by=g)
        for g in (Commitment.Giver.POLICE, Commitment.Giver.MUNICIPALITIES)
    ]
    for i in range(n):
        a = activity(
            commitments[i % 2], cast.police if i % 2 == 0 else cast.tjorn, title=f"Aktivitet {i}"
        )
        progress(a, 1)
    fu = follow_up(p, is_published=True)
    for c in commitments:
        fu.verdicts.create(commitment=c, verdict="genomford", reason="Klart.")
    return p


def _queries(client, slug):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("public:municipality", args=[slug])).status_code == 200
    return len(ctx.captured_queries)


def test_municipality_page_query_count_does_not_grow_with_activities(client, cast):
    from organisations.models import Municipality, Organisation

    _promise_with_activities(cast, 5)
    five = _queries(client, "tjorn")
    Promise.objects.all().delete()
    # Same shape of page, 200 activities.
    _promise_with_activities(cast, 200)
    assert Organisation.objects.filter(municipality=Municipality.objects.get(code="1419")).exists()
    assert _queries(client, "tjorn") == five


def test_promise_page_and_feed_query_counts_do_not_grow(client, cast):
    def counts(p):
        result = []
        for name in ("public:promise", "public:promise_feed"):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(reverse(name, args=[p.pk])).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    small = counts(_promise_with_activities(cast, 5))
    assert counts(_promise_with_activities(cast, 60)) == small


def test_long_activity_lists_are_shortened_on_municipality_page(client, cast):
    p = _promise_with_activities(cast, 20)
    body = page(client)
    assert "Visa alla 10 aktiviteter" in body
    assert "Aktivitet 8<" not in body
    assert "Aktivitet 8<" in client.get(reverse("public:promise", args=[p.pk])).content.decode()


def test_non_public_indicator_never_shown(client, cast, world, published):
    ind = world.indicator
    ind.is_public = False
    ind.save()
    fu = world.follow_up
    fu.is_published = True
    fu.save()
    fu.assessments.create(indicator=ind, light="red", comment="Intern bedömning.")
    for body in (
        page(client),
        client.get(reverse("public:promise", args=[published.pk])).content.decode(),
    ):
        assert ind.name not in body and "Intern bedömning." not in body


def test_commitment_with_people_counts_shows_no_quantity_total(client, cast, world, published):
    c = commitment(published, "ge stödsamtal", target_quantity=15, unit="personer")
    a = activity(
        c, cast.tjorn, title="Stödsamtal", target_quantity=15, unit="personer", counts_people=True
    )
    progress(a, 3)
    body = page(client).split("ge stödsamtal")[1][:1500]
    assert "av 15 personer genomförda" not in body
    assert "färre än 5" in body
