"""A step of a note's life: the planner's answer, or the reviewer's closing or reopening."""

from django import forms

from inti.forms import VersiField
from reviu.alur import AKSI_CATATAN
from reviu.models import CatatanReviu


class AksiCatatanForm(forms.Form):
    aksi = forms.ChoiceField(choices=[(a.kode, a.nama) for a in AKSI_CATATAN.values()])
    jawaban = forms.CharField(
        label="Jawaban",
        required=False,
        max_length=CatatanReviu._meta.get_field("jawaban").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    versi = VersiField()
