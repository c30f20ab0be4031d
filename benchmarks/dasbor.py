"""Times the pemda dashboard beside the sign-in page: in the process, and under gunicorn with wrk.

Run on a database made by `manage.py buat_demo` (PostgreSQL, DEBUG off), e.g.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_bench SECRET_KEY=bench \\
        ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 LOG_LEVEL=WARNING
    .venv/bin/python manage.py buat_demo --pemda 1 --instansi 50 --indikator 150 --tahun 5 --seed 1
    .venv/bin/python benchmarks/dasbor.py --tahun 2025 --runs 5 --wrk      # 1×
    .venv/bin/python benchmarks/dasbor.py --gandakan 10                    # every agency's cascade ×10
    .venv/bin/python benchmarks/dasbor.py --tahun 2025 --runs 5 --wrk      # 10×

It prints Markdown rows: the queries of a first and a second request (computed, then from
the cache while the data stands) and the median wall-clock time of later requests through
Django's test client (the whole request: middleware, session, view, template), the pages
taking turns in each round; with `--wrk`, requests per second of each page under gunicorn
(two workers, as `scripts/produksi.sh`) driven by Debian's `wrk` from a second process (two
threads, four connections, 10 s), and each page's share of the sign-in page's rate measured
in the same run. The dashboard is read by an admin, so it shows every agency of the region.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent


def _siapkan():
    sys.path.insert(0, str(AKAR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()


def _admin():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    return user


def gandakan(kali: int) -> None:
    from instansi.models import Instansi
    from sakip.demo import gandakan as gandakan_satu

    semua = list(Instansi.objects.order_by("pk"))
    for n, instansi in enumerate(semua, 1):
        mulai = time.perf_counter()
        gandakan_satu(instansi, kali)
        print(f"{n}/{len(semua)} {instansi.slug}: {time.perf_counter() - mulai:.1f} s", flush=True)


def halaman(tahun: int) -> dict[str, str]:
    from django.urls import reverse

    from instansi.models import Pemda

    pemda = Pemda.objects.filter(instansi__isnull=False).order_by("pk").first()
    return {
        "masuk": reverse("masuk"),
        "dasbor pemda": reverse("dasbor-pemda", args=[pemda.slug, tahun]),
        "dasbor nasional": reverse("dasbor-nasional", args=[tahun]),
    }


def dalam_proses(alamat: dict[str, str], runs: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    klien = Client(HTTP_HOST="127.0.0.1")
    klien.force_login(_admin())
    waktu = {nama: [] for nama in alamat}
    kueri = {}
    for nama, url in alamat.items():  # two warm-ups each: the first computes, the second is cached
        for _ in range(2):
            with CaptureQueriesContext(connection) as q:
                assert klien.get(url).status_code == 200, url
            kueri.setdefault(nama, []).append(str(len(q)))
    for _ in range(runs):
        for nama, url in alamat.items():
            mulai = time.perf_counter()
            klien.get(url)
            waktu[nama].append(time.perf_counter() - mulai)
    for nama in alamat:
        print(f"| {nama} | {' → '.join(kueri[nama])} | {statistics.median(waktu[nama]) * 1000:.0f} ms |")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dengan_wrk(alamat: dict[str, str]) -> None:
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    if not shutil.which("wrk"):
        sys.exit("wrk tidak terpasang: apt-get install wrk")
    admin = _admin()
    sesi = SessionStore()
    sesi["_auth_user_id"] = str(admin.pk)
    sesi["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    sesi["_auth_user_hash"] = admin.get_session_auth_hash()
    sesi.create()

    def kepala(url: str) -> dict:
        """The admin's session for the dashboards; the sign-in page is fetched signed out."""
        if url == alamat["masuk"]:
            return {}
        return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={sesi.session_key}"}

    port = _port()
    # No control socket: its default path in $HOME would be shared with another instance.
    server = subprocess.Popen(
        [
            str(AKAR / ".venv/bin/gunicorn"),
            "sakip.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--no-control-socket",
        ],
        cwd=AKAR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Ready when the workers answer: each page a few times, before any timing.
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/sehat", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        for url in alamat.values():
            for _ in range(4):
                permintaan = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers=kepala(url))
                urllib.request.urlopen(permintaan, timeout=120).read()
        rps = {}
        for nama, url in alamat.items():
            opsi = [a for k, v in kepala(url).items() for a in ("-H", f"{k}: {v}")]
            keluaran = subprocess.run(
                ["wrk", "-t2", "-c4", "-d10s", *opsi, f"http://127.0.0.1:{port}{url}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rps[nama] = float(re.search(r"Requests/sec:\s+([\d.]+)", keluaran).group(1))
            salah = re.search(r"Non-2xx or 3xx responses: (\d+)", keluaran)
            assert salah is None, f"{nama}: {salah.group(0)}"
        for nama in alamat:
            print(
                f"| {nama} (gunicorn, wrk) | {rps[nama]:.1f} req/s | {rps[nama] / rps['masuk']:.2f} × masuk |"
            )
    finally:
        server.terminate()
        server.wait()
        sesi.delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tahun", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wrk", action="store_true")
    parser.add_argument("--gandakan", type=int, metavar="KALI")
    args = parser.parse_args()
    _siapkan()
    if args.gandakan:
        gandakan(args.gandakan)
        return
    alamat = halaman(args.tahun)
    dalam_proses(alamat, args.runs)
    if args.wrk:
        dengan_wrk(alamat)


if __name__ == "__main__":
    main()
