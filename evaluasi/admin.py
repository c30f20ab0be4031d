"""Admin of the evaluation instruments (the editable templates) and a read-only view of the
evaluations.

An admin edits an instrument from its page down to the criteria: the instrument with its
components, a component with its sub-components, a sub-component with its criteria, a scale
with its answers. An evaluation is not edited here: its copy of the instrument is frozen and
its state and answers move only through the screens (`evaluasi.alur`), which check who may.
"""

from django.contrib import admin

from evaluasi.models import (
    EvaluasiLke,
    Instrumen,
    KomponenInstrumen,
    KriteriaInstrumen,
    NilaiSkala,
    PeristiwaLke,
    SkalaJawaban,
    SubKomponenInstrumen,
)
from instansi.admin import ANGKA_FIELD, AngkaTabularInline
from inti.admin import BerVersiInline, BerVersiRiwayatAdmin


class RiwayatAdmin(BerVersiRiwayatAdmin):
    formfield_overrides = ANGKA_FIELD


class NilaiSkalaInline(BerVersiInline, AngkaTabularInline):
    model = NilaiSkala


class KomponenInline(BerVersiInline, AngkaTabularInline):
    model = KomponenInstrumen
    show_change_link = True


class SubKomponenInline(BerVersiInline, AngkaTabularInline):
    model = SubKomponenInstrumen
    show_change_link = True


class KriteriaInline(BerVersiInline, AngkaTabularInline):
    model = KriteriaInstrumen
    fields = ["urutan", "kode", "teks", "skala", "bukti_diharapkan", "prasyarat"]
    raw_id_fields = ["prasyarat"]


@admin.register(SkalaJawaban)
class SkalaJawabanAdmin(RiwayatAdmin):
    inlines = [NilaiSkalaInline]


@admin.register(Instrumen)
class InstrumenAdmin(RiwayatAdmin):
    list_display = ["nama", "dasar", "aktif"]
    inlines = [KomponenInline]


@admin.register(KomponenInstrumen)
class KomponenInstrumenAdmin(RiwayatAdmin):
    list_display = ["__str__", "instrumen", "bobot"]
    list_filter = ["instrumen"]
    inlines = [SubKomponenInline]


@admin.register(SubKomponenInstrumen)
class SubKomponenInstrumenAdmin(RiwayatAdmin):
    list_display = ["__str__", "komponen", "jenis", "bobot"]
    list_filter = ["komponen__instrumen"]
    inlines = [KriteriaInline]


class PeristiwaInline(admin.TabularInline):
    model = PeristiwaLke
    extra = 0
    can_delete = False
    fields = readonly_fields = ["pada", "transisi", "dari", "ke", "oleh", "catatan"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(EvaluasiLke)
class EvaluasiLkeAdmin(BerVersiRiwayatAdmin):
    list_display = ["instansi", "tahun", "nama_instrumen", "status"]
    list_filter = ["status", "tahun"]
    inlines = [PeristiwaInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
