"""The levels of the cascade an indicator can measure (tujuan … sub kegiatan): their names
for a reader, an annotation that says each indicator's level in SQL, and the order of
the cascade. Used by the plan's and the agreement's screens and by the indicator list."""

from django.db.models import Case, CharField, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.text import capfirst

from kinerja.models import LEVEL_INDIKATOR, Indikator

# "tujuan" -> "Tujuan", "sub_kegiatan" -> "Sub kegiatan": the models' own names.
LABEL_TINGKAT = {
    level: capfirst(Indikator._meta.get_field(level).related_model._meta.verbose_name)
    for level in LEVEL_INDIKATOR
}


def dengan_tingkat(indikator: QuerySet[Indikator]) -> QuerySet[Indikator]:
    """Annotate `posisi_tingkat` (the level's position, top first) and `nama_node`."""
    return indikator.annotate(
        posisi_tingkat=Case(
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
    return LABEL_TINGKAT[LEVEL_INDIKATOR[indikator.posisi_tingkat]]


# Indicators in the order of the cascade: level first, then each node's place under its parents.
URUTAN_CASCADE = (
    "posisi_tingkat",
    "tujuan__urutan",
    "sasaran__urutan",
    "program__urutan",
    "kegiatan__program__urutan",
    "kegiatan__urutan",
    "sub_kegiatan__kegiatan__program__urutan",
    "sub_kegiatan__kegiatan__urutan",
    "sub_kegiatan__urutan",
    "urutan",
    "id",
)
