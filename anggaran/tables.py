"""Tables of the budget screens (django-tables2).

Rows are `anggaran.ringkasan.NodeAnggaran`, so the figures are the same rolled-up ones the
report shows; cells are formatted the Indonesian way, with the agency's rounding. Exported
as shown with `inti.ekspor.sebagai_csv`.
"""

from decimal import Decimal

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from inti.angka import format_persen, format_rupiah


class AnggaranProgramTable(tables.Table):
    """A year's budget per program: pagu akhir, realisasi, penyerapan and sisa."""

    # Excel number formats of the download: rupiah whole, absorption as a percentage.
    FORMAT_XLSX = {"pagu_akhir": "#,##0", "realisasi": "#,##0", "sisa": "#,##0", "penyerapan": '0.00" %"'}
    program = tables.Column("Program", accessor="objek__nama")
    sasaran = tables.Column("Sasaran", accessor="objek__sasaran__uraian")
    pagu_akhir = tables.Column("Pagu akhir", accessor="pagu_akhir", attrs={"td": {"class": "angka"}})
    realisasi = tables.Column("Realisasi", accessor="realisasi", attrs={"td": {"class": "angka"}})
    penyerapan = tables.Column("Penyerapan", accessor="penyerapan", attrs={"td": {"class": "angka"}})
    sisa = tables.Column("Lebih/(kurang)", accessor="sisa", attrs={"td": {"class": "angka"}})

    class Meta:
        orderable = True
        default = "–"  # a figure not entered, as the other pages show it
        empty_text = "Belum ada program untuk tahun ini."

    def __init__(self, data, *, instansi, tahun: int, **kwargs):
        super().__init__(data, **kwargs)
        self.instansi = instansi
        self.tahun = tahun
        self.pengaturan = instansi.pengaturan_laporan()

    def render_program(self, value, record):
        url = reverse("anggaran-program", args=[self.instansi.slug, self.tahun, record.objek.pk])
        return format_html('<a href="{}">{}</a>', url, value)

    def value_program(self, value):
        return value

    def render_pagu_akhir(self, value):
        return format_rupiah(value)

    def render_realisasi(self, value):
        return format_rupiah(value)

    def render_sisa(self, value):
        return format_rupiah(value)

    def render_penyerapan(self, value):
        if not isinstance(value, Decimal):
            return str(value)
        return format_persen(value, self.pengaturan.desimal, self.pengaturan.pembulatan)
