"""The reviewer's desk as a django-tables2 table over `meja.data.daftar_meja`'s annotated agencies."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from instansi.models import Instansi
from reviu.models import Status


class MejaTable(tables.Table):
    pemda = tables.Column(verbose_name="Pemda", accessor="pemda__nama", order_by=("pemda__nama", "nama"))
    nama = tables.Column(verbose_name="Instansi")
    status_lkjip = tables.Column(verbose_name="Status", order_by=("menunggu", "status_lkjip"))
    sejak = tables.DateTimeColumn(
        verbose_name="Sejak", format="d-m-Y H:i", default="–", attrs={"td": {"class": "waktu"}}
    )
    catatan_terbuka = tables.Column(verbose_name="Catatan terbuka", attrs={"td": {"class": "angka"}})
    catatan_dijawab = tables.Column(verbose_name="Catatan dijawab", attrs={"td": {"class": "angka"}})
    jumlah_temuan = tables.Column(
        verbose_name="Temuan saat disampaikan", default="–", attrs={"td": {"class": "angka"}}
    )

    class Meta:
        model = Instansi
        fields = ()
        attrs = {"id": "meja"}
        row_attrs = {"class": lambda record: "menunggu" if record.status_lkjip == Status.DISAMPAIKAN else ""}

    def __init__(self, *args, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun = tahun

    def render_nama(self, value, record):
        return format_html(
            '<a href="{}">{}</a>', reverse("reviu-laporan", args=[record.slug, self.tahun]), value
        )

    def render_status_lkjip(self, value):
        return format_html('<span class="status {}">{}</span>', value, Status(value).label)
