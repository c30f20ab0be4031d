"""The worksheet's inputs: one side's answer to one criterion, the start of an evaluation,
and a transition's note."""

from django import forms

from evaluasi.alur import Isian
from evaluasi.models import PANJANG_CATATAN, Instrumen, JawabanLke, KriteriaLke
from inti.angka import format_angka
from inti.forms import VersiField

ISIAN = ("nilai_skala", "catatan", "versi")


class JawabanForm(forms.Form):
    """An answer on the criterion's own (frozen) scale, «belum dijawab» allowed, and a note."""

    nilai_skala = forms.ChoiceField(label="Jawaban", required=False)
    catatan = forms.CharField(
        label="Catatan",
        required=False,
        max_length=PANJANG_CATATAN,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    versi = VersiField()

    def __init__(self, *args, kriteria: KriteriaLke, jawaban: JawabanLke | None, **kwargs):
        kwargs.setdefault("prefix", f"k{kriteria.pk}")
        if jawaban is not None:
            kwargs.setdefault("initial", {n: getattr(jawaban, n) for n in ISIAN})
        super().__init__(*args, **kwargs)
        self.kriteria = kriteria
        pilihan = kriteria.nilai_pilihan().items()
        self.fields["nilai_skala"].choices = [
            ("", "— belum —"),
            *((label, f"{label} ({format_angka(nilai, 2)})") for label, nilai in pilihan),
        ]
        self.fields["nilai_skala"].label = f"Jawaban {kriteria.kode}"
        self.fields["catatan"].label = f"Catatan {kriteria.kode}"

    def clean_catatan(self):
        return self.cleaned_data["catatan"].strip()

    def isian(self) -> Isian:
        """The answer as `evaluasi.alur.simpan_jawaban` takes it (after `is_valid`)."""
        d = self.cleaned_data
        return Isian(self.kriteria, d["nilai_skala"], d["catatan"], d["versi"])


class MulaiForm(forms.Form):
    instrumen = forms.ModelChoiceField(
        label="Instrumen", queryset=Instrumen.objects.filter(aktif=True), empty_label=None
    )


class TransisiForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=PANJANG_CATATAN, widget=forms.Textarea(attrs={"rows": 4})
    )
    versi = VersiField()
