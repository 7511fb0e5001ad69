from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import FollowUp, Indicator, Measurement, Promise
from tests.factories import D


def follow_up_data(world, **overrides):
    pc = world.police_commitment.pk
    data = {
        "date": "2025-12-10",
        "reviewer_kind": "bra",
        "reviewer_name": "BRÅ Tjörn",
        "summary": "Insatserna genomfördes till stor del.",
        f"verdict_{pc}": "delvis",
        f"reason_{pc}": "Åtta av tio insatser.",
        f"light_{world.indicator.pk}": "yellow",
        f"comment_{world.indicator.pk}": "Något färre otrygga.",
    }
    return {**data, **overrides}


def test_bra_member_records_follow_up_with_verdicts(client, cast, world):
    client.force_login(cast.bra_member)
    response = client.post(
        reverse("staff:follow_up_create", args=[world.promise.pk]), follow_up_data(world)
    )
    fu = FollowUp.objects.get(reviewer_name="BRÅ Tjörn")
    assert response.status_code == 302
    verdict = fu.verdicts.get()
    assert verdict.commitment == world.police_commitment and verdict.verdict == "delvis"
    assert fu.assessments.get().light == "yellow"
    assert not fu.is_published
    entry = AuditEntry.objects.get(action="follow_up.created")
    assert entry.after["verdicts"] == {
        str(world.police_commitment.pk): ["delvis", "Åtta av tio insatser."]
    }


def test_verdict_without_reason_is_refused(client, cast, world):
    client.force_login(cast.bra_member)
    data = follow_up_data(world, **{f"reason_{world.police_commitment.pk}": ""})
    response = client.post(reverse("staff:follow_up_create", args=[world.promise.pk]), data)
    assert response.status_code == 400
    assert "Motivera bedömningen" in response.content.decode()
    assert not FollowUp.objects.filter(reviewer_name="BRÅ Tjörn").exists()


def test_edit_follow_up_replaces_verdicts(client, cast, world):
    client.force_login(cast.alice)  # an editor of a party may follow up too
    url = reverse("staff:follow_up_edit", args=[world.follow_up.pk])
    pc = world.police_commitment.pk
    assert (
        client.post(url, follow_up_data(world, **{f"verdict_{pc}": "genomford"})).status_code == 302
    )
    assert (
        client.post(url, follow_up_data(world, **{f"verdict_{pc}": "ej_genomford"})).status_code
        == 302
    )
    assert world.follow_up.verdicts.get().verdict == "ej_genomford"
    entry = AuditEntry.objects.filter(action="follow_up.changed").first()
    assert entry.before["verdicts"][str(pc)][0] == "genomford"


def test_publishing_follow_up_of_unpublished_promise_is_refused(client, cast, world):
    client.force_login(cast.bra_member)
    url = reverse("staff:follow_up_publish", args=[world.follow_up.pk])
    client.post(url, {"publish": "1"})
    world.follow_up.refresh_from_db()
    assert not world.follow_up.is_published


def test_publish_follow_up(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    client.force_login(cast.bra_member)
    url = reverse("staff:follow_up_publish", args=[world.follow_up.pk])
    assert client.post(url, {"publish": "1"}).status_code == 302
    world.follow_up.refresh_from_db()
    assert world.follow_up.is_published and world.follow_up.published_at
    assert AuditEntry.objects.filter(action="follow_up.published").exists()
    client.post(url, {"publish": "0"})
    world.follow_up.refresh_from_db()
    assert not world.follow_up.is_published


def test_follow_up_form_suggests_traffic_light(client, cast, world):
    ind = world.indicator
    ind.baseline, ind.baseline_year, ind.target, ind.target_year, ind.direction = (
        20,
        2024,
        15,
        2025,
        "down",
    )
    ind.save()
    Measurement.objects.create(indicator=ind, date=D(2025, 11, 1), value=14)
    client.force_login(cast.bra_member)
    page = client.get(reverse("staff:follow_up_create", args=[world.promise.pk])).content.decode()
    assert '<option value="green" selected>' in page


def test_indicator_and_measurement(client, cast, world):
    client.force_login(cast.bra_member)
    response = client.post(
        reverse("staff:indicator_create", args=[world.promise.pk]),
        {
            "name": "Förtroende för polisen",
            "definition": "Andel med mycket eller ganska stort förtroende.",
            "source": "Polisens trygghetsmätning",
            "unit": "%",
            "baseline": "55",
            "baseline_year": 2024,
            "target": "60",
            "target_year": 2025,
            "direction": "up",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    ind = Indicator.objects.get(name="Förtroende för polisen")
    url = reverse("staff:measurement_create", args=[ind.pk])
    assert client.post(url, {"date": "2025-10-01", "value": "58.5"}).status_code == 302
    response = client.post(url, {"date": "2025-10-01", "value": "59"})
    assert response.status_code == 400
    assert "Det finns redan ett mätvärde för det datumet" in response.content.decode()
    assert list(ind.measurements.values_list("value", flat=True)) == [58.5]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"indicator.created", "indicator.measured"} <= actions


def test_indicator_baseline_needs_year(client, cast, world):
    client.force_login(cast.bra_member)
    response = client.post(
        reverse("staff:indicator_edit", args=[world.indicator.pk]),
        {"name": "x", "definition": "y", "source": "z", "baseline": "10", "direction": "down"},
    )
    assert response.status_code == 400
    assert "Ange vilket år utgångsvärdet gäller." in response.content.decode()


def test_form_starts_as_the_users_body(client, cast, world):
    client.force_login(cast.bra_member)
    page = client.get(reverse("staff:follow_up_create", args=[world.promise.pk])).content.decode()
    assert 'value="BRÅ Tjörn"' in page
    assert '<option value="bra" selected>' in page
