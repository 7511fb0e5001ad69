"""GET /api/v1/promises/{id} with 200 activities against the same with 5, in one run.

Goal: time ratio at most 1.5 and the same number of SQL queries (the endpoint must not do work
per activity in the database).
"""

from common import setup_django

setup_django()

from promise_scaling import compare  # noqa: E402

compare("api_promise", lambda p: f"/api/v1/promises/{p.pk}")
