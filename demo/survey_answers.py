"""Generated answers to the bank's questions for the demo and the benchmarks ("Exempeldata":
nobody answered these). Plausible but invented: women feel unsafe out late more often than men,
older people more than the middle-aged, and each area has its own level."""

import numpy as np

SAFETY = [
    "mycket_trygg",
    "ganska_trygg",
    "ganska_otrygg",
    "mycket_otrygg",
    "gar_aldrig_ut",
    "vet_ej",
]
WORRY = ["mycket_stor", "ganska_stor", "ganska_liten", "mycket_liten", "inte_alls"]
OFTEN = ["mycket_ofta", "ganska_ofta", "ganska_sallan", "aldrig"]
REFRAINED = ["ja_ofta", "ja_ibland", "nej"]
CONFIDENCE = [
    "mycket_stort",
    "ganska_stort",
    "varken_eller",
    "ganska_litet",
    "mycket_litet",
    "vet_ej",
]
PROBLEM = ["mycket_stort", "ganska_stort", "ganska_litet", "inget", "vet_ej"]
PROBLEMS = [
    "nedskrapning",
    "skadegorelse",
    "klotter",
    "belysning",
    "buskorning",
    "fortkorning",
    "alkohol",
    "narkotika_paverkade",
    "narkotikahandel",
    "ungdomsgang",
    "brak",
    "bostadsinbrott",
    "bilbrott",
    "cykelstolder",
]
AGES = ["16-29", "30-44", "45-64", "65-84"]


def _pick(rng: np.random.Generator, options: list[str], weights: list[float]) -> str:
    p = np.asarray(weights, dtype=float)
    return str(rng.choice(options, p=p / p.sum()))


def generated_answers(
    rng: np.random.Generator, *, unsafe: float = 0.18, problems: float = 1.0
) -> dict:
    """One respondent's answers. `unsafe` moves the share feeling unsafe out late (about that
    share for the average respondent); `problems` scales how big the problems seem."""
    sex = _pick(rng, ["kvinna", "man", "annat"], [0.5, 0.48, 0.02])
    age = _pick(rng, AGES, [0.2, 0.22, 0.33, 0.25])
    lean = unsafe * (1.5 if sex == "kvinna" else 0.55 if sex == "man" else 1.0)
    lean *= {"16-29": 0.9, "30-44": 0.8, "45-64": 1.0, "65-84": 1.3}[age]
    lean = min(lean, 0.8)
    answers = {
        "kon": sex,
        "alder": age,
        "otrygg_kvall": _pick(
            rng, SAFETY, [0.45 * (1 - lean), 0.55 * (1 - lean), 0.7 * lean, 0.3 * lean, 0.08, 0.02]
        ),
        "oro_samhalle": _pick(rng, WORRY, [0.1 + lean / 3, 0.3, 0.35, 0.15, 0.1]),
        "oro_inbrott": _pick(rng, OFTEN, [0.04, 0.12, 0.5, 0.34]),
        "avstatt": _pick(rng, REFRAINED, [0.05 + lean / 4, 0.25, 0.7]),
        "fortroende_polis": _pick(rng, CONFIDENCE, [0.2, 0.45, 0.2, 0.08, 0.04, 0.03]),
        "trygghet_index": int(rng.integers(max(1, 8 - round(10 * lean)), 11)),
    }
    if answers["otrygg_kvall"] == "gar_aldrig_ut":
        answers["otrygg_kvall_orsak"] = _pick(rng, ["ja", "nej"], [0.5, 0.5])
    for item in PROBLEMS:
        big = min(0.9, problems * (0.25 if item in {"fortkorning", "nedskrapning"} else 0.1))
        answers[f"problem_{item}"] = _pick(
            rng, PROBLEM, [big / 3, 2 * big / 3, 0.45, max(0.02, 0.55 - big), 0.05]
        )
    return answers
