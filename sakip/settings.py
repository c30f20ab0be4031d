"""Settings for the SAKIP project, read from the environment.

Every variable is listed in `.env.example` and in the README. A bad value fails loudly at
start-up instead of being silently replaced: a production server must never run with a
fallback secret or with DEBUG switched on by accident.
"""

import os
import re
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable; anything other than the usual spellings is an error."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def env_int(name: str, default: int) -> int:
    """Read a whole number of zero or more; anything else is an error."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = -1
    if value < 0:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number of zero or more")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


# Development mode is DEBUG=1: only then may the secret key fall back to a fixed value.
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required unless DEBUG=1 (development). "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

# Where the public reads published reports (https://sakip.example.go.id, no trailing slash):
# a published PDF prints it with its verification line, so it must be the address the
# public reaches, not the one the server listens on. Defaults to the first host named in
# ALLOWED_HOSTS over https (http://127.0.0.1:8000 when DEBUG=1); empty when there is none,
# and then the PDF prints the path alone.
ALAMAT_PUBLIK = os.environ.get("ALAMAT_PUBLIK", "").strip()
if not ALAMAT_PUBLIK:
    _nama_host = [h for h in ALLOWED_HOSTS if not h.startswith((".", "*"))]
    ALAMAT_PUBLIK = "http://127.0.0.1:8000" if DEBUG else (f"https://{_nama_host[0]}" if _nama_host else "")
if ALAMAT_PUBLIK and not re.fullmatch(r"https?://[^/\s\"\\]+", ALAMAT_PUBLIK):
    raise ImproperlyConfigured(
        f"ALAMAT_PUBLIK={ALAMAT_PUBLIK!r} is not a site address such as https://sakip.example.go.id"
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_tables2",
    "django_filters",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "inti",
    "instansi",
    "kinerja",
    "anggaran",
    "evaluasi",
    "sakip",
    "publikasi",
    "reviu",
    "dasbor",
    "pekerjaan",
]

MIDDLEWARE = [
    # The load balancer's probes, answered before the host check and the HTTPS redirect
    # (and unlogged: they come every few seconds).
    "sakip.sehat.JawabKesehatan",
    # Every request's id and its one log line, redirects and refusals included.
    "sakip.log.IdPermintaan",
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before sessions and the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the body (CsrfViewMiddleware reads the POST): an oversized
    # request is refused from its Content-Length alone.
    "sakip.middleware.BatasUkuranPermintaan",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# Failed-login throttling (django-axes): five failures for one username from one address
# lock that pair out for fifteen minutes; a successful login resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registrasi/terkunci.html"

LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "masuk"

ROOT_URLCONF = "sakip.urls"

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
                "sakip.konteks.navigasi",
                "reviu.konteks.reviu",
                "pekerjaan.konteks.pekerjaan",
            ],
        },
    },
]

WSGI_APPLICATION = "sakip.wsgi.application"

# SQLite next to the code unless DATABASE_URL names another database,
# e.g. postgres://postgres@127.0.0.1:5432/sakip
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two people saving at once on SQLite: a write transaction takes the lock when it
    # begins (instead of failing to upgrade a read lock half-way, "database is locked")
    # and the other waits up to 20 s, then sees the first one's version.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
# The interface speaks Bahasa Indonesia whatever the browser asks for.
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Numbers are formatted by our own filters (instansi.templatetags.angka), which know the
# Indonesian conventions and the agency's rounding mode; Django's localisation stays off
# for numbers so that no value is formatted twice.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves static files in production from STATIC_ROOT, filled by `collectstatic`
# with compressed copies under content-hashed names that browsers may cache for ever; in
# development (DEBUG=1) it serves them straight from the apps and `static/`.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# HTTPS only, unless DEBUG=1. The server runs behind a proxy that ends TLS and says so in
# X-Forwarded-Proto (it must overwrite whatever a client sent in that header): without
# trusting it Django would believe every request came over http and redirect for ever.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SECURE_PROXY_SSL_HEADER", not DEBUG) else None
)

# Content-Security-Policy (django-csp): scripts only from our own static files, no plugins,
# no framing, forms post only here. Styles also inline, because the LKjIP inlines its
# charts as matplotlib SVG, which carry style attributes and a <style> element, and every
# page has its CSS in a <style> element (the report's is shared with the PDF). No nonce can
# reach matplotlib's output, and an injected style cannot send anything away: fonts,
# images and connections are held to this origin by the other directives.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Requests: an upload is at most 5 MB (sakip.excel.aman.UKURAN_MAKS); a request with a
# declared body over 6 MB (the workbook, the form's other fields and the multipart framing,
# with room to spare) is answered 413 by sakip.middleware before anything reads it, so that
# the upload form can still say "too big" in its own words up to that size. Uploads go to a
# temporary file, never whole into memory; the other fields keep Django's 2.5 MB.
UKURAN_PERMINTAAN_MAKS = 6 * 1024 * 1024
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.TemporaryFileUploadHandler"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Background jobs (pekerjaan) through Django's task API (the django-tasks backport). By
# default the queue is a table in the application's own database (django-tasks-db), worked
# by `manage.py db_worker`, which `make run` starts beside the web server: nothing else to
# install or run. With REDIS_URL (redis://host:6379/0) the queue is Redis and workers on any
# machine run `manage.py rqworker --job-class django_tasks_rq.Job QUEUE` (django-tasks-rq).
# PEKERJAAN_ANTREAN names the queue, so that two deployments (or two test runs) can share
# one Redis without taking each other's jobs.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not re.fullmatch(r"rediss?://\S+", REDIS_URL):
    raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r} is not an address such as redis://127.0.0.1:6379/0")
PEKERJAAN_ANTREAN = os.environ.get("PEKERJAAN_ANTREAN", "").strip() or "default"
if not re.fullmatch(r"[\w.-]{1,64}", PEKERJAAN_ANTREAN):
    raise ImproperlyConfigured(
        f"PEKERJAAN_ANTREAN={PEKERJAAN_ANTREAN!r} is not a queue name: letters, digits, ._-"
    )
if REDIS_URL:
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [PEKERJAAN_ANTREAN]}}
    # A job's own time limit in RQ: the 184-page report takes under a minute; an hour is "stuck".
    # django-tasks-rq reads a job's entry (the sweep asks whether Redis still holds it) through
    # django-rq's connection named "default", whatever the queue's name: the same Redis.
    RQ_QUEUES = {n: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600} for n in (PEKERJAAN_ANTREAN, "default")}
    # django-rq's worker command and its admin page need a queue to speak of: without Redis
    # there is none, and its admin page would fail on the missing RQ_QUEUES.
    INSTALLED_APPS.append("django_rq")
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": [PEKERJAAN_ANTREAN]}}
# A running job writes a heartbeat every PEKERJAAN_DETAK seconds; one silent for
# PEKERJAAN_BATAS_DETAK seconds had its worker die under it, and is run again up to
# PEKERJAAN_PERCOBAAN_MAKS attempts in all, then marked failed with the reason.
PEKERJAAN_DETAK = env_int("PEKERJAAN_DETAK", 5)
PEKERJAAN_BATAS_DETAK = env_int("PEKERJAAN_BATAS_DETAK", 60)
PEKERJAAN_PERCOBAAN_MAKS = env_int("PEKERJAAN_PERCOBAAN_MAKS", 3)
if not 0 < PEKERJAAN_DETAK < PEKERJAAN_BATAS_DETAK:
    raise ImproperlyConfigured("PEKERJAAN_DETAK must be above 0 and below PEKERJAAN_BATAS_DETAK")
# An uploaded spreadsheet with more changed rows than this is applied by a worker, with a
# progress page, instead of inside the request.
PEKERJAAN_AMBANG_BARIS_EXCEL = env_int("PEKERJAAN_AMBANG_BARIS_EXCEL", 500)
# The LKjIP workbook of a report with more indicators than this is made by a worker (about
# a second per hundred indicators on the development machine).
PEKERJAAN_AMBANG_INDIKATOR_XLSX = env_int("PEKERJAAN_AMBANG_INDIKATOR_XLSX", 200)

# The report's charts are drawn once per change of their values (sakip.lkjip.grafik) and
# kept in the cache «grafik» under the hash of what they show and of the drawing code, so
# every process on the machine, even two checkouts, may share it: files in the system's
# temporary folder (each machine draws a chart once; nothing to run, nothing to clear).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "grafik": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(Path(tempfile.gettempdir()) / "sakip-grafik"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # The pemda dashboards' figures and rendered tables under their fingerprint
    # (dasbor.data.kumpulkan_tersimpan): per server process, recomputed after any write.
    "dasbor": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "dasbor"},
    # The LKjIP web pages under their report's fingerprint (sakip.lkjip.render.halaman_web):
    # per server process, kept until culled (a page is never stale, only unused), 0,5–4 MB each.
    "lkjip": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lkjip",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 100},
    },
}

# Logs: JSON lines on stdout (sakip.log), for the deployment's collector to read; LOG_FORMAT=teks
# gives plain lines. LOG_LEVEL is the level of our own loggers and Django's (INFO: a line per
# request; WARNING: only what went wrong).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "").strip() or ("teks" if DEBUG else "json")
if LOG_FORMAT not in ("json", "teks"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r} is not json or teks")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "").strip().upper() or "INFO"
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR"):
    raise ImproperlyConfigured(f"LOG_LEVEL={LOG_LEVEL!r} is not DEBUG, INFO, WARNING or ERROR")
APLIKASI_KAMI = INSTALLED_APPS[INSTALLED_APPS.index("inti") :]  # ours are listed from inti on
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "sakip.log.FormatJson"},
        "teks": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # The request line is ours (sakip.permintaan); Django's own would say it twice.
        "django.request": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
        # Our apps at LOG_LEVEL; libraries (fontTools, WeasyPrint) through the root, WARNING.
        **{app: {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False} for app in APLIKASI_KAMI},
    },
}
