"""Downloads of the tables on the screens (django-tables2), with what is shown: the rows
as filtered and sorted. CSV carries the text as shown; XLSX carries real numbers with
number formats, so a planner can compute with them.
"""

import csv
import io
from decimal import Decimal

import django_tables2 as tables
from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_BAWAAN = "#,##0.##"


def _unduhan(isi, content_type: str, nama_berkas: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=content_type)
    respons["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    return respons


def sebagai_csv(table: tables.Table, nama_berkas: str) -> HttpResponse:
    """The table's rows as shown, as a CSV file for Excel."""
    keluaran = io.StringIO()
    # The byte-order mark makes Excel read UTF-8 (names carry «, ≥, –); semicolons,
    # because an Indonesian Excel reads the comma as the decimal mark.
    keluaran.write("\ufeff")
    csv.writer(keluaran, delimiter=";").writerows(table.as_values())
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
            if _angka(nilai):
                sel.number_format = formats.get(c.name, FORMAT_BAWAAN)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return _unduhan(keluaran.getvalue(), XLSX, nama_berkas)


def unduh(request, table: tables.Table, nama: str, judul: str) -> HttpResponse | None:
    """`?ekspor=csv` or `?ekspor=xlsx`: the table as that file; otherwise None."""
    jenis = request.GET.get("ekspor")
    if jenis == "csv":
        return sebagai_csv(table, f"{nama}.csv")
    if jenis == "xlsx":
        return sebagai_xlsx(table, f"{nama}.xlsx", judul)
    return None
