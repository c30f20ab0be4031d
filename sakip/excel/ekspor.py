"""Report tables as an .xlsx workbook: one sheet per table, numbers as numbers.

Cells keep their raw values (`sakip.lkjip.isi.Sel`); the number formats make Excel show
them as the report does (percentages with « %», rupiah without decimals) in the reader's
own locale, so an Indonesian Excel shows 1.200,87. Text that looks like a formula stays
text (`inti.ekspor.netralkan`).
"""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from inti.ekspor import netralkan
from sakip.lkjip.isi import ANGKA, NILAI, PERSEN, RASIO, RUPIAH, Tabel

FORMAT = {PERSEN: '0.00" %"', RUPIAH: "#,##0", RASIO: "0.00", ANGKA: "#,##0.##", NILAI: "#,##0.####"}


def _judul_lembar(tabel: Tabel, dipakai: set[str]) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, and no duplicates."""
    dasar = "".join(c for c in (tabel.nomor or tabel.judul) if c not in "[]:*?/\\")[:31] or "Tabel"
    nama, n = dasar, 1
    while nama in dipakai:
        n += 1
        nama = f"{dasar[:28]} {n}"
    dipakai.add(nama)
    return nama


def buku_tabel(daftar: list[Tabel]) -> bytes:
    buku = Workbook()
    buku.remove(buku.active)
    dipakai: set[str] = set()
    for tabel in daftar:
        lembar = buku.create_sheet(_judul_lembar(tabel, dipakai))
        lembar.append([f"{tabel.nomor} {tabel.judul}".strip()])
        lembar["A1"].font = Font(bold=True)
        for baris in tabel.kepala:
            lembar.append([s.nilai for s in baris])
            for sel in lembar[lembar.max_row]:
                sel.font = Font(bold=True)
        for baris in [*tabel.baris, *tabel.kaki]:
            lembar.append(
                [s.nilai if isinstance(s.nilai, (Decimal, int, str)) else str(s.nilai) for s in baris]
            )
            for sel, s in zip(lembar[lembar.max_row], baris, strict=False):
                if s.jenis in FORMAT and isinstance(s.nilai, Decimal):
                    sel.number_format = FORMAT[s.jenis]
                sel.alignment = Alignment(wrap_text=True, vertical="top")
                if s.tebal:
                    sel.font = Font(bold=True)
        for baris in lembar.iter_rows():
            for sel in baris:
                netralkan(sel)
        for kolom in range(1, lembar.max_column + 1):
            lembar.column_dimensions[get_column_letter(kolom)].width = 18
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
