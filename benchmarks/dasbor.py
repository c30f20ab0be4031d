"""Times the pemda dashboard beside the sign-in page: in the process, and under gunicorn with wrk.

Run on a database made by `manage.py buat_demo` (PostgreSQL, DEBUG off), e.g.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_bench
    DEBUG=1 .venv/bin/python manage.py buat_demo --pemda 1 --instansi 50 --indikator 150 --tahun 5 --seed 1
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
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halaman import admin, siapkan


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
    klien.force_login(admin())
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


def dengan_wrk(alamat: dict[str, str]) -> None:
    """Under gunicorn with wrk (`laju.ukur`): the dashboards signed in, the sign-in page without."""
    from laju import ukur

    rps = ukur({nama: (url, nama != "masuk") for nama, url in alamat.items()})
    for nama in alamat:
        print(f"| {nama} (gunicorn, wrk) | {rps[nama]:.1f} req/s | {rps[nama] / rps['masuk']:.2f} × masuk |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tahun", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wrk", action="store_true")
    parser.add_argument("--gandakan", type=int, metavar="KALI")
    args = parser.parse_args()
    siapkan()
    if args.gandakan:
        gandakan(args.gandakan)
        return
    alamat = halaman(args.tahun)
    dalam_proses(alamat, args.runs)
    if args.wrk:
        dengan_wrk(alamat)


if __name__ == "__main__":
    main()
