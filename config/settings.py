"""One settings module, driven by the environment; works with no configuration at all.

Defaults give a local demo on SQLite. Production sets SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and
DATABASE_URL (PostgreSQL).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config import cache_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
if not DEBUG and "SECRET_KEY" not in os.environ:
    raise ImproperlyConfigured("DEBUG=0 needs SECRET_KEY: a long random string, kept secret.")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if host.strip()
]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "organisations",
    "promises",
    "surveys",
    "participation",
    "situation",
    "notifications",
    "public",
    "api",
    "demo",
]

MIDDLEWARE = [
    "core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.caching.PublicCacheMiddleware",
    "core.replica.PublicReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor (organisations/second_factor.py): marks the session's verified device,
    # then keeps an editor or admin who has not given the code out of the staff pages.
    "django_otp.middleware.OTPMiddleware",
    "organisations.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns its lockout into our login page with the lock message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# SQLite (WAL, set in core.apps) unless DATABASE_URL points elsewhere, e.g.
# postgres://postgres@127.0.0.1:5432/medborgarloften
(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0" if DEBUG else "60")),
        # A persistent connection is checked before each request reuses it, so that the app
        # recovers by itself after PostgreSQL restarts (issue 9; core/unavailable.py).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # Tests use a file, as production does: an in-memory database shared between threads answers
    # concurrent writers with "table is locked" at once instead of waiting its turn.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("SQLITE_TEST_NAME")
        or str(BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3")
    }

# Scale-out (core/replica.py): with DATABASE_REPLICA_URL (a PostgreSQL streaming replica of
# DATABASE_URL, hot_standby = on), anonymous public pages read from it; everything else uses the
# primary. Tests point it at the default test database (TEST MIRROR).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"].get("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["core.replica.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
# Login throttling (django-axes, organisations/login.py). An account is locked for
# AXES_COOLOFF_MINUTES after AXES_FAILURE_LIMIT wrong passwords (the next attempt is refused
# without checking the password); an address after LOGIN_ADDRESS_FAILURE_LIMIT wrong passwords
# whatever the usernames. Axes keeps the address of failed staff logins only for the cool-off:
# `manage.py axes_reset` (scheduled, see README) deletes what is left. Successful logins are not
# logged by axes (AXES_DISABLE_ACCESS_LOG), so no resident's or staff member's address is kept.
AUTHENTICATION_BACKENDS = [
    "organisations.login.ThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "organisations.login.ThrottleHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_ACCOUNT_FAILURE_LIMIT", "10"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "50"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "organisations.login.lockout_response"
AXES_CLIENT_STR_CALLABLE = "organisations.login.client_str"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# Second factor (organisations/second_factor.py): editors, admins and platform admins confirm the
# password with a 6-digit code from an authenticator app (TOTP, django-otp) or a one-time recovery
# code. Wrong codes count towards the same account lock as wrong passwords (axes, above), so
# django-otp's own delay per device is off.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Medborgarlöften")
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
SECOND_FACTOR_RECOVERY_CODES = 10
# Password reset by e-mail: the link is valid this long (Django's PASSWORD_RESET_TIMEOUT).
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_HOURS", "2")) * 3600
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "public:home"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# Uploaded files (photos of reports): kept outside the code, included in `manage.py backup`.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where `collectstatic` puts the files WhiteNoise serves when DEBUG=0.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Hardened by default when DEBUG=0 (issue 9): `manage.py check --deploy` reports nothing.
# Behind a reverse proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^halsa/$"]  # the load balancer's health check speaks plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_"),
        "https",
    )
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
# Features no page uses are switched off for every page (core.middleware.SecurityHeaders).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


# Content-Security-Policy (django-csp), on in every mode so that the browser tests run under it:
# scripts, styles, images and fonts only from the site itself (no inline script anywhere; style
# attributes, which progress bars and charts use, are allowed), map tiles from MAP_TILE_URL's
# host when one is set. Browsers report violations to the console, which the browser tests fail on.
def _tile_origin(url: str) -> list[str]:
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a"))
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_tile_origin(os.environ.get("MAP_TILE_URL", ""))],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Anonymous public pages may be kept this long by shared caches (proxy, CDN; core/caching.py).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
# Staff sessions end after this many idle minutes (each request pushes the end forward).
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True

# Privacy (DOMAIN.md §7): counts of people below this are never published.
PRIVACY_MIN_CELL = int(os.environ.get("PRIVACY_MIN_CELL", "5"))
# Public map points are moved to the centre of a grid cell of this size unless a moderator
# approves the precise point.
PUBLIC_POINT_GRID_METRES = int(os.environ.get("PUBLIC_POINT_GRID_METRES", "200"))
# The lägesbild counts residents' reports and walk stops per cell of this grid on its maps.
LAGESBILD_MAP_GRID_METRES = int(os.environ.get("LAGESBILD_MAP_GRID_METRES", "500"))
# …and looks for hot spots (Getis-Ord Gi*) on a grid of this cell size.
LAGESBILD_HOTSPOT_CELL_METRES = int(os.environ.get("LAGESBILD_HOTSPOT_CELL_METRES", "250"))
# … and survey results are not broken down for a group with fewer respondents than this.
PRIVACY_MIN_BREAKDOWN = int(os.environ.get("PRIVACY_MIN_BREAKDOWN", "30"))
# Residents' reports: one not handled within this many days (still waiting for moderation, or
# published but still only "mottagen") is highlighted as overdue in the moderation queue.
REPORT_OVERDUE_DAYS = int(os.environ.get("REPORT_OVERDUE_DAYS", "14"))

# Background work (DESIGN.md): django-tasks with its database backend, run by
# `manage.py db_worker`. TASKS_IMMEDIATE=1 runs tasks in the request instead (tests, small demos).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_bool("TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# A task running longer than this is reported as stuck on /halsa/ and in the platform admin;
# `manage.py requeue_stuck_tasks` puts such tasks back in the queue.
TASK_STUCK_MINUTES = int(os.environ.get("TASK_STUCK_MINUTES", "30"))

# E-mail: printed to the console in the demo; SMTP in production (EMAIL_HOST and friends).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Medborgarlöften <noreply@localhost>")

# Logs go to standard error; LOG_FORMAT=json (the default when DEBUG=0) writes one JSON object
# per line with the request id (core/logs.py). LOG_REQUESTS=1 adds one access line per request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("LOG_FORMAT", "plain" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "filters": {"disallowed_host": {"()": "core.logs.DisallowedHostFilter"}},
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["disallowed_host"]},
        "medborgarloften.request": {
            "level": "INFO" if env_bool("LOG_REQUESTS", not DEBUG) else "WARNING"
        },
    },
}

# API (issue 5, parts 1–2): /api/v1/ pagination, caching, personal API tokens.
API_DEFAULT_LIMIT = int(os.environ.get("API_DEFAULT_LIMIT", "50"))
API_MAX_LIMIT = int(os.environ.get("API_MAX_LIMIT", "200"))
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
API_TOKEN_DEFAULT_DAYS = int(os.environ.get("API_TOKEN_DEFAULT_DAYS", "90"))
API_TOKEN_MAX_DAYS = int(os.environ.get("API_TOKEN_MAX_DAYS", "365"))
MIDDLEWARE.append("api.http.ApiMiddleware")

# Open data (public/opendata): who publishes the DCAT-AP-SE catalogue and how to reach them.
# Set OPEN_DATA_CONTACT_EMAIL in production: the default (a .invalid address) only marks it as
# not configured, and `manage.py check --deploy` warns about it.
OPEN_DATA_PUBLISHER_NAME = os.environ.get("OPEN_DATA_PUBLISHER_NAME", "Medborgarlöften")
OPEN_DATA_PUBLISHER_URL = os.environ.get("OPEN_DATA_PUBLISHER_URL", SITE_URL)
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", "oppnadata@example.invalid")

# Imports (core.imports): the largest file read (checked before parsing), the largest size a
# gzip file may unpack to, how many problems are listed before reading stops, and how long an
# uploaded file waits for its confirmation after the preview.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(20 * 2**20)))
IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("IMPORT_MAX_UNPACKED_BYTES", str(200 * 2**20)))
IMPORT_MAX_ERRORS = int(os.environ.get("IMPORT_MAX_ERRORS", "200"))
IMPORT_PENDING_MINUTES = int(os.environ.get("IMPORT_PENDING_MINUTES", "60"))
# Following by e-mail and staff reminders (notifications). Addresses that are not confirmed
# within SUBSCRIPTION_CONFIRM_DAYS are deleted; weekly digests go out every DIGEST_DAYS days.
SUBSCRIPTION_CONFIRM_DAYS = int(os.environ.get("SUBSCRIPTION_CONFIRM_DAYS", "7"))
DIGEST_DAYS = int(os.environ.get("DIGEST_DAYS", "7"))
# Staff are reminded of an ongoing activity without a progress update for this many weeks, of a
# promise not followed up for this many months, and e-mailed about the same item at most once
# every REMINDER_REPEAT_DAYS days.
REMINDER_QUIET_WEEKS = int(os.environ.get("REMINDER_QUIET_WEEKS", "8"))
REMINDER_FOLLOW_UP_MONTHS = int(os.environ.get("REMINDER_FOLLOW_UP_MONTHS", "12"))
REMINDER_REPEAT_DAYS = int(os.environ.get("REMINDER_REPEAT_DAYS", "14"))
# Maps (core/maps): a tile URL template such as https://tile.example.org/{z}/{x}/{y}.png. Empty
# (the default): no tiles and no request to anyone else; the municipality's boundary is drawn.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")

# Survey answer pages: how long a process keeps a wave's questionnaire (surveys/answering.py).
SURVEY_QUESTIONNAIRE_CACHE_SECONDS = int(os.environ.get("SURVEY_QUESTIONNAIRE_CACHE_SECONDS", "60"))

# Lägesbild (situation): the åtgärdsplan is reviewed every this many years unless its decision
# says otherwise (law 2023:196 leaves the interval open; DOMAIN.md §1).
ACTION_PLAN_REVIEW_YEARS = int(os.environ.get("ACTION_PLAN_REVIEW_YEARS", "2"))
# Its coordinators are reminded of the review from this many days before it is due.
ACTION_PLAN_REVIEW_REMINDER_DAYS = int(os.environ.get("ACTION_PLAN_REVIEW_REMINDER_DAYS", "60"))

# Caches (config/cache_url.py). CACHE_URL is the default cache, which must be shared by every
# app server: the report form's flood limit counts in it. The database's cache table (db://, made
# by core's migration) when DEBUG=0, this process's memory in the demo and tests.
# Background tasks' live progress (core.tasks) goes through TASK_PROGRESS_CACHE_URL, shared by
# the web servers and the worker: by default a file cache in var/cache/tasks, which processes on
# one machine share; with app servers on several machines, a file:// directory they all mount or
# redis://… Not db://: a task writes its steps inside its own transaction, unseen until it ends.
# Pages following a task reload every TASK_PROGRESS_REFRESH_SECONDS.
CACHES = {
    "default": cache_url.parse(os.environ.get("CACHE_URL") or ("locmem://" if DEBUG else "db://")),
    "tasks": cache_url.parse(
        os.environ.get("TASK_PROGRESS_CACHE_URL")
        or f"file://{BASE_DIR / 'var' / 'cache' / 'tasks'}",
        setting="TASK_PROGRESS_CACHE_URL",
    ),
}
if cache_url.is_database(CACHES["tasks"]):
    raise ImproperlyConfigured(
        "TASK_PROGRESS_CACHE_URL cannot be db://: use file:///a/shared/directory or redis://…"
    )
TASK_PROGRESS_CACHE = "tasks"
TASK_PROGRESS_REFRESH_SECONDS = int(os.environ.get("TASK_PROGRESS_REFRESH_SECONDS", "2"))

# Polisen's events API (situation.fetching; `manage.py fetch_police_events`). Its rules: an
# identifying User-Agent, at least 10 s between calls and at most 60 calls an hour.
POLICE_API_URL = os.environ.get("POLICE_API_URL", "https://polisen.se/api/events")
POLICE_API_USER_AGENT = os.environ.get(
    "POLICE_API_USER_AGENT", f"Medborgarloften/1.0 (+{SITE_URL}; {OPEN_DATA_CONTACT_EMAIL})"
)
POLICE_API_MIN_INTERVAL_SECONDS = float(os.environ.get("POLICE_API_MIN_INTERVAL_SECONDS", "10"))
POLICE_API_MAX_CALLS_PER_HOUR = int(os.environ.get("POLICE_API_MAX_CALLS_PER_HOUR", "60"))
POLICE_API_TIMEOUT_SECONDS = float(os.environ.get("POLICE_API_TIMEOUT_SECONDS", "30"))
# EST: the period analysis cuts the year into quarters ("quarter") or tertials ("tertial"), as
# the municipality works (DOMAIN.md §4).
EST_ANALYSIS_PERIOD = os.environ.get("EST_ANALYSIS_PERIOD", "quarter")
# Residents' reports (participation/reports): uploaded files live under MEDIA_ROOT (above; not
# served publicly by this app); photos are re-encoded without any metadata.
# Contact details a resident leaves, and the original text of a report a moderator redacted, are
# deleted this many days after the report (`manage.py apply_retention`).
REPORT_CONTACT_RETENTION_DAYS = int(os.environ.get("REPORT_CONTACT_RETENTION_DAYS", "90"))
REPORT_ORIGINAL_RETENTION_DAYS = int(os.environ.get("REPORT_ORIGINAL_RETENTION_DAYS", "90"))
# Retention (core.retention, `manage.py apply_retention`): an unfinished survey answer (with the
# code from the letter) is deleted when untouched for SURVEY_DRAFT_RETENTION_DAYS; the details of
# an audit entry (before/after) are removed after AUDIT_DETAIL_RETENTION_DAYS, the entry itself
# (who, what, when) is kept.
SURVEY_DRAFT_RETENTION_DAYS = int(os.environ.get("SURVEY_DRAFT_RETENTION_DAYS", "30"))
AUDIT_DETAIL_RETENTION_DAYS = int(os.environ.get("AUDIT_DETAIL_RETENTION_DAYS", "730"))
REPORT_DESCRIPTION_MAX = int(os.environ.get("REPORT_DESCRIPTION_MAX", "5000"))
REPORT_PHOTO_MAX_BYTES = int(os.environ.get("REPORT_PHOTO_MAX_BYTES", str(10 * 2**20)))
REPORT_PHOTO_MAX_SIDE = int(os.environ.get("REPORT_PHOTO_MAX_SIDE", "1600"))
# Similar published reports within this distance are shown before a new one is sent.
REPORT_NEARBY_METRES = int(os.environ.get("REPORT_NEARBY_METRES", "300"))
# Flood limit: at most this many reports (and "me too"s) per internet address and window; the
# address is kept only as a salted hash in the cache, for the window. Several app servers count
# together in the shared default cache (CACHE_URL, above).
REPORT_RATE_LIMIT = int(os.environ.get("REPORT_RATE_LIMIT", "5"))
REPORT_RATE_WINDOW_MINUTES = int(os.environ.get("REPORT_RATE_WINDOW_MINUTES", "60"))
# Behind a reverse proxy every request comes from the proxy: name the header it sets with the
# client's address (e.g. HTTP_X_FORWARDED_FOR), or all residents would share one limit.
REPORT_RATE_ADDRESS_HEADER = os.environ.get("REPORT_RATE_ADDRESS_HEADER", "")
