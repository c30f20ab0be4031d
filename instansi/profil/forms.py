"""The form planners fill in for their agency's profile (the narrative's is `sakip.narasi`)."""

from django import forms

from instansi.models import Instansi
from inti.forms import BerVersiForm

URUTAN_MAKS = 32767  # a PositiveSmallIntegerField (the order of a narrative, a supporting table)


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
