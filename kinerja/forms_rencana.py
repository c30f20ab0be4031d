"""Forms of the planners' plan screens: the cascade's nodes, an indicator, and target grids.

Used by `kinerja.views_rencana`, `kinerja.views_indikator` and `kinerja.views_target`.
Every target a person types goes through `instansi.forms.AngkaField`; rows that two
people may edit at once carry the `versi` they were read at (`instansi.versi`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms

from instansi.forms import AngkaField, BerVersiForm, VersiField, format_masukan
from instansi.versi import Tulis
from kinerja.models import Indikator, Renstra, Target


def isian_terbaca(form: forms.Form) -> list[tuple[str, str]]:
    """A form's visible values as a reader sees them: choices by their label, no inputs."""
    hasil = []
    for bf in form.visible_fields():
        nilai = bf.value()
        if nilai in (None, ""):
            teks = ""
        elif isinstance(bf.field, forms.BooleanField):
            teks = "Ya" if nilai else "Tidak"
        elif hasattr(bf.field, "choices"):
            teks = next((str(label) for kunci, label in bf.field.choices if str(kunci) == str(nilai)), "")
        else:
            teks = str(nilai)
        hasil.append((str(bf.label), teks or "–"))
    return hasil


class NodeForm(BerVersiForm):
    """A node of the cascade; a sasaran or program may only point into its own Renstra."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        renstra_id = getattr(self.instance, "renstra_id", None)
        for nama in ("tujuan", "sasaran"):
            if nama in self.fields:
                self.fields[nama].queryset = self.fields[nama].queryset.filter(renstra_id=renstra_id)


class HapusForm(forms.Form):
    """A deletion's confirmation: the version of the row the planner saw before deleting."""

    versi = VersiField()


class RenstraForm(BerVersiForm):
    """A Renstra's name and period; the period runs forward and starts once per agency."""

    class Meta:
        model = Renstra
        fields = ["nama", "tahun_awal", "tahun_akhir"]

    def clean(self):
        data = super().clean()
        awal, akhir = data.get("tahun_awal"), data.get("tahun_akhir")
        if awal and akhir and akhir < awal:
            self.add_error("tahun_akhir", "Tahun akhir tidak boleh sebelum tahun awal.")
        # The agency is not a form field, so ModelForm does not check this uniqueness itself.
        lain = Renstra.objects.filter(instansi_id=self.instance.instansi_id, tahun_awal=awal)
        if awal and lain.exclude(pk=self.instance.pk).exists():
            self.add_error("tahun_awal", f"Instansi ini sudah memiliki Renstra yang mulai tahun {awal}.")
        return data


class IndikatorForm(BerVersiForm):
    """An indicator's definition, written against the `versi` it was read at."""

    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "satuan",
            "polaritas",
            "rumus_polaritas_turun",
            "jenis_rumus",
            "formulasi",
            "label_komponen_a",
            "label_komponen_b",
            "sumber_data",
            "penanggung_jawab",
            "iku",
            "urutan",
        ]
        widgets = {
            "nama": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "formulasi": forms.Textarea(attrs={"rows": 3, "cols": 80}),
            "sumber_data": forms.Textarea(attrs={"rows": 2, "cols": 80}),
        }


ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def periode(tahun: int, triwulan: int | None) -> str:
    """A target's period as the documents write it: "2023", or "TW II 2023" for a quarter."""
    return f"TW {ROMAWI[triwulan]} {tahun}" if triwulan else str(tahun)


@dataclass
class Sel:
    """One cell of a target grid: an indicator's target from one source, for a year or,
    with `triwulan`, for one of its quarters.

    `target` is the stored row (None if there is none yet); a `terkunci` cell belongs to a
    locked year and is shown, not typed into (it is posted back unchanged).
    """

    indikator: Indikator
    tahun: int
    sumber: str
    target: Target | None
    terkunci: bool = False
    triwulan: int | None = None

    @property
    def kunci(self) -> str:
        kunci = f"{self.indikator.pk}_{self.tahun}_{self.sumber}"
        return f"{kunci}_tw{self.triwulan}" if self.triwulan else kunci

    @property
    def label(self) -> str:
        if self.triwulan:
            return f"Target {periode(self.tahun, self.triwulan)} «{self.indikator.nama}»"
        return f"Target {self.tahun} ({Target.Sumber(self.sumber).label}) «{self.indikator.nama}»"

    @property
    def tersimpan(self) -> Decimal | None:
        return self.target.nilai if self.target else None

    @property
    def tampil(self) -> str:
        """The stored value as typed, all its decimals kept (825,273 stays 825,273)."""
        return format_masukan(self.tersimpan) or "–"


@dataclass
class Baris:
    """A row of the grid: one indicator and its cells, each with its bound fields."""

    indikator: Indikator
    kelompok: str  # the heading the row falls under (its sasaran, its level)
    acuan: str = ""  # a read-only figure shown beside the cells
    sel: list = field(default_factory=list)


class GridTargetForm(forms.Form):
    """A grid of targets: one number field and one hidden version per cell.

    Validated as a whole; `perubahan` gives the changed cells for `instansi.versi.tulis_semua`,
    which writes them all or, if any was saved by someone else meanwhile, none.
    """

    def __init__(self, *args, sel: list[Sel], **kwargs):
        super().__init__(*args, **kwargs)
        self.sel = sel
        for s in sel:
            nilai = AngkaField(
                label=s.label, required=False, max_digits=20, decimal_places=4, initial=s.tersimpan
            )
            nilai.widget.attrs["aria-label"] = s.label  # the grid shows no <label> per cell
            self.fields[f"nilai_{s.kunci}"] = nilai
            self.fields[f"versi_{s.kunci}"] = VersiField(initial=s.target.versi if s.target else 0)

    def baris(self, kelompok: Callable[[Indikator], str], acuan: dict[int, str] | None = None) -> list[Baris]:
        """The cells grouped by indicator, in the order they were given, for the template."""
        hasil: dict[int, Baris] = {}
        for s in self.sel:
            i = s.indikator
            if i.pk not in hasil:
                hasil[i.pk] = Baris(i, kelompok(i), (acuan or {}).get(i.pk, ""))
            baris = hasil[i.pk]
            baris.sel.append((s, self[f"nilai_{s.kunci}"], self[f"versi_{s.kunci}"]))
        return list(hasil.values())

    def perubahan(self) -> list[Tulis]:
        """The cells whose typed value differs from the stored one, as rows to write (after
        `is_valid`); an emptied cell removes its target.

        A cell missing from the posted data is left alone, so a truncated request cannot
        clear targets; a cell posted empty is a deliberate removal.
        """
        hasil = []
        for s in self.sel:
            if self.add_prefix(f"nilai_{s.kunci}") not in self.data:
                continue
            nilai = self.cleaned_data[f"nilai_{s.kunci}"]
            if nilai != s.tersimpan:
                hasil.append(
                    Tulis(
                        model=Target,
                        label=s.label,
                        letak={
                            "indikator": s.indikator,
                            "tahun": s.tahun,
                            "sumber": s.sumber,
                            "triwulan": s.triwulan,
                        },
                        versi=self.cleaned_data[f"versi_{s.kunci}"],
                        isian=None if nilai is None else {"nilai": nilai},
                        tampil=lambda t: format_masukan(t.nilai) or "kosong",
                    )
                )
        return hasil
