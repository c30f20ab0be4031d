"""The agency's indicators as a django-tables2 table, sortable, and exportable (`inti.ekspor`).

The queryset comes from `kinerja.tingkat.dengan_tingkat`, which annotates each indicator's
level and the name of the node it measures, so sorting and rendering need no query per row.
"""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from kinerja.models import Indikator
from kinerja.tingkat import label_tingkat


class IndikatorTable(tables.Table):
    kode = tables.Column()
    nama = tables.Column(verbose_name="Indikator")
    tingkat = tables.Column(verbose_name="Tingkat", accessor="posisi_tingkat", order_by="posisi_tingkat")
    nama_node = tables.Column(verbose_name="Mengukur")
    satuan = tables.Column()
    polaritas = tables.Column()
    jenis_rumus = tables.Column(verbose_name="Rumus")
    iku = tables.BooleanColumn(verbose_name="IKU", yesno="Ya,–")
    penanggung_jawab = tables.Column(verbose_name="Penanggung jawab")

    class Meta:
        model = Indikator
        fields = ()
        order_by = ("tingkat",)
        attrs = {"id": "daftar-indikator"}

    def __init__(self, *args, slug: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug = slug

    def render_nama(self, value, record):
        return format_html(
            '<a href="{}">{}</a>', reverse("indikator-ubah", args=[self.slug, record.pk]), value
        )

    def value_nama(self, value):
        return value

    def render_tingkat(self, record):
        return label_tingkat(record)

    def value_iku(self, value):
        return "Ya" if value else "Tidak"
