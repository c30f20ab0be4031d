"""The confirmation of a transition (its note) and a reviewer's new note."""

from django import forms

from inti.forms import VersiField
from reviu.models import CatatanReviu


class TransisiForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    versi = VersiField()


class CatatanBaruForm(forms.Form):
    """A note on an object of the report; `pilihan` groups the objects it shows by kind:
    [(kind's label, [("objek:kunci", object's label), …]), …]."""

    tempat = forms.ChoiceField(label="Tentang")
    teks = forms.CharField(
        label="Catatan",
        max_length=CatatanReviu._meta.get_field("teks").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, pilihan: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tempat"].choices = pilihan
        self.label = {nilai: label for _, daftar in pilihan for nilai, label in daftar}

    def objek(self) -> tuple[str, str, str]:
        """(kind, key, label) of the chosen object, after `is_valid`."""
        tempat = self.cleaned_data["tempat"]
        objek, _, kunci = tempat.partition(":")
        return objek, kunci, self.label[tempat]
