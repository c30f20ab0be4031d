"""Times validating and applying a 10 000-row realisation upload, next to openpyxl alone.

Run: `.venv/bin/python benchmarks/excel.py [--baris 10000]`. It builds a throw-away SQLite
database with one agency of that many indicators, downloads its template, fills every
row's realisation, then measures (wall clock, and peak Python memory with tracemalloc):
openpyxl alone reading the file in read-only mode; `baca` (safety checks, both parsing
passes and the validation of every row); `terapkan` (one transaction, a versioned save
and a history row per change). Results are kept in benchmarks/README.md.
"""

import argparse
import io
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def waktu(fungsi):
    mulai = time.perf_counter()
    hasil = fungsi()
    return hasil, time.perf_counter() - mulai


def memori(fungsi) -> float:
    """Peak Python memory of a second run: tracemalloc slows Python, so never time it."""
    tracemalloc.start()
    fungsi()
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return puncak / 1024 / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baris", type=int, default=10_000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings_test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from openpyxl import load_workbook

    from instansi.akses import akses_untuk
    from instansi.models import Instansi, Keanggotaan, Pemda
    from kinerja.models import Indikator, Renstra, Sasaran
    from sakip.excel import realisasi

    pemda = Pemda.objects.create(slug="bench", nama="Kota Bench", jenis="kota", jabatan_kepala="Walikota")
    instansi = Instansi.objects.create(pemda=pemda, slug="dinas-bench", nama="Dinas Bench")
    renstra = Renstra.objects.create(instansi=instansi, tahun_awal=2021, tahun_akhir=2026)
    sasaran = Sasaran.objects.create(renstra=renstra, uraian="Sasaran")
    Indikator.objects.bulk_create(
        Indikator(renstra=renstra, sasaran=sasaran, nama=f"Indikator {n}", satuan="%", urutan=n)
        for n in range(args.baris)
    )
    user = get_user_model().objects.create_user("perencana", password="sandi-bench-1")
    Keanggotaan.objects.create(user=user, instansi=instansi)

    buku = load_workbook(io.BytesIO(realisasi.templat(instansi, 2022)))
    lembar = buku[realisasi.LEMBAR]
    kolom = realisasi.KOLOM.index("Realisasi") + 1
    for n in range(2, lembar.max_row + 1):
        lembar.cell(n, kolom).value = f"{n % 100},{n % 97:02d}"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    isi = keluaran.getvalue()

    def openpyxl_saja():
        return sum(
            1
            for _ in load_workbook(io.BytesIO(isi), read_only=True)[realisasi.LEMBAR].iter_rows(
                values_only=True
            )
        )

    ruang = akses_untuk(user, instansi, 2022)

    def baca():
        return realisasi.baca(isi, ruang, None)

    _, t_openpyxl = waktu(openpyxl_saja)
    hasil, t_baca = waktu(baca)
    m_openpyxl, m_baca = memori(openpyxl_saja), memori(baca)
    assert not hasil.masalah and len(hasil.perubahan) == args.baris
    jumlah, t_terapkan = waktu(lambda: realisasi.terapkan(hasil, "bench.xlsx", ruang))
    print(f"{args.baris} baris, berkas {len(isi) // 1024} KB\n")
    print("| step | time | peak Python memory |")
    print("| --- | --- | --- |")
    print(f"| openpyxl alone, read-only read of every row | {t_openpyxl:.2f} s | {m_openpyxl:.1f} MiB |")
    print(f"| `baca`: checks, two parses, validation of every row | {t_baca:.2f} s | {m_baca:.1f} MiB |")
    print(f"| `terapkan`: {jumlah} versioned saves with history | {t_terapkan:.2f} s | – |")


if __name__ == "__main__":
    main()
