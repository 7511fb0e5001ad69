"""Open311 has no OpenAPI schema, so hypothesis makes the query strings and POST bodies: any
parameter of GeoReport v2 (and unknown ones) with good, odd and random values, in .json and
.xml. The answer is never a server error: it is the resource, or the spec's error list; a POST
stores one report or nothing."""

import json
from urllib.parse import quote, urlencode
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participation.models import ReportContact, ResidentReport
from participation.open311.keys import issue_key
from tests.fuzz_helpers import TRICKY, fuzz
from tests.open311_helpers import BASE

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"
VALUES = st.one_of(
    st.sampled_from(
        [
            *TRICKY,
            "1419",
            "9999",
            "1419\x00",
            "belysning",
            "klotter",
            "misshandel",
            "open",
            "closed",
            "open,closed",
            "1,2,3",
            "²",
            "١٢",
            "9" * 30,
            "2025-10-07T14:00:00+02:00",
            "2025-10-07",
            "2025-10-07T14:00:00 02:00",
            "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "0001-01-01",
            "57.99131",
            "11.54778",
            "91",
            "nan",
            "1e999",
            "http://example.org/x.jpg",
            "a@b",
            "+46701234567",
            "1000",
            "1001",
        ]
    ),
    st.text(max_size=20),
)
GET_KEYS = [
    "jurisdiction_id",
    "service_request_id",
    "service_code",
    "start_date",
    "end_date",
    "status",
    "limit",
]
POST_KEYS = [
    "service_code",
    "jurisdiction_id",
    "lat",
    "long",
    "address_string",
    "address_id",
    "email",
    "phone",
    "first_name",
    "last_name",
    "device_id",
    "account_id",
    "description",
    "media_url",
    "attribute[typ]",
    "attribute[typ][]",
    "attribute[antal]",
]
KEYS = st.one_of(st.sampled_from(GET_KEYS + POST_KEYS), st.text(min_size=1, max_size=10))
# Values each parameter is most likely to break on, drawn more often than the rest.
BY_KEY = {
    "jurisdiction_id": ["1419", "9999", "1419\x00", "\x01", "0" * 200],
    "service_request_id": ["1", "1,2,3", "²", "١٢", "9" * 30, "1," * 1001, "-1"],
    "service_code": ["belysning", "klotter", "misshandel", "belysning,,klotter", "\x00"],
    "start_date": ["2025-10-07", "9999-12-31T23:59:59Z", "0001-01-01", "2025-10-07T25:00"],
    "end_date": ["2025-10-07T14:00:00+02:00", "0001-01-01T00:00:00+14:00", "2025-01-01"],
    "status": ["open", "closed", "open,closed", "OPEN", "öppen"],
    "limit": ["1", "1000", "1001", "0", "-5", "9" * 5000, "1.5"],
}
QUERIES = st.lists(
    st.one_of(
        st.sampled_from(list(BY_KEY)).flatmap(
            lambda k: st.tuples(st.just(k), st.one_of(st.sampled_from(BY_KEY[k]), VALUES))
        ),
        st.tuples(KEYS, VALUES),
    ),
    max_size=6,
)
PATHS = st.one_of(
    st.sampled_from(["discovery", "services", "requests", "services/belysning"]),
    st.builds(lambda v: f"services/{v}", st.from_regex(r"[-a-zA-Z0-9_]{1,20}", fullmatch=True)),
    st.builds(
        lambda v: f"requests/{quote(v, safe='')}", VALUES.filter(lambda v: v and "/" not in v)
    ),
    st.builds(lambda v: quote(v, safe="/"), VALUES),  # any other path: the spec's 404
    st.builds(lambda v: f"tokens/{v}", st.from_regex(r"[-a-zA-Z0-9_]{1,30}", fullmatch=True)),
)


def _is_open311(response, fmt: str) -> None:
    assert response.status_code < 500
    if response.status_code in (301, 302):
        return
    if fmt == "json":
        assert response["Content-Type"] == "application/json; charset=utf-8"
        body = json.loads(response.content)
        if response.status_code >= 400:
            assert (
                isinstance(body, list)
                and body
                and all(set(e) == {"code", "description"} for e in body)
            )
    else:
        root = ElementTree.fromstring(response.content)
        if response.status_code >= 400:
            assert root.tag == "errors"


@fuzz(40)
@given(path=PATHS, query=QUERIES, fmt=st.sampled_from(["json", "xml"]))
def test_any_query_string(client, path, query, fmt):
    url = f"{BASE}/{path}.{fmt}"
    response = client.get(url + "?" + urlencode(query))
    _is_open311(response, fmt)


@pytest.fixture
def key(cast):
    return issue_key(name="Fuzz", organisation=cast.tjorn, actor=None)[1]


@fuzz(40)
@given(
    body=st.lists(st.tuples(st.sampled_from(POST_KEYS), VALUES), max_size=8),
    good=st.booleans(),
    fmt=st.sampled_from(["json", "xml"]),
    content_type=st.sampled_from([FORM, FORM, "multipart/form-data", "application/json"]),
)
def test_any_post_body(client, key, body, good, fmt, content_type):
    data = [("api_key", key)] + body
    if good:  # most fields good, so that some requests get through
        data = [
            ("api_key", key),
            ("service_code", "belysning"),
            ("lat", "57.99131"),
            ("long", "11.54778"),
            ("description", "Lampan är släckt."),
        ] + body
    before = ResidentReport.objects.count(), ReportContact.objects.count()
    url = f"{BASE}/requests.{fmt}"
    if content_type == "multipart/form-data":
        fields: dict[str, list[str]] = {}
        for name, value in data:
            fields.setdefault(name, []).append(value)
        response = client.post(url, fields)
    else:
        response = client.post(url, urlencode(data), content_type=content_type)
    _is_open311(response, fmt)
    reports, contacts = ResidentReport.objects.count(), ReportContact.objects.count()
    if response.status_code == 201:
        assert reports == before[0] + 1 and contacts - before[1] in (0, 1)
    else:
        assert (reports, contacts) == before, "a refused request stores nothing"


# What the fuzzing found: each input raised (a server error) before it was fixed.


def _error(client, path: str, code: int) -> str:
    response = client.get(f"{BASE}/{path}")
    assert response.status_code == code, response.content
    return " ".join(e["description"] for e in response.json())


def test_request_detail_superscript_two(client):
    assert "Ärendet ² finns inte" in _error(client, "requests/².json", 404)


def test_service_request_id_superscript_two(client):
    text = _error(client, "requests.json?service_request_id=%C2%B2", 400)
    assert text.startswith("service_request_id: Ange ärendenummer")


def test_service_request_id_of_30_nines(client):
    text = _error(client, f"requests.json?service_request_id={'9' * 30}", 400)
    assert text.startswith("service_request_id: Ange ärendenummer")


def test_start_date_9999_12_31(client):
    text = _error(client, "requests.json?start_date=9999-12-31T23:59:59Z", 400)
    assert text == "start_date: Ange ett datum mellan år 1900 och 2200."


def test_end_date_0001_01_01(client):
    text = _error(client, "requests.json?end_date=0001-01-01", 400)
    assert text == "end_date: Ange ett datum mellan år 1900 och 2200."


def test_jurisdiction_id_with_a_nul_character(client):
    assert "ingen kommun" in _error(client, "services.json?jurisdiction_id=14%0019", 404)


def test_unknown_path_with_a_line_break(client):
    response = client.get(f"{BASE}/x%0Ay.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Resursen finns inte" in _error(client, "x%0Ay.json", 404)
