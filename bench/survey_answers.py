"""The answers every survey benchmark types: one per question kind of the 30-question survey,
and the worried answer to the evening question that the results pages break down."""

import re

QUESTIONS = 30
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWERS_TYPED = {
    "single": "ganska_trygg",
    "scale": "7",
    "number": "2",
    "text": "Bättre belysning vid busshållplatsen och fler vuxna ute på kvällarna.",
    "point": "58.0012,11.6543",
    "area": "centrum",
}


def answers_for(specs: list) -> dict[str, list[str]]:
    typed = {}
    for spec in specs:
        if spec.kind in ("single", "multiple"):
            value = "gar_aldrig_ut" if spec.key == "otrygg_kvall" else spec.options[0]
            typed[spec.key] = [value]
        elif spec.kind != "note":
            typed[spec.key] = [ANSWERS_TYPED[spec.kind]]
    return typed
