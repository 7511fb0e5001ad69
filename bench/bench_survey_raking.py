"""Raking 100,000 respondents on three margins (area, sex, age band): ours against samplics and
against svy, in the same run, on the same data.

Goals: at least 50 times faster than samplics and 5 times faster than svy, with the same weights
to 1e-9. Every implementation gets the labels as numpy arrays and codes them itself (that coding
is most of the work at this size); svy's Sample is built inside its timing, from a polars
DataFrame made beforehand.
"""

import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import emit  # noqa: E402

from surveys.analysis import rake  # noqa: E402

N = 100_000
TOL = 1e-12
MARGINS = {
    "area": {
        "svenljunga": 3400.0,
        "overlida": 1500.0,
        "mjoback": 1200.0,
        "holsljunga": 900.0,
        "ostra_frolunda": 1300.0,
    },
    "kon": {"kvinna": 4080.0, "man": 4220.0},
    "alder": {"16-29": 1600.0, "30-44": 1700.0, "45-64": 2650.0, "65-84": 2350.0},
}


def sample() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(465)
    return {
        "area": rng.choice(list(MARGINS["area"]), N, p=[0.35, 0.2, 0.15, 0.12, 0.18]),
        "kon": rng.choice(list(MARGINS["kon"]), N, p=[0.55, 0.45]),
        "alder": rng.choice(list(MARGINS["alder"]), N, p=[0.12, 0.18, 0.35, 0.35]),
    }


def timed(run: Callable[[], np.ndarray], repeat: int) -> tuple[float, np.ndarray]:
    samples, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def main() -> None:
    import polars as pl
    import svy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # samplics announces that svy succeeds it
        from samplics.weighting import SampleWeight

    columns = sample()
    frame = pl.DataFrame({**{k: v.tolist() for k, v in columns.items()}, "w": np.ones(N)})

    def ours() -> np.ndarray:
        return rake(columns, MARGINS, tol=TOL)

    def with_samplics() -> np.ndarray:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return SampleWeight().rake(
                samp_weight=np.ones(N), control=MARGINS, margins=columns, tol=TOL, max_iter=1000
            )

    def with_svy() -> np.ndarray:
        design = svy.Sample(data=frame, design=svy.Design(wgt="w"))
        raked = design.weighting.rake(controls=MARGINS, tol=TOL, max_iter=1000)
        return raked.data.get_column("rk_wgt").to_numpy()

    ours()  # warm up (imports, caches)
    our_ms, our_weights = timed(ours, 15)
    samplics_ms, samplics_weights = timed(with_samplics, 3)
    svy_ms, svy_weights = timed(with_svy, 5)
    for name, ms, weights, goal in (
        ("samplics", samplics_ms, samplics_weights, 50),
        ("svy", svy_ms, svy_weights, 5),
    ):
        difference = float(np.max(np.abs(our_weights - weights)))
        speedup = ms / our_ms
        emit(
            name=f"survey_raking_100k_vs_{name}",
            value=round(our_ms, 2),
            unit="ms",
            baseline_name=f"{name}_raking_100k",
            baseline_value=round(ms, 2),
            ratio=round(speedup, 1),
            goal=f">= {goal} (times faster) and weights equal to 1e-9",
            meets=speedup >= goal and difference < 1e-9,
            max_abs_weight_difference=difference,
        )


if __name__ == "__main__":
    main()
