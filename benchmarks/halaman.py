"""Times the pages a planner waits for, at one and at ten times an agency's data, in one
run on a region made by `manage.py buat_demo`, next to the sign-in page.

Prepare once (PostgreSQL, production settings):

    createdb sakip_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_bench
    DEBUG=1 .venv/bin/python manage.py migrate
    DEBUG=1 .venv/bin/python manage.py buat_demo --pemda 1 --instansi 50 --indikator 150 --tahun 5 --seed 1

Run: `DATABASE_URL=… .venv/bin/python benchmarks/halaman.py [--runs 5] [--runs-pdf 3]
[--runs-pdf-10 1]`. The first run repeats the second agency's cascade ten times in its
Renstra (`sakip.demo.gandakan`, one transaction; it WRITES to the database); a later run
finds the copies and does not clone again. «1×» is agency `demo-s1-p0-i0`, «10×» is
`demo-s1-p0-i1` (same generator, same shape, ten times the sasaran, programs, indicators,
targets and budgets). Requests go through Django's test client in this process with DEBUG
off (the whole middleware stack, no network) as an admin; the pages take turns within each
round, so that a load that comes and goes on a shared machine weighs on all alike, and the
table gives each page's median and its ratio to the sign-in page's median. The target grids
(quarterly targets, PK) show one sasaran per page: their rows time the page a planner opens
first, without `?sasaran=` (the first sasaran's indicators at every level, about fifty at 1×
and at 10× alike).

The pemda dashboard is the region's as it stands (its rows in the 1× column, served from the
cache «dasbor» after a first request): its 10× needs every agency of the region ×10, which
takes half an hour and changes the region for every other row, so it is `dasbor.py
--gandakan 10` on a copy of the database, not part of this run.

The PDF is timed twice: «cold» lays it out (`render.pdf_laporan` after the stored one is
removed; the charts come from the cache «grafik», drawn by a first HTML request), «cached»
is the download URL with the PDF stored. The cold 10× PDF is one run by default (minutes on
a loaded machine); say so next to its row. The run ends with both PDFs stored, which
`laju.py` serves.
"""

import argparse
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
TAHUN = 2025
SATU, SEPULUH = "demo-s1-p0-i0", "demo-s1-p0-i1"
ADMIN, SANDI = "admin-benchmark", "benchmark-rahasia-1"
HALAMAN = [
    ("beranda instansi-tahun", "instansi-tahun"),
    ("target triwulan", "target-triwulan"),
    ("grid PK", "perjanjian-kinerja"),
    ("tabel SDM", "tabel-sdm"),
    ("tabel sarana", "tabel-sarana"),
    ("anggaran", "anggaran-tahun"),
    ("LKjIP HTML, cached", "lkjip-html"),
    ("LKjIP PDF, cached", "lkjip-pdf"),
]


def siapkan():
    sys.path.insert(0, str(AKAR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,testserver")  # gunicorn's, the test client's
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks http
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no line per request in the table
    os.environ["DEBUG"] = "0"
    # The production entry point: django.setup(), then the garbage collector's freeze of what
    # start-up loaded (sakip/wsgi.py), so that pages are timed as gunicorn serves them.
    import sakip.wsgi  # noqa: F401


def admin():
    """The benchmarks' admin, made on the first run."""
    from django.contrib.auth import get_user_model

    pengguna = get_user_model().objects.filter(username=ADMIN).first()
    return pengguna or get_user_model().objects.create_superuser(ADMIN, password=SANDI)


def angka(nilai: float, desimal: int = 0) -> str:
    """Indonesian format, as the README's tables: 1.234, 34,5."""
    from inti.angka import format_angka

    return format_angka(Decimal(repr(nilai)), desimal)


def rasio(nilai: float) -> str:
    return angka(nilai, 2 if nilai < 1 else 1 if nilai < 10 else 0)


def ms(detik: float) -> str:
    return f"{angka(detik * 1000, 1 if detik < 0.1 else 0)} ms"


def waktu(fungsi) -> float:
    mulai = time.perf_counter()
    fungsi()
    return time.perf_counter() - mulai


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--runs-pdf", type=int, default=3, help="rounds of the cold 1× PDF")
    parser.add_argument("--runs-pdf-10", type=int, default=1, help="cold 10× PDFs (slow; 0: none)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="the pages only, no PDF row")
    args = parser.parse_args()
    siapkan()

    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from instansi.models import Instansi
    from kinerja.models import Sasaran
    from sakip.demo import gandakan
    from sakip.lkjip.render import pdf_laporan
    from sakip.lkjip.sidik import sidik_laporan
    from sakip.models import BerkasPdf

    satu, sepuluh = Instansi.objects.get(slug=SATU), Instansi.objects.get(slug=SEPULUH)
    # The copies are named «… (2)» to «… (10)»: their presence says the cascade was cloned.
    if Sasaran.objects.filter(renstra__instansi=sepuluh, uraian__endswith=" (10)").exists():
        print(f"{SEPULUH} sudah ×10, tidak digandakan lagi", flush=True)
    else:
        print(f"gandakan {SEPULUH} ×10 …", flush=True)
        gandakan(sepuluh, 10)
        if connection.vendor == "postgresql":  # the planner's statistics of the grown tables
            connection.cursor().execute("ANALYZE")
    klien, tamu = Client(), Client()
    klien.force_login(admin())

    def minta(c, url):
        respons = c.get(url)
        assert respons.status_code == 200, (url, respons.status_code)
        b"".join(respons) if respons.streaming else respons.content

    for i in (satu, sepuluh):  # the charts drawn once, before any timing
        minta(klien, reverse("lkjip-html", args=[i.slug, TAHUN]))

    def dingin(i):
        BerkasPdf.objects.filter(instansi=i, tahun=TAHUN).delete()
        return waktu(lambda: pdf_laporan(i, TAHUN))

    # Cold first, before the rounds that read the stored PDFs.
    pdf = {"1×": [], "10×": []}
    if not args.tanpa_pdf:
        for n in range(max(args.runs_pdf, args.runs_pdf_10)):
            for ukuran, i, kali in (("1×", satu, args.runs_pdf), ("10×", sepuluh, args.runs_pdf_10)):
                if n < kali:
                    pdf[ukuran].append(dingin(i))
                    print(f"PDF dingin {ukuran}: {angka(pdf[ukuran][-1], 1)} s", flush=True)
        for i in (satu, sepuluh):  # stored also when a cold run was left out (0); else a no-op
            pdf_laporan(i, TAHUN)

    langkah = {("masuk", ""): lambda: minta(tamu, reverse("masuk"))}
    dasbor = reverse("dasbor-pemda", args=[satu.pemda.slug, TAHUN])
    minta(klien, dasbor)  # the first request computes the region's rows, later ones read the cache
    langkah[("dasbor pemda (cached)", "1×")] = lambda: minta(klien, dasbor)

    def dasbor_dihitung():
        """The dashboard as the first request after a write computes it (its cache emptied)."""
        caches["dasbor"].clear()
        minta(klien, dasbor)

    def lkjip_dihitung(url, kunci):
        """The report's page as the first request after a write builds it: its entry in the
        cache «lkjip» removed (`render.halaman_web`'s key for an admin, who may change the
        data), the other agency's kept, and the charts' cache «grafik» kept, as a write that
        moves no chart keeps it."""
        assert caches["lkjip"].delete(kunci), "render.halaman_web keys its pages otherwise now"
        minta(klien, url)

    langkah[("dasbor pemda (computed)", "1×")] = dasbor_dihitung
    for ukuran, i in (("1×", satu), ("10×", sepuluh)):
        url = reverse("lkjip-html", args=[i.slug, TAHUN])
        kunci = f"web:{i.pk}:{TAHUN}:1:{sidik_laporan(i, TAHUN)}"
        langkah[("LKjIP HTML, computed", ukuran)] = lambda url=url, kunci=kunci: lkjip_dihitung(url, kunci)
    halaman = [h for h in HALAMAN if not (args.tanpa_pdf and h[1] == "lkjip-pdf")]
    for judul, nama in halaman:
        for ukuran, i in (("1×", satu), ("10×", sepuluh)):
            url = reverse(nama, args=[i.slug, TAHUN])
            langkah[(judul, ukuran)] = lambda url=url: minta(klien, url)
    hasil = {k: [] for k in langkah}
    for _ in range(args.runs):
        for k, f in langkah.items():
            hasil[k].append(waktu(f))

    masuk = statistics.median(hasil[("masuk", "")])
    print(f"\n{connection.vendor}, DEBUG=0, median of {args.runs} rounds; sign-in page {ms(masuk)}\n")
    print("| page | 1× | 10× | 1× ÷ sign-in | 10× ÷ sign-in |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| sign-in page | {ms(masuk)} | | 1 | |")
    for judul in dict.fromkeys(j for j, u in hasil if u):
        a, b = (statistics.median(hasil[(judul, u)]) if (judul, u) in hasil else None for u in ("1×", "10×"))
        kolom = [ms(a), ms(b) if b else "–", rasio(a / masuk), rasio(b / masuk) if b else "–"]
        print(f"| {judul} | {' | '.join(kolom)} |")
    if not args.tanpa_pdf:
        a, b = (f"{angka(statistics.median(pdf[u]), 1)} s" if pdf[u] else "–" for u in ("1×", "10×"))
        print(f"| LKjIP PDF, cold (median of {args.runs_pdf} / {args.runs_pdf_10}) | {a} | {b} | – | – |")


if __name__ == "__main__":
    main()
