"""Forms of the year's Perjanjian Kinerja screens: the quarterly target grid and the
agreement's record (place, date and signatories).

The grid is `kinerja.forms_rencana.GridTargetForm` with cells that also carry a quarter;
only the write differs, because a new cell must be created with its quarter and an
emptied one deleted against the version it was read at (`instansi.versi`).
"""

from dataclasses import dataclass

from django import forms
from django.db import transaction

from instansi.versi import Konflik, hapus_bersyarat, simpan_bersyarat
from kinerja.forms_rencana import GridTargetForm, Perubahan, Sel
from kinerja.models import PerjanjianKinerja, Target

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass
class SelTriwulan(Sel):
    """A cell of the quarterly grid: an indicator's target for one quarter of the year."""

    triwulan: int = 1

    @property
    def kunci(self) -> str:
        return f"{super().kunci}_tw{self.triwulan}"


class GridTriwulanForm(GridTargetForm):
    """Every indicator × TW I–IV of one source, validated whole and written all or none."""

    def __init__(self, *args, sel: list[SelTriwulan], **kwargs):
        super().__init__(*args, sel=sel, **kwargs)
        for s in sel:
            label = f"Target TW {ROMAWI[s.triwulan]} {s.tahun} «{s.indikator.nama}»"
            field = self.fields[f"nilai_{s.kunci}"]
            field.label = label
            field.widget.attrs["aria-label"] = label

    @staticmethod
    def simpan(perubahan: list[Perubahan]) -> None:
        """Write every change or none: a conflict anywhere rolls the whole grid back."""
        with transaction.atomic():
            for p in perubahan:
                _tulis(p)


def _tulis(p: Perubahan) -> None:
    s = p.sel
    target = s.target
    if target is None:
        # Someone may have created this quarter's target since the grid was opened.
        baru = Target.objects.filter(
            indikator=s.indikator, tahun=s.tahun, sumber=s.sumber, triwulan=s.triwulan
        ).first()
        if baru is not None:
            raise Konflik(baru)
        target = Target(indikator=s.indikator, tahun=s.tahun, sumber=s.sumber, triwulan=s.triwulan)
    if p.nilai is None:
        hapus_bersyarat(target, p.versi)
        return
    target.nilai = p.nilai
    simpan_bersyarat(target, p.versi)


class PerjanjianKinerjaForm(forms.ModelForm):
    """Where and when the agreement was signed, and by whom; its targets are the grids'."""

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
