"""Settings for the test suite: the production settings with a throw-away secret key, over http.

The key is set here, before the real settings are read, so that the suite runs without
DEBUG and without anyone exporting SECRET_KEY by hand.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-secret")

from sakip.settings import *  # noqa: F403

# Hashing with the default PBKDF2 costs seconds per test that logs a user in.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The test client and the live server speak plain http; HTTPS stays on everywhere else and
# tests/test_keamanan.py switches the redirect back on to test it.
SECURE_SSL_REDIRECT = False
# The suite runs without `collectstatic`: static files come from the apps and static/ as in
# development, and their URLs are not looked up in a manifest.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# On SQLite the test database is a file, as a deployment's is, not Django's in-memory
# default: that one is a single shared cache in which two threads' transactions cannot
# wait for each other, and tests/test_serentak.py runs two writers at once on every
# database. The file is made and removed by the test run, and named by the run's process so
# that two runs at once (two checkouts' suites, a developer's and an editor's) never share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}  # noqa: F405

# Jobs run inside the request that starts them (django-tasks' immediate backend), so that a
# test sees a job's outcome at once; tests/test_pekerjaan.py switches to the database and
# Redis backends to run real workers.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": [PEKERJAAN_ANTREAN],  # noqa: F405
    }
}

# Charts are drawn in every test that asks for one (tests look at the figures): the cache
# that keeps them between requests is tested on its own (tests/test_kueri.py).
CACHES = {**CACHES, "grafik": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
# The dashboards' figures are computed in every test (a test's rolled-back rows may give the
# next test the same ids, so a fingerprint could repeat); tests/test_dasbor.py tests the cache.
CACHES["dasbor"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# Likewise the LKjIP web pages; tests/test_lkjip.py tests their cache.
CACHES["lkjip"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
