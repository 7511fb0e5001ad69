"""The public municipality page with 200 activities against the same page with 5, in one run.

Goal: time ratio at most 1.5 and the same number of SQL queries (the page must not do work per
activity in the database).
"""

from common import setup_django

setup_django()

from promise_scaling import compare  # noqa: E402

compare(
    "public_municipality_page",
    lambda p: p.parties.get(kind="municipality").municipality.get_absolute_url(),
)
