"""Forms planners fill in for their agency's profile and the narrative of a year's report."""

from django import forms

from instansi.models import Instansi, Narasi
from inti.forms import AngkaField, BerVersiForm

URUTAN_MAKS = 32767  # a PositiveSmallIntegerField


class ProfilForm(BerVersiForm):
    """The agency's name, address and head; slug and pemda stay with the administrator."""

    class Meta:
        model = Instansi
        fields = [
            "nama",
            "singkatan",
            "alamat",
            "kepala_nama",
            "kepala_jabatan",
            "kepala_pangkat",
            "kepala_nip",
        ]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 3, "cols": 60})}


class NarasiForm(BerVersiForm):
    """A narrative section of a year's report; the instance carries its agency and year."""

    urutan = AngkaField(
        label="Urutan", max_digits=5, decimal_places=0, min_value=0, max_value=URUTAN_MAKS, required=False
    )

    class Meta:
        model = Narasi
        fields = ["kunci", "judul", "urutan", "teks"]
        widgets = {
            "judul": forms.TextInput(attrs={"size": 60}),
            "teks": forms.Textarea(attrs={"rows": 18, "cols": 90}),
        }
        help_texts = {"kunci": "Kunci yang dirujuk susunan laporan, misalnya «latar-belakang»."}

    def clean_urutan(self) -> int:
        urutan = self.cleaned_data["urutan"]
        return 0 if urutan is None else int(urutan)

    def clean_kunci(self) -> str:
        # The form leaves out instansi and tahun, so Django skips the unique constraint.
        kunci = self.cleaned_data["kunci"]
        narasi = self.instance
        lain = Narasi.objects.filter(instansi=narasi.instansi, tahun=narasi.tahun, kunci=kunci)
        if lain.exclude(pk=narasi.pk).exists():
            raise forms.ValidationError(f"Kunci «{kunci}» sudah dipakai narasi lain tahun {narasi.tahun}.")
        return kunci
