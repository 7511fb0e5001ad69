"""Settings for bench_survey_submit.py only: production-like (DEBUG off, persistent database
connections) plus the minimal endpoint of bench/submit_urls.py, which is never mounted by
config.urls, so it cannot be reached in production."""

from config.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.submit_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
# The pages render {% static %}; the benchmark does not run collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
