"""Downloads of the tables on the screens (django-tables2), with what is shown: the rows
as filtered and sorted. CSV carries the text as shown; XLSX carries real numbers with
number formats, so a planner can compute with them.

Also the one rule against formula injection for every download (`mirip_rumus`): the
report's workbook and the planners' templates (`sakip.excel`) apply it through `netralkan`.
"""

import csv
import io
from decimal import Decimal

import django_tables2 as tables
from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from inti.angka import AngkaTidakValid, parse_angka

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_BAWAAN = "#,##0.##"


# OWASP's list: what makes a spreadsheet read a cell as a formula (or run it through DDE).
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def mirip_rumus(nilai) -> bool:
    """Text a spreadsheet would take for a formula, which a name typed by anyone may be.

    A signed number as shown (`-3,83`, `+5`, `-1.200,87`, `-Rp 142.706`, `-3,83 %`) is a
    number, not a formula: it has no letters or references, and quoting it would stop
    Excel reading it as a number.
    """
    if not isinstance(nilai, str) or not nilai.startswith(AWALAN_RUMUS):
        return False
    if nilai[0] in "+-":
        try:
            parse_angka(nilai[1:])
        except AngkaTidakValid:
            return True
        return False
    return True


def netralkan(sel) -> None:
    """Keep an openpyxl cell's text exactly, but as a string that is never evaluated.

    openpyxl stores a str beginning with «=» as a formula; a string cell is only shown.
    `quotePrefix` is what Excel itself records for text typed as `'=…`, so the cell stays
    text when someone edits it; the text read back is the same.
    """
    if mirip_rumus(sel.value):
        sel.data_type = "s"
        sel.quotePrefix = True


def _unduhan(isi, content_type: str, nama_berkas: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=content_type)
    respons["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    return respons


def respons_xlsx(isi: bytes, nama: str) -> HttpResponse:
    """A workbook's bytes as a download named `nama`: every XLSX the site hands out."""
    return _unduhan(isi, XLSX, nama)


def sebagai_csv(table: tables.Table, nama_berkas: str) -> HttpResponse:
    """The table's rows as shown, as a CSV file for Excel."""
    keluaran = io.StringIO()
    # The byte-order mark makes Excel read UTF-8 (names carry «, ≥, –); semicolons,
    # because an Indonesian Excel reads the comma as the decimal mark.
    keluaran.write("\ufeff")
    # Excel shows the apostrophe of a CSV cell, but it is the only mark that stops a formula.
    csv.writer(keluaran, delimiter=";").writerows(
        [f"'{nilai}" if mirip_rumus(nilai) else nilai for nilai in baris] for baris in table.as_values()
    )
    return _unduhan(keluaran.getvalue(), "text/csv; charset=utf-8", nama_berkas)


def _angka(nilai) -> bool:
    return isinstance(nilai, (int, float, Decimal)) and not isinstance(nilai, bool)


def sebagai_xlsx(table: tables.Table, nama_berkas: str, judul: str) -> HttpResponse:
    """The table's rows as shown, numbers as numbers; a table may name number formats per
    column in `FORMAT_XLSX` (e.g. percentages)."""
    formats = getattr(table, "FORMAT_XLSX", {})
    buku = Workbook()
    lembar = buku.active
    lembar.title = judul[:31]
    kolom = [c for c in table.columns if c.column.exclude_from_export is False]
    lembar.append([str(c.header) for c in kolom])
    for sel in lembar[1]:
        sel.font = Font(bold=True)
    for row in table.rows:
        isi = []
        for c in kolom:
            mentah = c.accessor.resolve(row.record, quiet=True)
            isi.append(mentah if _angka(mentah) else row.get_cell_value(c.name))
        lembar.append(isi)
        for sel, c, nilai in zip(lembar[lembar.max_row], kolom, isi, strict=True):
            netralkan(sel)
            if _angka(nilai):
                sel.number_format = formats.get(c.name, FORMAT_BAWAAN)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return respons_xlsx(keluaran.getvalue(), nama_berkas)


def unduh(request, table: tables.Table, nama: str, judul: str) -> HttpResponse | None:
    """`?ekspor=csv` or `?ekspor=xlsx`: the table as that file; otherwise None."""
    jenis = request.GET.get("ekspor")
    if jenis == "csv":
        return sebagai_csv(table, f"{nama}.csv")
    if jenis == "xlsx":
        return sebagai_xlsx(table, f"{nama}.xlsx", judul)
    return None
