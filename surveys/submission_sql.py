"""A web submission from a draft as one PostgreSQL statement: the draft deleted, the code
consumed and the response inserted together, committed in the same round trip.

This is services.submit_response's path on PostgreSQL when a draft is submitted (the answer
pages); the ORM path does the same in a transaction of four statements, and is what SQLite and
the other callers use. Being one statement it is atomic by itself; the conditional UPDATE
still decides between concurrent submits of one code (a second waits for the first, then finds
the code consumed), and the DELETE between submits of one draft. The code is consumed only
together with the draft's deletion, and the response only inserted with both, so a failure
stores nothing. The draft is deleted even when the code was refused: it can never be sent
then, and the view says why.
"""

import json

from django.db import connection

from surveys.models import Invitation, Response, ResponseDraft, Wave, WaveStatus
from surveys.models.waves import normalise_code

DRAFT = ResponseDraft._meta.db_table
INVITATION = Invitation._meta.db_table
WAVE = Wave._meta.db_table
RESPONSE = Response._meta.db_table

INSERT = f"""
INSERT INTO {RESPONSE}
    (wave_id, mode, is_representative, area_id, language, submitted_on, answers)
SELECT %(wave)s, %(mode)s, %(representative)s, {{area}}, %(language)s, %(day)s, %(answers)s::jsonb
"""
WAVE_IS_OPEN = f"EXISTS (SELECT 1 FROM {WAVE} WHERE id = %(wave)s AND status = %(open)s)"
GONE = f"gone AS (DELETE FROM {DRAFT} WHERE token_hash = %(token)s RETURNING id)"

SAMPLE = f"""
WITH {GONE},
used AS (
    UPDATE {INVITATION} SET consumed = TRUE
    WHERE code = %(code)s AND wave_id = %(wave)s AND NOT consumed
        AND EXISTS (SELECT 1 FROM gone) AND {WAVE_IS_OPEN}
    RETURNING area_id
)
{INSERT.format(area="used.area_id")} FROM used
RETURNING id, area_id
"""
OPEN = f"""
WITH {GONE}
{INSERT.format(area="%(area)s")} FROM gone WHERE {WAVE_IS_OPEN}
RETURNING id, area_id
"""


def store_from_draft(
    *,
    wave: Wave,
    answers: dict,
    mode: str,
    language: str,
    code: str,
    area_id: int | None,
    token_hash: str,
    representative: bool,
    day: object,
) -> tuple[int, int | None] | None:
    """(response id, area id) when stored, None when nothing was."""
    params = {
        "wave": wave.pk,
        "mode": mode,
        "representative": representative,
        "area": area_id,
        "language": language,
        "day": day,
        "answers": json.dumps(answers, ensure_ascii=False),
        "token": token_hash,
        "code": normalise_code(code),
        "open": WaveStatus.OPEN,
    }
    with connection.cursor() as cursor:
        cursor.execute(SAMPLE if mode == Response.Mode.SAMPLE else OPEN, params)
        return cursor.fetchone()
