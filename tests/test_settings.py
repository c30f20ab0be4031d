"""Settings come from the environment and refuse to start insecurely."""

import os
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


def jalankan(**env):
    bersih = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS")
    }
    bersih.update(env, DJANGO_SETTINGS_MODULE="sakip.settings")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {CETAK}"],
        cwd=ROOT,
        env=bersih,
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


@pytest.mark.django_db
def test_siapkan_admin_creates_an_admin_with_the_printed_password(capsys):
    call_command("siapkan_admin")
    keluaran = capsys.readouterr().out
    password = keluaran.strip().rsplit(" ", 1)[-1]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    call_command("siapkan_admin")
    baru = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    admin.refresh_from_db()
    assert baru != password and admin.check_password(baru)
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
