"""The forms of the evaluation's conclusions and of a recommendation's follow-up."""

from django import forms

from evaluasi.models import RekomendasiLke, SimpulanLhe, TindakLanjutLke
from inti.forms import BerVersiForm


class SimpulanForm(BerVersiForm):
    class Meta:
        model = SimpulanLhe
        fields = ["kekuatan", "kelemahan"]
        widgets = {
            "kekuatan": forms.Textarea(attrs={"rows": 4}),
            "kelemahan": forms.Textarea(attrs={"rows": 4}),
        }


class RekomendasiForm(BerVersiForm):
    class Meta:
        model = RekomendasiLke
        fields = ["teks", "urutan"]
        labels = {"teks": "Rekomendasi"}
        widgets = {"teks": forms.Textarea(attrs={"rows": 3})}


class TindakLanjutForm(BerVersiForm):
    """The agency's follow-up: what it did, what it plans, by when, and how far it is."""

    class Meta:
        model = TindakLanjutLke
        fields = ["tindak_lanjut", "rencana_aksi", "batas_waktu", "status"]
        widgets = {
            "tindak_lanjut": forms.Textarea(attrs={"rows": 3}),
            "rencana_aksi": forms.Textarea(attrs={"rows": 3}),
            "batas_waktu": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"batas_waktu": "Tanggal rencana aksi selesai."}

    def clean(self):
        data = super().clean()
        if data.get("status") == "selesai" and not (data.get("tindak_lanjut") or "").strip():
            self.add_error(
                "tindak_lanjut", "Tuliskan tindak lanjut yang telah dilakukan sebelum menandainya selesai."
            )
        return data
