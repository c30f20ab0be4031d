"""Forms for the organisation structure of a year: a unit and a position in it."""

from django import forms

from instansi.models import Jabatan, UnitOrganisasi
from instansi.tabel.forms import JumlahField, UrutanField
from inti.forms import BerVersiForm


class UnitOrganisasiForm(BerVersiForm):
    """A unit: its kind, name, the unit it answers to (of the same agency and year, never
    itself or a unit below it) and its place among its siblings."""

    urutan = UrutanField()

    class Meta:
        model = UnitOrganisasi
        fields = ["jenis", "nama", "induk", "urutan"]
        widgets = {"nama": forms.TextInput(attrs={"size": 60})}
        labels = {"induk": "Unit atasan"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unit = self.instance
        semua = list(UnitOrganisasi.objects.filter(instansi=unit.instansi, tahun=unit.tahun))
        bawahan = _bawahan(unit, semua) if unit.pk else set()
        self.fields["induk"].queryset = UnitOrganisasi.objects.filter(
            pk__in=[u.pk for u in semua if u.pk not in bawahan]
        )


def _bawahan(unit: UnitOrganisasi, semua: list[UnitOrganisasi]) -> set[int]:
    """The unit and every unit below it: none of them may become its parent."""
    hasil = {unit.pk}
    berubah = True
    while berubah:
        berubah = False
        for u in semua:
            if u.induk_id in hasil and u.pk not in hasil:
                hasil.add(u.pk)
                berubah = True
    return hasil


class JabatanForm(BerVersiForm):
    """A position in a unit of the year, and who holds it (or how many do, unnamed)."""

    jumlah = JumlahField(label="Jumlah orang", max_value=32767)
    urutan = UrutanField()

    class Meta:
        model = Jabatan
        fields = ["unit", "nama", "pemangku", "nip", "jumlah", "urutan"]
        widgets = {
            "nama": forms.TextInput(attrs={"size": 60}),
            "pemangku": forms.TextInput(attrs={"size": 60}),
        }
        help_texts = {
            "pemangku": "Kosongkan bila jabatan hanya dihitung (misalnya «3 orang fungsional»).",
            "nip": "Boleh kosong.",
        }

    def __init__(self, *args, instansi, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitOrganisasi.objects.filter(instansi=instansi, tahun=tahun)

    def clean_jumlah(self) -> int:
        jumlah = self.cleaned_data["jumlah"]
        if not jumlah:
            raise forms.ValidationError("Jumlah orang paling sedikit 1.")
        return jumlah

    def clean(self):
        data = super().clean()
        if data.get("pemangku") and data.get("jumlah", 1) != 1:
            self.add_error("jumlah", "Jabatan dengan nama pemangku dipegang satu orang.")
        if data.get("nip") and not data.get("pemangku"):
            self.add_error("nip", "NIP hanya diisi bersama nama pemangkunya.")
        return data
