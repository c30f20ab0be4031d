"""Settings come from the environment and refuse to start insecurely."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
CETAK = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS, s.LANGUAGE_CODE, s.TIME_ZONE)"
)


HTTPS = (
    "from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
    "s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)"
)
# Every variable of README's settings table: the developer's own values must not leak in.
VARIABEL = (
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "CONN_MAX_AGE",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
)


def lingkungan(**env) -> dict[str, str]:
    bersih = {k: v for k, v in os.environ.items() if k not in VARIABEL}
    bersih.update(env, DJANGO_SETTINGS_MODULE="sakip.settings")
    return bersih


def jalankan(kode=CETAK, **env):
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {kode}"],
        cwd=ROOT,
        env=lingkungan(**env),
        capture_output=True,
        text=True,
    )


def test_production_without_secret_key_refuses_to_start():
    hasil = jalankan()
    assert hasil.returncode != 0
    assert "SECRET_KEY is required" in hasil.stderr


def test_debug_is_off_unless_asked_and_sqlite_is_the_default():
    hasil = jalankan(SECRET_KEY="x" * 50, ALLOWED_HOSTS="sakip.example.go.id, localhost")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split("[")[0].split() == ["False", "django.db.backends.sqlite3"]
    assert "['sakip.example.go.id', 'localhost'] id Asia/Jakarta" in hasil.stdout


def test_development_mode_runs_without_a_secret_key():
    hasil = jalankan(DEBUG="1")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.startswith("True")


def test_database_url_selects_postgresql():
    hasil = jalankan(DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/sakip")
    assert "django.db.backends.postgresql" in hasil.stdout


def test_a_misspelt_yes_no_value_is_an_error():
    hasil = jalankan(DEBUG="ya")
    assert hasil.returncode != 0
    assert "DEBUG='ya' is not a yes/no value" in hasil.stderr


def test_production_passes_the_deploy_check_without_a_warning():
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=lingkungan(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="sakip.example.go.id"),
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert "System check identified no issues (0 silenced)." in hasil.stdout
    assert "WARNING" not in hasil.stdout + hasil.stderr


def test_production_is_https_only_behind_the_proxy_and_development_is_not():
    produksi = jalankan(HTTPS, SECRET_KEY="x" * 50)
    assert produksi.stdout.split() == [
        "31536000",
        "True",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ]
    pengembangan = jalankan(HTTPS, DEBUG="1")
    assert pengembangan.stdout.split() == ["0", "False", "False", "False", "None"]


def test_each_https_setting_can_be_changed_from_the_environment():
    hasil = jalankan(
        HTTPS,
        SECRET_KEY="x" * 50,
        SECURE_HSTS_SECONDS="3600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_HSTS_PRELOAD="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_PROXY_SSL_HEADER="0",
    )
    assert hasil.stdout.split() == ["3600", "False", "False", "False", "None"], hasil.stderr


def test_a_misspelt_number_is_an_error():
    hasil = jalankan(SECRET_KEY="x" * 50, SECURE_HSTS_SECONDS="setahun")
    assert hasil.returncode != 0
    assert "SECURE_HSTS_SECONDS='setahun' is not a whole number" in hasil.stderr


@pytest.mark.django_db
def test_siapkan_admin_creates_an_admin_with_the_printed_password(capsys):
    call_command("siapkan_admin")
    keluaran = capsys.readouterr().out
    password = keluaran.strip().rsplit(" ", 1)[-1]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    # Run again (every `make run` does), it leaves the existing password alone.
    call_command("siapkan_admin")
    assert "kata sandi tidak diubah" in capsys.readouterr().out
    admin.refresh_from_db()
    assert admin.check_password(password)
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_example_accounts_are_a_planner_per_agency_and_a_reviewer_per_region(capsys):
    from tests.factories import buat_instansi

    instansi = buat_instansi()
    call_command("siapkan_admin", "--pengguna-contoh")
    keluaran = capsys.readouterr().out
    perencana = get_user_model().objects.get(username=f"perencana-{instansi.slug}")
    assert perencana.keanggotaan.get().instansi == instansi
    assert not perencana.is_staff
    assert (
        get_user_model().objects.get(username=f"pemeriksa-{instansi.pemda.slug}").pemeriksa.get().pemda
        == instansi.pemda
    )
    sandi = [baris.rsplit(" ", 1)[-1] for baris in keluaran.splitlines() if baris.startswith("perencana-")]
    assert perencana.check_password(sandi[0])
