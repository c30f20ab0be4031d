"""The form of an uploaded report image: caption, description, place, and the file."""

from django import forms

from instansi.gambar.periksa import UKURAN_MAKS, GambarDitolak, periksa
from instansi.models import GambarLaporan
from instansi.tabel.forms import UrutanField
from inti.forms import BerVersiForm


class GambarForm(BerVersiForm):
    """A new image needs its file; a stored one keeps its image unless a file replaces it.
    The file is checked and re-encoded while the form is validated (`periksa`), so a
    refused file is reported beside the other fields and nothing is stored."""

    berkas_baru = forms.FileField(
        label="Berkas gambar",
        required=False,
        help_text=f"PNG, JPEG atau WebP, paling besar {UKURAN_MAKS // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    urutan = UrutanField()

    class Meta:
        model = GambarLaporan
        fields = ["judul", "alt", "tempat", "urutan"]
        # No fixed width: the fields follow a phone's screen.
        widgets = {"alt": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas_baru"].required = not self.instance.pk
        self.bersih = None  # the checked, re-encoded image (`periksa.GambarBersih`)

    def clean_berkas_baru(self):
        unggahan = self.cleaned_data.get("berkas_baru")
        if unggahan:
            if unggahan.size > UKURAN_MAKS:
                raise forms.ValidationError(
                    f"Berkas terlalu besar: paling besar {UKURAN_MAKS // (1024 * 1024)} MB."
                )
            try:
                self.bersih = periksa(unggahan.read())
            except GambarDitolak as exc:
                raise forms.ValidationError(f"«{unggahan.name}» ditolak: {exc}") from None
        return unggahan
