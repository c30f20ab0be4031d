"""Times the pages a planner waits for, at one and at ten times an agency's data, in one
run on a region made by `manage.py buat_demo`, next to the sign-in page.

Prepare once (PostgreSQL, production settings):

    createdb sakip_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_bench
    DEBUG=1 .venv/bin/python manage.py migrate
    DEBUG=1 .venv/bin/python manage.py buat_demo --pemda 1 --instansi 50 --indikator 150 --tahun 5 --seed 1

Run: `DATABASE_URL=… .venv/bin/python benchmarks/halaman.py [--runs 5] [--runs-pdf 3]`. The
first run repeats the second agency's cascade ten times in its Renstra (`sakip.demo.gandakan`):
«1×» is agency `demo-s1-p0-i0`, «10×» is `demo-s1-p0-i1` (same generator, same shape, ten
times the sasaran, programs, indicators, targets and budgets). Requests go through Django's
test client in this process with DEBUG off (the whole middleware stack, no network);
the pages take turns within each round, so that a load that comes and goes on a shared
machine weighs on all alike, and the table gives each page's median and its ratio to the
sign-in page's median. The PDF is timed twice: «cold» lays it out (`render.pdf_laporan`
after the stored one is removed), «cached» is the download URL with the PDF stored.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
TAHUN = 2025
SATU, SEPULUH = "demo-s1-p0-i0", "demo-s1-p0-i1"
HALAMAN = [
    ("beranda instansi-tahun", "instansi-tahun"),
    ("target triwulan", "target-triwulan"),
    ("grid PK", "perjanjian-kinerja"),
    ("tabel SDM", "tabel-sdm"),
    ("tabel sarana", "tabel-sarana"),
    ("anggaran", "anggaran-tahun"),
    ("LKjIP HTML", "lkjip-html"),
    ("LKjIP PDF, tersimpan", "lkjip-pdf"),
]


def siapkan():
    sys.path.insert(0, str(AKAR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks http
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no line per request in the table
    os.environ["DEBUG"] = "0"
    import django

    django.setup()


def waktu(fungsi) -> float:
    mulai = time.perf_counter()
    fungsi()
    return time.perf_counter() - mulai


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--runs-pdf", type=int, default=3, help="rounds of the cold PDF (slow at 10×)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="the pages only, no PDF row")
    args = parser.parse_args()
    siapkan()

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from instansi.models import Instansi
    from kinerja.models import Sasaran
    from sakip.demo import gandakan
    from sakip.lkjip.render import pdf_laporan
    from sakip.models import BerkasPdf

    satu, sepuluh = Instansi.objects.get(slug=SATU), Instansi.objects.get(slug=SEPULUH)
    if not Sasaran.objects.filter(renstra__instansi=sepuluh, uraian__endswith="(10)").exists():
        print("gandakan", SEPULUH, "×10 …", flush=True)
        gandakan(sepuluh, 10)
    admin = get_user_model().objects.filter(username="admin-benchmark").first()
    if admin is None:
        admin = get_user_model().objects.create_superuser("admin-benchmark", password="benchmark-rahasia-1")
    klien, tamu = Client(), Client()
    klien.force_login(admin)

    def minta(c, url):
        respons = c.get(url)
        assert respons.status_code == 200, (url, respons.status_code)
        b"".join(respons) if respons.streaming else respons.content

    halaman = [h for h in HALAMAN if not (args.tanpa_pdf and h[1] == "lkjip-pdf")]
    for i in (satu, sepuluh):  # the stored PDFs the cached rows read, and the charts drawn once
        if not args.tanpa_pdf:
            pdf_laporan(i, TAHUN)
        minta(klien, reverse("lkjip-html", args=[i.slug, TAHUN]))

    langkah = {("masuk", ""): lambda: minta(tamu, reverse("masuk"))}
    for judul, nama in halaman:
        for ukuran, i in (("1×", satu), ("10×", sepuluh)):
            url = reverse(nama, args=[i.slug, TAHUN])
            langkah[(judul, ukuran)] = lambda url=url: minta(klien, url)
    hasil = {k: [] for k in langkah}
    for _ in range(args.runs):
        for k, f in langkah.items():
            hasil[k].append(waktu(f))

    def dingin(i):
        BerkasPdf.objects.filter(instansi=i, tahun=TAHUN).delete()
        return waktu(lambda: pdf_laporan(i, TAHUN))

    pdf = {"1×": [], "10×": []}
    for _ in range(0 if args.tanpa_pdf else args.runs_pdf):
        pdf["1×"].append(dingin(satu))
        pdf["10×"].append(dingin(sepuluh))

    masuk = statistics.median(hasil[("masuk", "")])
    catatan = "" if args.tanpa_pdf else f" (cold PDF: {args.runs_pdf})"
    print(f"\n{connection.vendor}, DEBUG=0, median of {args.runs} rounds{catatan};")
    print(f"sign-in page {masuk * 1000:.1f} ms\n")
    print("| page | 1× | 10× | 10× ÷ sign-in |")
    print("| --- | --- | --- | --- |")
    for judul, _ in halaman:
        a, b = (statistics.median(hasil[(judul, u)]) for u in ("1×", "10×"))
        print(f"| {judul} | {a * 1000:.0f} ms | {b * 1000:.0f} ms | {b / masuk:.0f} |")
    if pdf["1×"]:
        a, b = (statistics.median(pdf[u]) for u in ("1×", "10×"))
        print(f"| LKjIP PDF, dingin | {a:.1f} s | {b:.1f} s | – |")


if __name__ == "__main__":
    main()
