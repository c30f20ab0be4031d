"""Forms of the year's Perjanjian Kinerja screens: the agreement's record (place, date
and signatories). The quarterly target grid is `kinerja.forms_rencana.GridTargetForm`
with cells that carry their quarter.
"""

from django import forms

from instansi.forms import BerVersiForm
from kinerja.models import PerjanjianKinerja


class PerjanjianKinerjaForm(BerVersiForm):
    """Where and when the agreement was signed, and by whom; its targets are the grids'."""

    kunci_alami = ("instansi", "tahun", "jenis")

    class Meta:
        model = PerjanjianKinerja
        fields = [
            "tempat_tanggal",
            "pihak_pertama_nama",
            "pihak_pertama_jabatan",
            "pihak_pertama_pangkat",
            "pihak_pertama_nip",
            "pihak_kedua_nama",
            "pihak_kedua_jabatan",
        ]
        labels = {
            "tempat_tanggal": "Tempat dan tanggal",
            "pihak_pertama_nama": "Pihak pertama: nama",
            "pihak_pertama_jabatan": "Pihak pertama: jabatan",
            "pihak_pertama_pangkat": "Pihak pertama: pangkat",
            "pihak_pertama_nip": "Pihak pertama: NIP",
            "pihak_kedua_nama": "Pihak kedua: nama",
            "pihak_kedua_jabatan": "Pihak kedua: jabatan",
        }
        widgets = {"pihak_pertama_jabatan": forms.TextInput(attrs={"size": 60})}
