"""The dashboards' tables (django-tables2) over `dasbor.data`'s rows: sorted in Python by each
column's sort key (a figure not measured sorts below every figure), downloaded as CSV or
XLSX through `inti.ekspor` with real numbers."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from dasbor.grafik import LEBAR_GARIS, TINGGI_GARIS, garis_kecil
from inti.angka import format_angka, format_persen, format_rupiah
from reviu.models import Status

ANGKA = {"td": {"class": "angka"}, "th": {"class": "angka"}}
# Figures a spreadsheet should show with two decimals (percentages are stored as 103.97).
FORMAT_DUA_DESIMAL = "#,##0.00"


def persen(nilai, pengaturan=None) -> str:
    """A percentage or why there is none; by the agency's decimals and rounding when given."""
    if not hasattr(nilai, "as_tuple"):
        return str(nilai) if nilai is not None else "–"
    if pengaturan is None:
        return format_persen(nilai)
    return format_persen(nilai, pengaturan.desimal, pengaturan.pembulatan)


class TabelDasbor(tables.Table):
    """What both dashboards' tables share: their markup and the year their links open.
    django-tables2 reads a table's own `Meta` only: each names this one as its base."""

    class Meta:
        attrs = {"id": "dasbor", "class": "dasbor"}
        default = "–"

    def __init__(self, *args, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun_dasbor = tahun


class TabelInstansi(TabelDasbor):
    FORMAT_XLSX = {
        "capaian": FORMAT_DUA_DESIMAL,
        "penyerapan": FORMAT_DUA_DESIMAL,
        "efisiensi": FORMAT_DUA_DESIMAL,
        "anggaran": "#,##0",
        "realisasi": "#,##0",
        "nilai_evaluasi": FORMAT_DUA_DESIMAL,
    }

    nama = tables.Column(
        verbose_name="Instansi",
        accessor="instansi__nama",
        order_by="instansi__nama",
        attrs={"td": {"class": "nama"}},
    )
    capaian = tables.Column(
        verbose_name="Capaian IKU", accessor="tahun__capaian", order_by="urut_capaian", attrs=ANGKA
    )
    predikat = tables.Column(verbose_name="Predikat", accessor="tahun__predikat", default="–")
    riwayat = tables.Column(verbose_name="Capaian 5 tahun", accessor="riwayat", orderable=False)
    anggaran = tables.Column(
        verbose_name="Anggaran", accessor="tahun__anggaran", order_by="urut_anggaran", attrs=ANGKA
    )
    realisasi = tables.Column(
        verbose_name="Realisasi anggaran", accessor="tahun__realisasi", attrs=ANGKA, orderable=False
    )
    penyerapan = tables.Column(
        verbose_name="Penyerapan", accessor="tahun__penyerapan", order_by="urut_penyerapan", attrs=ANGKA
    )
    efisiensi = tables.Column(verbose_name="Efisiensi", order_by="urut_efisiensi", attrs=ANGKA)
    kategori_efisiensi = tables.Column(verbose_name="Kategori efisiensi", default="–")
    status = tables.Column(verbose_name="Status laporan")
    catatan_terbuka = tables.Column(verbose_name="Catatan terbuka", attrs=ANGKA)
    nilai_evaluasi = tables.Column(verbose_name="Nilai evaluasi", order_by="urut_evaluasi", attrs=ANGKA)
    predikat_evaluasi = tables.Column(verbose_name="Predikat evaluasi", default="–")
    tahun_evaluasi = tables.Column(verbose_name="Tahun evaluasi", default="–")

    class Meta(TabelDasbor.Meta):
        pass

    def render_nama(self, value, record):
        alamat = reverse("instansi-tahun", args=[record.instansi.slug, self.tahun_dasbor])
        return format_html('<a href="{}">{}</a>', alamat, value)

    def render_capaian(self, value, record):
        return persen(value, record.instansi.pengaturan_laporan())

    def render_riwayat(self, value, record):
        titik, nama = self._riwayat(value, record)
        return format_html(
            '<svg class="garis" role="img" aria-label="{}" width="{}" height="{}" viewBox="0 0 {} {}">'
            '<title>{}</title><polyline points="{}"/>{}</svg>',
            nama,
            LEBAR_GARIS,
            TINGGI_GARIS,
            LEBAR_GARIS,
            TINGGI_GARIS,
            nama,
            " ".join(f"{x},{y}" for x, y in titik),
            format_html_join("", '<circle cx="{}" cy="{}" r="2"/>', titik),
        )

    def value_riwayat(self, value, record):
        return self._riwayat(value, record)[1]

    @staticmethod
    def _riwayat(value, record):
        pengaturan = record.instansi.pengaturan_laporan()
        return garis_kecil([(t.tahun, t.capaian) for t in value], lambda n: persen(n, pengaturan))

    def value_nama(self, value):
        return value

    def render_anggaran(self, value):
        return format_rupiah(value)

    def render_realisasi(self, value):
        return format_rupiah(value)

    def render_penyerapan(self, value, record):
        return persen(value, record.instansi.pengaturan_laporan())

    def render_efisiensi(self, value, record):
        if not hasattr(value, "as_tuple"):
            return str(value)
        pengaturan = record.instansi.pengaturan_laporan()
        return format_angka(value, pengaturan.desimal, pengaturan.pembulatan)

    def render_status(self, value):
        return format_html('<span class="status {}">{}</span>', value, Status(value).label)

    def value_status(self, value):
        return Status(value).label

    def render_nilai_evaluasi(self, value):
        return format_angka(value)


class TabelPemda(TabelDasbor):
    """The national view: one row per region, its agencies' figures taken together."""

    FORMAT_XLSX = {"capaian": FORMAT_DUA_DESIMAL, "penyerapan": FORMAT_DUA_DESIMAL, "anggaran": "#,##0"}

    nama = tables.Column(verbose_name="Pemda", accessor="pemda__nama", order_by="pemda__nama")
    jumlah_instansi = tables.Column(verbose_name="Instansi", attrs=ANGKA)
    capaian = tables.Column(verbose_name="Capaian IKU rata-rata", order_by="urut_capaian", attrs=ANGKA)
    anggaran = tables.Column(verbose_name="Anggaran", order_by="urut_anggaran", attrs=ANGKA)
    penyerapan = tables.Column(verbose_name="Penyerapan", order_by="urut_penyerapan", attrs=ANGKA)
    disampaikan = tables.Column(verbose_name="Menunggu reviu", accessor="jumlah_disampaikan", attrs=ANGKA)
    diterbitkan = tables.Column(verbose_name="Diterbitkan", accessor="jumlah_diterbitkan", attrs=ANGKA)
    catatan_terbuka = tables.Column(verbose_name="Catatan terbuka", attrs=ANGKA)
    nilai_evaluasi = tables.Column(
        verbose_name="Nilai evaluasi rata-rata", order_by="urut_evaluasi", attrs=ANGKA
    )

    class Meta(TabelDasbor.Meta):
        pass

    def render_nama(self, value, record):
        alamat = reverse("dasbor-pemda", args=[record.pemda.slug, self.tahun_dasbor])
        return format_html('<a href="{}">{}</a>', alamat, value)

    def value_nama(self, value):
        return value

    def render_capaian(self, value):
        return persen(value)

    def render_penyerapan(self, value):
        return persen(value)

    def render_anggaran(self, value):
        return format_rupiah(value)

    def render_nilai_evaluasi(self, value):
        # No agency of the region evaluated yet: nothing to average, not «Belum diukur».
        return format_angka(value) if hasattr(value, "as_tuple") else "–"
