"""Structured logs: JSON lines with the request id, and no personal data (addresses, e-mail,
secrets in paths) in them."""

import json
import logging

import pytest

from core.logs import JsonFormatter, scrub


def test_scrub_removes_addresses_and_secrets():
    text = scrub(
        "anna.a@example.se from 192.168.1.20 opened /enkat/kod/ABCD-1234/ and /rapport/xyz/"
    )
    assert "example.se" not in text and "192.168" not in text
    assert "ABCD-1234" not in text and "xyz" not in text
    assert "/enkat/kod/[dold]/" in text


@pytest.mark.django_db
def test_each_request_logs_one_json_line_with_its_id(client, caplog, settings):
    formatter = JsonFormatter()
    logger = logging.getLogger("medborgarloften.request")
    logger.setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="medborgarloften.request"):
        response = client.get("/enkat/kod/SECRET99/", headers={"x-request-id": "abc-123"})
    assert response["X-Request-ID"] == "abc-123"
    lines = [json.loads(formatter.format(r)) for r in caplog.records]
    line = next(entry for entry in lines if entry["request_id"] == "abc-123")
    assert line["method"] == "GET" and line["status"] == response.status_code
    assert "SECRET99" not in json.dumps(lines)
    assert "127.0.0.1" not in json.dumps(lines)
