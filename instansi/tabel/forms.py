"""Forms and the filter of an agency's profile tables of a year: SDM (`KomposisiPegawai`), sarana &
prasarana (`SaranaPrasarana`) and the supporting tables (`TabelPendukung`).

Used by `instansi.tabel.views`. Counts are whole numbers typed the Indonesian way
(`1.200`); «-», as the documents write an empty cell, is read as empty.
"""

from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q

from instansi.models import KomposisiPegawai, SaranaPrasarana, TabelPendukung
from instansi.profil.forms import URUTAN_MAKS
from inti.forms import AngkaField, BerVersiForm, VersiField, format_masukan
from inti.penyaji import PENYAJI_RINGAN
from inti.versi import Tulis

KOSONG = ("-", "–", "—")  # how the documents write «no figure»
BARIS_TAMBAHAN = 3  # empty rows offered under a table for new lines


class AngkaSelField(AngkaField):
    """A figure of a table, where «-» means none, as the documents write it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip() in KOSONG:
            return None
        return super().to_python(value)


class JumlahField(AngkaSelField):
    """A count: a whole number ≥ 0 (`1.200`), refused if it has decimals (`1,5`)."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=10, decimal_places=0, min_value=0, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_masukan(Decimal(value))
        return super().prepare_value(value)

    def validate(self, value):
        if value is not None and value != value.to_integral_value():
            raise forms.ValidationError(f"{self.label}: «{format_masukan(value)}» bukan bilangan bulat.")
        super().validate(value)

    def clean(self, value):
        nilai = super().clean(value)
        return None if nilai is None else int(nilai)


class UrutanField(JumlahField):
    """A row's place in its table; empty means 0."""

    def __init__(self, **kwargs):
        super().__init__(label="Urutan", max_value=URUTAN_MAKS, **kwargs)

    def clean(self, value):
        nilai = super().clean(value)
        return 0 if nilai is None else nilai


class KomposisiPegawaiForm(BerVersiForm):
    """One cell of an SDM table; the view sets its agency, year and dimensi."""

    jumlah = JumlahField(label="Jumlah")
    urutan = UrutanField()

    class Meta:
        model = KomposisiPegawai
        fields = ["urutan", "kelompok", "uraian", "kolom", "jumlah"]


class SaranaPrasaranaForm(BerVersiForm):
    """One line of the sarana & prasarana table; the view sets its agency and year."""

    jumlah = JumlahField(label="Jumlah")
    kondisi_baik = JumlahField(label="Baik")
    kondisi_sedang = JumlahField(label="Cukup / kurang baik")
    kondisi_rusak = JumlahField(label="Rusak")
    urutan = UrutanField()

    class Meta:
        model = SaranaPrasarana
        fields = ["urutan", "nama_barang", "jumlah", "kondisi_baik", "kondisi_sedang", "kondisi_rusak"]


class BarisFormSet(forms.BaseModelFormSet):
    """Rows of a profile table, each carrying the version it was read at."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A row someone deleted since the page was opened no longer is a valid choice.
        form.fields[self.model._meta.pk.name].error_messages["invalid_choice"] = (
            "Baris ini telah dihapus orang lain sejak halaman ini dibuka; muat ulang halaman."
        )

    def tulis(self, letak: dict, label: str) -> list[Tulis]:
        """The changed, added and deleted rows as rows to write (after `is_valid`); new rows
        get the fields of `letak` (their agency, year, dimensi)."""
        hasil = []
        for form in self.forms:
            obj = form.instance
            if form in self.initial_forms and obj.pk is None:
                continue  # a posted id that is not one of this table's rows: left alone
            if self.can_delete and self._should_delete_form(form):
                if obj.pk:
                    hasil.append(
                        Tulis(self.model, f"{label}: {obj}", {"pk": obj.pk}, _versi_hapus(form), None)
                    )
            elif form.has_changed():
                for nama, nilai in letak.items():
                    setattr(obj, nama, nilai)
                hasil.append(form.tulis(f"{label}: {obj}"))
        return hasil


def _versi_hapus(form) -> int:
    """The version a row ticked for deletion was read at; Django does not validate such a
    form, so its version is read here, and a garbled one is 0 (a conflict, not a 500)."""
    try:
        return VersiField().clean(form["versi"].value())
    except forms.ValidationError:
        return 0


def formset(model, form):
    """An editable list of rows: existing ones (deletable) and a few empty ones to add."""
    return forms.modelformset_factory(
        model, form=form, formset=BarisFormSet, extra=BARIS_TAMBAHAN, can_delete=True, renderer=PENYAJI_RINGAN
    )


KomposisiPegawaiFormSet = formset(KomposisiPegawai, KomposisiPegawaiForm)
SaranaPrasaranaFormSet = formset(SaranaPrasarana, SaranaPrasaranaForm)


JENIS_KOLOM = ("teks", "angka")


class TabelPendukungForm(BerVersiForm):
    """A supporting table's heading; its columns are set once, when it is created."""

    urutan = UrutanField()
    kolom = forms.CharField(
        label="Kolom",
        widget=forms.Textarea(attrs={"rows": 5, "cols": 50}),
        help_text="Satu kolom per baris: judul | jenis (teks atau angka), misalnya «Tahun | teks».",
    )

    class Meta:
        model = TabelPendukung
        fields = ["kunci", "judul", "sumber", "urutan"]
        widgets = {
            "judul": forms.TextInput(attrs={"size": 60}),
            "sumber": forms.TextInput(attrs={"size": 60}),
        }
        help_texts = {"kunci": "Kunci yang dirujuk susunan laporan, misalnya «data-koperasi»."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Rows already follow these columns: changing them would misalign every cell.
            del self.fields["kolom"]

    def clean_kolom(self) -> list[dict]:
        kolom = []
        for nomor, baris in enumerate(self.cleaned_data["kolom"].splitlines(), start=1):
            if not baris.strip():
                continue
            judul, _, jenis = (bagian.strip() for bagian in baris.partition("|"))
            jenis = jenis.lower() or "teks"
            if not judul or jenis not in JENIS_KOLOM:
                raise forms.ValidationError(
                    f"Kolom baris {nomor}: tulis «judul | teks» atau «judul | angka»."
                )
            kolom.append({"judul": judul, "jenis": jenis})
        return kolom


class BarisTabelForm(forms.Form):
    """A row of a supporting table: a field per column, numbers through the Indonesian parser."""

    def __init__(self, *args, kolom: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.kolom = kolom
        for n, k in enumerate(kolom):
            if k["jenis"] == "angka":
                self.fields[f"sel_{n}"] = AngkaSelField(label=k["judul"], max_digits=20, decimal_places=4)
            else:
                self.fields[f"sel_{n}"] = forms.CharField(label=k["judul"], required=False)

    def sel(self) -> list:
        """The row as stored: numbers as decimal strings (`"82.15"`), empty cells as None."""
        hasil = []
        for n in range(len(self.kolom)):
            nilai = self.cleaned_data.get(f"sel_{n}")
            hasil.append(None if nilai in (None, "") else str(nilai))
        return hasil


BarisTabelFormSet = forms.formset_factory(
    BarisTabelForm, extra=BARIS_TAMBAHAN, can_delete=True, renderer=PENYAJI_RINGAN
)


def awal_baris(tabel: TabelPendukung) -> list[dict]:
    """A table's stored rows as the row forms' initial values (numbers back as Decimal)."""
    hasil = []
    for baris in tabel.baris:
        awal = {}
        for n, (k, sel) in enumerate(zip(tabel.kolom, baris, strict=True)):
            awal[f"sel_{n}"] = Decimal(sel) if k["jenis"] == "angka" and sel is not None else sel
        hasil.append(awal)
    return hasil


class TabelPendukungFilter(django_filters.FilterSet):
    """The supporting tables of a year, narrowed by words of their title or source."""

    q = django_filters.CharFilter(label="Cari", method="cari")

    class Meta:
        model = TabelPendukung
        fields = []

    def cari(self, queryset, name, value):
        return queryset.filter(Q(judul__icontains=value) | Q(sumber__icontains=value))
