"""Admin for regions, agencies, their profile and report settings.

Also home of `AngkaAdmin`, the base every admin of the project uses so that each number
field reads Indonesian input strictly (`inti.forms.AngkaField`).
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet

from instansi.models import (
    Instansi,
    Keanggotaan,
    KomposisiPegawai,
    KunciTahun,
    Narasi,
    Pemda,
    Pemeriksa,
    PengaturanLaporan,
    PredikatCapaian,
    SaranaPrasarana,
    TabelPendukung,
)
from instansi.pengaturan import Pita, PitaTidakValid, validasi_pita
from inti.admin import BerVersiAdmin
from inti.forms import AngkaField

ANGKA_FIELD = {models.DecimalField: {"form_class": AngkaField}}


class AngkaAdmin(admin.ModelAdmin):
    formfield_overrides = ANGKA_FIELD


class AngkaTabularInline(admin.TabularInline):
    formfield_overrides = ANGKA_FIELD
    extra = 0


class PredikatFormSet(BaseInlineFormSet):
    """Checks the agency's bands as a whole: no gap, no overlap."""

    def clean(self):
        super().clean()
        pita = [
            Pita(f.cleaned_data["label"], f.cleaned_data.get("batas_bawah"), f.cleaned_data.get("batas_atas"))
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            validasi_pita(pita)
        except PitaTidakValid as exc:
            raise ValidationError(str(exc)) from None


class PredikatCapaianForm(forms.ModelForm):
    """A band saved on its own must still join the agency's other bands."""

    class Meta:
        model = PredikatCapaian
        fields = ["instansi", "label", "batas_bawah", "batas_atas"]

    def clean(self):
        data = super().clean()
        instansi = data.get("instansi")
        if instansi and data.get("label"):
            lain = PredikatCapaian.objects.filter(instansi=instansi).exclude(pk=self.instance.pk)
            pita = [p.pita() for p in lain]
            pita.append(Pita(data["label"], data.get("batas_bawah"), data.get("batas_atas")))
            try:
                validasi_pita(pita)
            except PitaTidakValid as exc:
                raise ValidationError(str(exc)) from None
        return data


class PredikatCapaianInline(AngkaTabularInline):
    model = PredikatCapaian
    formset = PredikatFormSet


class PengaturanLaporanInline(admin.StackedInline):
    model = PengaturanLaporan
    can_delete = False


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "jabatan_kepala", "nama_kepala"]
    list_filter = ["jenis"]
    search_fields = ["nama"]
    prepopulated_fields = {"slug": ["nama"]}


@admin.register(Instansi)
class InstansiAdmin(BerVersiAdmin):
    list_display = ["nama", "singkatan", "pemda", "kepala_nama"]
    list_filter = ["pemda"]
    search_fields = ["nama", "singkatan", "kepala_nama"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [PengaturanLaporanInline, PredikatCapaianInline]


@admin.register(PengaturanLaporan)
class PengaturanLaporanAdmin(admin.ModelAdmin):
    list_display = [
        "instansi",
        "pembulatan",
        "desimal",
        "metode_efisiensi",
        "rumus_polaritas_turun",
        "susunan_bab",
    ]
    list_filter = ["pembulatan", "metode_efisiensi", "susunan_bab"]


@admin.register(PredikatCapaian)
class PredikatCapaianAdmin(AngkaAdmin):
    list_display = ["instansi", "label", "batas_bawah", "batas_atas"]
    list_filter = ["instansi"]
    form = PredikatCapaianForm


@admin.register(Narasi)
class NarasiAdmin(BerVersiAdmin):
    list_display = ["judul", "instansi", "tahun", "kunci", "urutan"]
    list_filter = ["instansi", "tahun"]
    search_fields = ["judul", "teks"]


@admin.register(KomposisiPegawai)
class KomposisiPegawaiAdmin(BerVersiAdmin):
    list_display = ["uraian", "kolom", "jumlah", "dimensi", "kelompok", "instansi", "tahun"]
    list_filter = ["instansi", "tahun", "dimensi"]


@admin.register(SaranaPrasarana)
class SaranaPrasaranaAdmin(BerVersiAdmin):
    list_display = [
        "nama_barang",
        "jumlah",
        "kondisi_baik",
        "kondisi_sedang",
        "kondisi_rusak",
        "instansi",
        "tahun",
    ]
    list_filter = ["instansi", "tahun"]
    search_fields = ["nama_barang"]


@admin.register(TabelPendukung)
class TabelPendukungAdmin(BerVersiAdmin):
    list_display = ["judul", "instansi", "tahun", "kunci"]
    list_filter = ["instansi", "tahun"]


@admin.register(Keanggotaan)
class KeanggotaanAdmin(admin.ModelAdmin):
    list_display = ["user", "instansi"]
    list_filter = ["instansi"]
    search_fields = ["user__username", "instansi__nama"]
    autocomplete_fields = ["instansi"]


@admin.register(Pemeriksa)
class PemeriksaAdmin(admin.ModelAdmin):
    list_display = ["user", "pemda"]
    list_filter = ["pemda"]
    search_fields = ["user__username"]


@admin.register(KunciTahun)
class KunciTahunAdmin(admin.ModelAdmin):
    list_display = ["instansi", "tahun", "dikunci_oleh", "dikunci_pada"]
    list_filter = ["instansi", "tahun"]
    readonly_fields = ["dikunci_oleh", "dikunci_pada"]

    def save_model(self, request, obj, form, change):
        obj.dikunci_oleh = obj.dikunci_oleh or request.user
        super().save_model(request, obj, form, change)
