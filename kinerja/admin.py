"""Admin for the performance cascade, targets, realisations and evaluations.

An admin can build a Renstra down to a sub kegiatan from here, and the indicator page
shows its capaian per year as the agency's settings compute it.
"""

from django.contrib import admin
from django.db.models import Q
from django.template.loader import render_to_string

from instansi.admin import ANGKA_FIELD, AngkaAdmin, AngkaTabularInline
from inti.admin import BerVersiAdmin, BerVersiInline, BerVersiRiwayatAdmin
from inti.angka import format_angka
from kinerja import hitung
from kinerja.models import (
    AnalisisSasaran,
    EvaluasiSakip,
    Indikator,
    Kegiatan,
    KomponenEvaluasi,
    Pembanding,
    PerjanjianKinerja,
    PredikatEvaluasi,
    Program,
    Realisasi,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    TindakLanjutEvaluasi,
    Tujuan,
)
from kinerja.pengukuran import baca_ukuran, tahun_terukur, ukur


class RiwayatAdmin(BerVersiRiwayatAdmin):
    """Admin of a model whose every change is recorded: who, when, old and new value."""

    formfield_overrides = ANGKA_FIELD


class PilihanSekaliInline:
    """An inline whose rows all offer the same choices for a foreign key (every sasaran of a
    Renstra the same tujuan): the choices are read once per page, not once per row."""

    pilihan_sekali: tuple[str, ...] = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in self.pilihan_sekali and request is not None:
            tersimpan = request.__dict__.setdefault("_pilihan_sekali", {})
            kunci = (self.model, db_field.name)
            if kunci not in tersimpan:
                tersimpan[kunci] = list(field.choices)
            field.choices = tersimpan[kunci]
        return field


class TujuanInline(BerVersiInline, AngkaTabularInline):
    model = Tujuan


class SasaranInline(PilihanSekaliInline, BerVersiInline, AngkaTabularInline):
    model = Sasaran
    pilihan_sekali = ("tujuan",)
    fields = ["kode", "uraian", "tujuan", "urutan"]
    show_change_link = True


class ProgramInline(PilihanSekaliInline, BerVersiInline, AngkaTabularInline):
    model = Program
    pilihan_sekali = ("sasaran",)
    fields = ["kode", "nama", "sasaran", "urutan"]
    show_change_link = True


class KegiatanInline(BerVersiInline, AngkaTabularInline):
    model = Kegiatan
    fields = ["kode", "nama", "uraian_sasaran", "urutan"]
    show_change_link = True


class SubKegiatanInline(BerVersiInline, AngkaTabularInline):
    model = SubKegiatan
    fields = ["kode", "nama", "uraian_sasaran", "urutan"]
    show_change_link = True


class IndikatorInline(BerVersiInline, AngkaTabularInline):
    model = Indikator
    fields = ["kode", "nama", "satuan", "polaritas", "jenis_rumus", "iku", "urutan"]
    show_change_link = True


class TargetInline(BerVersiInline, AngkaTabularInline):
    model = Target


class RealisasiInline(BerVersiInline, AngkaTabularInline):
    model = Realisasi


class PembandingInline(BerVersiInline, AngkaTabularInline):
    model = Pembanding


@admin.register(Renstra)
class RenstraAdmin(BerVersiAdmin):
    list_display = ["__str__", "instansi", "tahun_awal", "tahun_akhir"]
    list_filter = ["instansi"]
    inlines = [TujuanInline, SasaranInline, ProgramInline]


@admin.register(Tujuan)
class TujuanAdmin(BerVersiAdmin):
    list_display = ["uraian", "renstra", "urutan"]
    search_fields = ["uraian"]
    list_filter = ["renstra__instansi"]
    inlines = [IndikatorInline]


@admin.register(Sasaran)
class SasaranAdmin(BerVersiAdmin):
    list_display = ["uraian", "kode", "renstra", "urutan"]
    list_filter = ["renstra__instansi"]
    search_fields = ["uraian"]
    inlines = [IndikatorInline, ProgramInline]


@admin.register(Program)
class ProgramAdmin(BerVersiAdmin):
    list_display = ["nama", "kode", "sasaran", "renstra"]
    list_select_related = ["sasaran", "renstra__instansi"]
    list_filter = ["renstra__instansi"]
    search_fields = ["nama"]
    inlines = [IndikatorInline, KegiatanInline]


@admin.register(Kegiatan)
class KegiatanAdmin(BerVersiAdmin):
    list_display = ["nama", "kode", "program"]
    list_filter = ["program__renstra__instansi"]
    search_fields = ["nama"]
    inlines = [IndikatorInline, SubKegiatanInline]


@admin.register(SubKegiatan)
class SubKegiatanAdmin(BerVersiAdmin):
    list_display = ["nama", "kode", "kegiatan"]
    list_filter = ["kegiatan__program__renstra__instansi"]
    search_fields = ["nama"]
    inlines = [IndikatorInline]


@admin.register(Indikator)
class IndikatorAdmin(RiwayatAdmin):
    list_display = ["nama", "satuan", "polaritas", "jenis_rumus", "iku", "renstra"]
    list_filter = ["renstra__instansi", "iku", "polaritas", "jenis_rumus"]
    search_fields = ["nama"]
    readonly_fields = ["renstra", "capaian_per_tahun"]
    # Searchable pickers: a region's cascade has hundreds of entries.
    autocomplete_fields = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
    inlines = [TargetInline, RealisasiInline, PembandingInline]
    fieldsets = [
        (None, {"fields": ["nama", "kode", "satuan", "desimal", "iku", "urutan", "renstra"]}),
        (
            "Letak dalam cascading (pilih satu)",
            {"fields": ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]},
        ),
        (
            "Rumus",
            {
                "fields": [
                    "polaritas",
                    "rumus_polaritas_turun",
                    "jenis_rumus",
                    "formulasi",
                    "label_komponen_a",
                    "label_komponen_b",
                ]
            },
        ),
        ("Data", {"fields": ["sumber_data", "penanggung_jawab"]}),
        ("Capaian", {"fields": ["capaian_per_tahun"]}),
    ]

    @admin.display(description="Capaian per tahun")
    def capaian_per_tahun(self, obj):
        if obj.pk is None:
            return "Simpan indikator dan isi target serta realisasi untuk melihat capaian."
        instansi = obj.renstra.instansi
        pengaturan = instansi.pengaturan_laporan()
        pita = [p.pita() for p in instansi.predikat.all()]
        baca_ukuran([obj], Q(triwulan__isnull=True))
        return render_to_string(
            "admin/kinerja/capaian_indikator.html",
            {
                "pengaturan": pengaturan,
                "rumus_turun": hitung.RumusPolaritasTurun(obj.rumus_turun(pengaturan)).label,
                "indikator": obj,
                "baris": [ukur(obj, tahun, pengaturan, pita) for tahun in tahun_terukur(obj)],
            },
        )


@admin.register(Target)
class TargetAdmin(RiwayatAdmin):
    autocomplete_fields = ["indikator"]
    list_display = ["indikator", "tahun", "sumber", "triwulan", "nilai"]
    list_filter = ["indikator__renstra__instansi", "tahun", "sumber", "triwulan"]
    search_fields = ["indikator__nama"]
    list_select_related = ["indikator"]


@admin.register(Realisasi)
class RealisasiAdmin(RiwayatAdmin):
    autocomplete_fields = ["indikator"]
    list_display = ["indikator", "tahun", "triwulan", "nilai", "komponen_a", "komponen_b", "keterangan"]
    list_filter = ["indikator__renstra__instansi", "tahun", "triwulan"]
    search_fields = ["indikator__nama"]
    list_select_related = ["indikator"]


@admin.register(Pembanding)
class PembandingAdmin(BerVersiAdmin, AngkaAdmin):
    autocomplete_fields = ["indikator"]
    list_display = ["indikator", "tahun", "wilayah", "nilai"]
    list_filter = ["indikator__renstra__instansi", "wilayah"]


@admin.register(AnalisisSasaran)
class AnalisisSasaranAdmin(BerVersiAdmin):
    list_display = ["sasaran", "tahun"]
    list_filter = ["sasaran__renstra__instansi", "tahun"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(BerVersiAdmin):
    list_display = ["__str__", "instansi", "tahun", "jenis", "tempat_tanggal"]
    list_filter = ["instansi", "tahun", "jenis"]


@admin.register(PredikatEvaluasi)
class PredikatEvaluasiAdmin(AngkaAdmin):
    list_display = ["label", "lebih_dari", "keterangan"]


class KomponenEvaluasiInline(AngkaTabularInline):
    model = KomponenEvaluasi


class TindakLanjutInline(AngkaTabularInline):
    model = TindakLanjutEvaluasi


@admin.register(EvaluasiSakip)
class EvaluasiSakipAdmin(admin.ModelAdmin):
    list_display = ["__str__", "instansi", "tahun", "nilai_total"]
    list_filter = ["instansi"]
    readonly_fields = ["nilai_total", "predikat"]
    inlines = [KomponenEvaluasiInline, TindakLanjutInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("komponen")

    @admin.display(description="Nilai")
    def nilai_total(self, obj):
        return format_angka(obj.nilai()) if obj.pk else "–"

    @admin.display(description="Predikat")
    def predikat(self, obj):
        if obj.pk is None:
            return "–"
        ambang = [(p.lebih_dari, p.label) for p in PredikatEvaluasi.objects.all()]
        return hitung.predikat_evaluasi(obj.nilai(), ambang) or "–"


@admin.register(KomponenEvaluasi)
class KomponenEvaluasiAdmin(AngkaAdmin):
    list_display = ["nama", "evaluasi", "bobot", "nilai"]
    list_filter = ["evaluasi__instansi"]


@admin.register(TindakLanjutEvaluasi)
class TindakLanjutEvaluasiAdmin(admin.ModelAdmin):
    list_display = ["rekomendasi", "evaluasi"]
    list_filter = ["evaluasi__instansi"]
