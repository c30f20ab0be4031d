"""The agency's indicators as a django-tables2 table, sortable, and exportable (`instansi.ekspor`).

The queryset comes from `dengan_tingkat`, which annotates each indicator's level and the
name of the node it measures, so sorting and rendering need no query per row.
"""

import django_tables2 as tables
from django.db.models import Case, CharField, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from kinerja.models import LEVEL_INDIKATOR, Indikator

# "tujuan" -> "Tujuan", "sub_kegiatan" -> "Sub kegiatan": the models' own names.
LABEL_TINGKAT = {
    level: capfirst(Indikator._meta.get_field(level).related_model._meta.verbose_name)
    for level in LEVEL_INDIKATOR
}


def dengan_tingkat(indikator: QuerySet[Indikator]) -> QuerySet[Indikator]:
    """Annotate `tingkat` (the level's position, top first) and `nama_node`."""
    return indikator.annotate(
        tingkat=Case(
            *(When(**{f"{level}__isnull": False}, then=Value(n)) for n, level in enumerate(LEVEL_INDIKATOR)),
            output_field=IntegerField(),
        ),
        nama_node=Coalesce(
            "tujuan__uraian",
            "sasaran__uraian",
            "program__nama",
            "kegiatan__nama",
            "sub_kegiatan__nama",
            output_field=CharField(),
        ),
    )


def label_tingkat(indikator: Indikator) -> str:
    """The level of an indicator annotated by `dengan_tingkat`, as a reader names it."""
    return LABEL_TINGKAT[LEVEL_INDIKATOR[indikator.tingkat]]


class IndikatorTable(tables.Table):
    kode = tables.Column()
    nama = tables.Column(verbose_name="Indikator")
    tingkat = tables.Column(verbose_name="Tingkat")
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
