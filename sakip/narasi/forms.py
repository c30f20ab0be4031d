"""The form planners write a narrative section of a year's report with."""

from django import forms

from instansi.models import Narasi
from instansi.profil.forms import URUTAN_MAKS
from inti.forms import AngkaField, BerVersiForm


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
            "teks": forms.Textarea(attrs={"rows": 24, "cols": 80}),
        }
        help_texts = {
            "kunci": "Kunci yang dirujuk susunan laporan, misalnya «latar-belakang».",
            "teks": "Paragraf dipisahkan baris kosong. Angka dari data ditulis sebagai rujukan, "
            "misalnya {{total.anggaran}}; tabel atau grafik ditempatkan dengan satu baris "
            "[[kunci-tabel]]. Daftar rujukan ada di samping.",
        }

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
