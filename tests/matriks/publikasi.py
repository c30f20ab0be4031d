"""The public pages: every role, anonymous visitors included, reads what was published.

The world's agency A gets a published version for 2022, stored directly (what the pages
serve is the stored row; rendering it is tests/test_terbitan.py's business). Read-only pages
answer POST with 405; the verification page takes a POST (an empty one: its form again).
"""

import json

from django.utils import timezone

from publikasi.models import Terbitan
from tests.matriks import Entri, semua

TAHUN = 2022


def terbitan_a(d) -> Terbitan:
    """Agency A's published 2022, made once per test world."""
    ada = Terbitan.objects.filter(instansi=d.a, tahun=TAHUN).first()
    if ada is not None:
        return ada
    data = {"pemda": d.a.pemda.nama, "instansi": d.a.nama, "tahun": TAHUN, "versi": 1}
    return Terbitan.objects.create(
        instansi=d.a,
        tahun=TAHUN,
        versi=1,
        html="<!doctype html><html><head></head><body><p>LKjIP</p></body></html>",
        pdf=b"%PDF-1.7",
        data=json.dumps({**data, "indikator": [], "program": []}),
        sha256_html="a" * 64,
        sha256_pdf="b" * 64,
        diterbitkan_oleh=d.pengguna["admin"],
        diterbitkan_pada=timezone.now(),
        direviu_oleh="Pemeriksa",
        direviu_pada=timezone.now(),
    )


def _laporan(d):
    t = terbitan_a(d)
    return [d.a.pemda.slug, d.a.slug, t.tahun]


def _versi(d):
    return [*_laporan(d), 1]


def _pemda_tahun(d):
    terbitan_a(d)
    return [d.a.pemda.slug, TAHUN]


BACA = semua(200)
TIDAK_ADA = semua(405)

MATRIKS = {
    "publik-indeks": Entri(lambda d: [], BACA, TIDAK_ADA),
    "publik-verifikasi": Entri(lambda d: [], BACA, BACA),
    "publik-pemda": Entri(lambda d: [d.a.pemda.slug], BACA, TIDAK_ADA),
    "publik-pemda-csv": Entri(_pemda_tahun, BACA, TIDAK_ADA),
    "publik-pemda-json": Entri(_pemda_tahun, BACA, TIDAK_ADA),
    "publik-laporan": Entri(_laporan, BACA, TIDAK_ADA),
    "publik-baca": Entri(_versi, BACA, TIDAK_ADA),
    "publik-html": Entri(_versi, BACA, TIDAK_ADA),
    "publik-pdf": Entri(_versi, BACA, TIDAK_ADA),
    "publik-csv": Entri(_versi, BACA, TIDAK_ADA),
    "publik-json": Entri(_versi, BACA, TIDAK_ADA),
}
