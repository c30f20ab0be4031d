"""Admin for budgets: pagu per stage, realisasi anggaran and belanja per jenis.

Every change is recorded with who and when (django-simple-history); budgets can also be
entered inline on each program, kegiatan and sub kegiatan page.
"""

from django.contrib import admin
from django.db.models import Q

from anggaran.models import BelanjaJenis, Pagu, RealisasiAnggaran
from instansi.admin import AngkaTabularInline
from instansi.models import Instansi
from inti.admin import BerVersiInline
from inti.angka import format_rupiah
from kinerja.admin import KegiatanAdmin, ProgramAdmin, RiwayatAdmin, SubKegiatanAdmin
from kinerja.models import Kegiatan, Program, SubKegiatan


class InstansiNodeFilter(admin.SimpleListFilter):
    """Filter amounts by agency, whichever level of the cascade they sit on."""

    title = "instansi"
    parameter_name = "instansi"

    def lookups(self, request, model_admin):
        return [(i.pk, i.nama) for i in Instansi.objects.all()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(
            Q(program__renstra__instansi=self.value())
            | Q(kegiatan__program__renstra__instansi=self.value())
            | Q(sub_kegiatan__kegiatan__program__renstra__instansi=self.value())
        )


class NodeAdmin(RiwayatAdmin):
    list_filter = [InstansiNodeFilter, "tahun"]
    list_select_related = ["program", "kegiatan", "sub_kegiatan"]
    search_fields = ["program__nama", "kegiatan__nama", "sub_kegiatan__nama"]
    autocomplete_fields = ["program", "kegiatan", "sub_kegiatan"]

    @admin.display(description="Jumlah", ordering="jumlah")
    def jumlah_rupiah(self, obj):
        return format_rupiah(obj.jumlah)


@admin.register(Pagu)
class PaguAdmin(NodeAdmin):
    list_display = ["node", "tahun", "tahap", "jumlah_rupiah"]
    list_filter = [*NodeAdmin.list_filter, "tahap"]


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(NodeAdmin):
    list_display = ["node", "tahun", "jumlah_rupiah"]


@admin.register(BelanjaJenis)
class BelanjaJenisAdmin(RiwayatAdmin):
    list_display = ["jenis", "instansi", "tahun", "murni_rupiah", "perubahan_rupiah"]
    list_filter = ["instansi", "tahun", "jenis"]

    @admin.display(description="DPA murni", ordering="murni")
    def murni_rupiah(self, obj):
        return format_rupiah(obj.murni)

    @admin.display(description="DPA perubahan", ordering="perubahan")
    def perubahan_rupiah(self, obj):
        return format_rupiah(obj.perubahan)


def _inlines_anggaran(fk: str) -> list[type[AngkaTabularInline]]:
    """Pagu and realisasi inlines for the admin page of one level of the cascade."""
    exclude = [level for level in ("program", "kegiatan", "sub_kegiatan") if level != fk]
    return [
        type(
            f"Pagu{fk}Inline",
            (BerVersiInline, AngkaTabularInline),
            {"model": Pagu, "fk_name": fk, "exclude": exclude},
        ),
        type(
            f"Realisasi{fk}Inline",
            (BerVersiInline, AngkaTabularInline),
            {"model": RealisasiAnggaran, "fk_name": fk, "exclude": exclude},
        ),
    ]


# The cascade's admin pages live in kinerja, which must not know about budgets; the budget
# inlines are added from here, where both are known.
for model, model_admin, fk in [
    (Program, ProgramAdmin, "program"),
    (Kegiatan, KegiatanAdmin, "kegiatan"),
    (SubKegiatan, SubKegiatanAdmin, "sub_kegiatan"),
]:
    admin.site.unregister(model)
    admin.site.register(
        model,
        type(
            model_admin.__name__, (model_admin,), {"inlines": [*model_admin.inlines, *_inlines_anggaran(fk)]}
        ),
    )
