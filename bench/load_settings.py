"""Settings of the load and fault benchmarks (bench/stack.py): the production settings from the
environment, unchanged, plus the minimal submit endpoint of bench/submit_urls.py that the
baseline load goes to (never mounted by config.urls, so it cannot be reached in production)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.submit_urls"
