"""Invitation codes in bulk, per area, and the CSV file for a mail house."""

import csv
import io

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Invitation, WaveStatus
from surveys.models.waves import CODE_ALPHABET, CODE_LENGTH
from surveys.services_waves import generate_invitations, random_codes
from tests.survey_factories import area, invitations, survey
from tests.wave_factories import current_wave


def url(name, *args):
    return reverse(f"surveys_staff:{name}", args=args)


@pytest.fixture
def areas(cast):
    return area("centrum", "Centrum"), area("skarhamn", "Skärhamn")


def test_form_lists_the_municipalitys_areas(client, cast, areas):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 3, area=areas[0])
    area("kungalv", "Kungälv centrum", municipality_code="1482")  # another municipality
    client.force_login(cast.alice)
    page = client.get(url("invitations_create", w.pk)).content.decode()
    assert "Centrum" in page and "Skärhamn" in page and "Utan område" in page
    assert "Kungälv" not in page
    assert "3 koder finns redan." in page


def test_codes_are_created_per_area_in_one_go(client, cast, areas):
    centrum, skarhamn = areas
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    data = {f"area_{centrum.pk}": "300", f"area_{skarhamn.pk}": "120", "area_none": ""}
    r = client.post(url("invitations_create", w.pk), data, follow=True)
    assert "420 nya inbjudningskoder är skapade." in r.content.decode()
    assert w.invitations.filter(area=centrum).count() == 300
    assert w.invitations.filter(area=skarhamn).count() == 120
    codes = list(w.invitations.values_list("code", flat=True))
    assert len(set(codes)) == 420
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    entry = AuditEntry.objects.get(action="wave.invitations_created")
    assert entry.after == {"antal": 420, "per_omrade": {"Centrum": 300, "Skärhamn": 120}}
    assert not any(code in str(entry.after) for code in codes)  # no code in the audit trail


def test_ten_thousand_codes_are_unique_across_waves(cast):
    s = survey(cast.tjorn)
    first, second = current_wave(s, name="A"), current_wave(s, name="B")
    generate_invitations(wave=first, user=cast.alice, counts=[(None, 10_000)])
    generate_invitations(wave=second, user=cast.alice, counts=[(None, 10_000)])
    assert Invitation.objects.count() == 20_000
    assert Invitation.objects.values("code").distinct().count() == 20_000


def test_without_areas_one_count_is_asked(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    page = client.get(url("invitations_create", w.pk)).content.decode()
    assert "Antal koder" in page and "Kommunen har inga områden än." in page
    client.post(url("invitations_create", w.pk), {"area_none": "25"})
    assert w.invitations.filter(area=None).count() == 25


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Ange hur många koder som ska skapas, i minst ett fält."),
        ({"area_none": "-3"}, "Kontrollera att detta värde är större än eller lika med 0."),
        ({"area_none": "tre"}, "Fyll i ett heltal."),
        ({"area_none": "20001"}, "mindre än eller lika med 20000"),
    ],
)
def test_bad_counts_create_nothing(client, cast, data, message):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    r = client.post(url("invitations_create", w.pk), data)
    assert r.status_code == 400
    assert message in r.content.decode()
    assert not Invitation.objects.exists()


def test_the_sum_over_areas_is_limited(client, cast, areas):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    data = {f"area_{a.pk}": "15000" for a in areas}
    r = client.post(url("invitations_create", w.pk), data)
    assert r.status_code == 400
    assert (
        "Högst 20\u00a0000 koder kan skapas åt gången; du har angett 30\u00a0000."
        in r.content.decode()
    )
    assert not Invitation.objects.exists()


def test_an_area_of_another_municipality_cannot_be_posted(client, cast):
    w = current_wave(survey(cast.tjorn))
    foreign = area("landvetter", "Landvetter", municipality_code="1401")
    client.force_login(cast.alice)
    client.post(url("invitations_create", w.pk), {f"area_{foreign.pk}": "5", "area_none": "1"})
    assert not Invitation.objects.filter(area=foreign).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": WaveStatus.CLOSED}, "Omgången är stängd."),
        ({"uses_sample": False}, "Omgången använder inte urval med inbjudningskoder."),
    ],
)
def test_no_codes_for_a_closed_wave_or_one_without_sample(client, cast, fields, message):
    w = current_wave(survey(cast.tjorn), **fields)
    client.force_login(cast.alice)
    r = client.post(url("invitations_create", w.pk), {"area_none": "5"})
    assert r.status_code == 400
    assert message in r.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("username", ["viewer", "reporter"])
def test_only_editors_create_codes(client, cast, username):
    w = current_wave(survey(cast.tjorn))
    client.force_login(getattr(cast, username))
    assert client.post(url("invitations_create", w.pk), {"area_none": "5"}).status_code == 403
    assert client.get(url("invitations_csv", w.pk)).status_code == 403
    assert not Invitation.objects.exists()


def test_another_tenant_gets_404(client, cast):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 2)
    client.force_login(cast.charlie)
    assert client.post(url("invitations_create", w.pk), {"area_none": "5"}).status_code == 404
    assert client.get(url("invitations_csv", w.pk)).status_code == 404
    assert Invitation.objects.count() == 2


def test_invitations_wrong_method(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    assert client.delete(url("invitations_create", w.pk)).status_code == 405
    assert client.post(url("invitations_csv", w.pk)).status_code == 405


# The CSV for a mail house


def test_csv_has_code_area_and_answer_address(client, cast, areas, settings):
    settings.SITE_URL = "https://medborgarloften.example"
    centrum, _ = areas
    w = current_wave(survey(cast.tjorn))
    made = invitations(w, 3, area=centrum) + invitations(w, 2)
    client.force_login(cast.alice)
    r = client.get(url("invitations_csv", w.pk))
    assert r["Content-Type"] == "text/csv; charset=utf-8"
    assert r["Content-Disposition"].startswith('attachment; filename="inbjudningar-')
    rows = list(csv.reader(io.StringIO(b"".join(r.streaming_content).decode("utf-8"))))
    assert rows[0] == ["kod", "områdeskod", "område", "svarsadress"]
    assert len(rows) == 6
    by_code = {row[0]: row for row in rows[1:]}
    assert set(by_code) == {i.code for i in made}
    for i in made[:3]:
        assert by_code[i.code][1:] == [
            "centrum",
            "Centrum",
            f"https://medborgarloften.example/enkat/kod/{i.code}/",
        ]
    assert by_code[made[3].code][1:3] == ["", ""]
    assert AuditEntry.objects.get(action="wave.invitations_exported").after == {"antal": 5}


def test_csv_area_names_cannot_run_as_formulas(client, cast):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 1, area=area("lika", "=SUMMA(A1)"))
    client.force_login(cast.alice)
    body = b"".join(client.get(url("invitations_csv", w.pk)).streaming_content).decode()
    assert ",'=SUMMA(A1)," in body


def test_csv_of_a_wave_without_codes_says_so(client, cast):
    w = current_wave(survey(cast.tjorn))
    client.force_login(cast.alice)
    r = client.get(url("invitations_csv", w.pk), follow=True)
    assert "Omgången har inga inbjudningskoder än." in r.content.decode()
    assert not AuditEntry.objects.filter(action="wave.invitations_exported").exists()


def test_random_codes_use_the_whole_alphabet():
    codes = random_codes(3100)
    assert len(codes) == 3100
    assert {code[0] for code in codes} == set(CODE_ALPHABET)
    assert {code[-1] for code in codes} == set(CODE_ALPHABET)
