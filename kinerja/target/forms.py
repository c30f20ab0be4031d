"""Forms of the target screens: the target grid (`KisiTargetForm`, a cell per indicator ×
year or quarter × source, `SelTarget`), the action plan (`KisiRencanaAksiForm`: the same
quarterly cells with what will be done in each quarter) and the agreement's record (place,
date, signatories). Every target a person types goes through `inti.forms.AngkaField`; each
cell carries the `versi` it was read at, for `inti.versi.tulis_semua`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms

from inti.forms import AngkaField, BerVersiForm, VersiField, format_masukan, ringkas
from inti.periode import label_triwulan, periode
from inti.versi import Bentrok, Konflik, Tulis
from kinerja.models import Indikator, PerjanjianKinerja, RencanaAksi, Target


class PerjanjianKinerjaForm(BerVersiForm):
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


@dataclass
class SelTarget:
    """One cell of a target grid: an indicator's target from one source, for a year or,
    with `triwulan`, for one of its quarters.

    `target` is the stored row (None if there is none yet); a `terkunci` cell belongs to a
    locked year and is shown, not typed into (it is posted back unchanged). On the action
    plan, `aksi` is the quarter's stored action.
    """

    indikator: Indikator
    tahun: int
    sumber: str
    target: Target | None
    terkunci: bool = False
    triwulan: int | None = None
    aksi: RencanaAksi | None = None

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
    def label_triwulan(self) -> str:
        return label_triwulan(self.triwulan) if self.triwulan else ""

    @property
    def tersimpan(self) -> Decimal | None:
        return self.target.nilai if self.target else None

    @property
    def tampil(self) -> str:
        """The stored value as typed, all its decimals kept (825,273 stays 825,273)."""
        return format_masukan(self.tersimpan, self.indikator.desimal) or "–"


@dataclass
class Baris:
    """A row of the grid: one indicator and its cells, each with its bound fields."""

    indikator: Indikator
    kelompok: str  # the heading the row falls under (its sasaran, its level)
    acuan: str = ""  # a read-only figure shown beside the cells
    sel: list = field(default_factory=list)


class KisiTargetForm(forms.Form):
    """A grid of targets: one number field and one hidden version per cell (the template
    writes their inputs with `kinerja.templatetags.kisi`, not through the widgets).

    Validated as a whole; `perubahan` gives the changed cells for `inti.versi.tulis_semua`,
    which writes them all or, if any was saved by someone else meanwhile, none. `isian`
    names the fields each cell has, in the order `baris` hands them to the template.
    """

    isian = ("nilai", "versi")

    def __init__(self, *args, sel: list[SelTarget], **kwargs):
        super().__init__(*args, **kwargs)
        self.sel = sel
        for s in sel:
            nilai = AngkaField(
                label=s.label,
                required=False,
                max_digits=20,
                decimal_places=4,
                initial=s.tersimpan,
                desimal_tampil=s.indikator.desimal,
            )
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
            baris.sel.append((s, *(self[f"{nama}_{s.kunci}"] for nama in self.isian)))
        return list(hasil.values())

    def pastikan_susunan_sama(self) -> None:
        """Raise `Konflik` when the page posted cells this grid no longer has: the grid
        changed shape since it was opened (another Renstra or a PK perubahan now governs the
        year), so the person's figures would otherwise be dropped without a word."""
        asing = [k for k in self.data if k.startswith("nilai_") and k not in self.fields]
        if asing:
            raise Konflik(
                [
                    Bentrok(
                        "Susunan tabel",
                        "berubah sejak halaman ini dibuka "
                        "(Renstra atau Perjanjian Kinerja yang berlaku berganti)",
                        None,
                        None,
                    )
                ]
            )

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
                        tampil=lambda t: format_masukan(t.nilai, t.indikator.desimal) or "kosong",
                    )
                )
        return hasil


class KisiRencanaAksiForm(KisiTargetForm):
    """The action plan: each quarter's target cell (the same `Target` row the quarterly
    targets screen edits, never a copy) and beside it what will be done that quarter, a
    `RencanaAksi` with its own version. Both are written together, all or none."""

    isian = ("nilai", "versi", "uraian", "versi_aksi")
    PANJANG = 2000

    def __init__(self, *args, sel: list[SelTarget], **kwargs):
        super().__init__(*args, sel=sel, **kwargs)
        for s in sel:
            uraian = forms.CharField(
                label=self.label_aksi(s),
                required=False,
                max_length=self.PANJANG,
                initial=s.aksi.uraian if s.aksi else "",
            )
            self.fields[f"uraian_{s.kunci}"] = uraian
            self.fields[f"versi_aksi_{s.kunci}"] = VersiField(initial=s.aksi.versi if s.aksi else 0)

    @staticmethod
    def label_aksi(s: SelTarget) -> str:
        return f"Rencana aksi {periode(s.tahun, s.triwulan)} «{s.indikator.nama}»"

    def perubahan(self) -> list[Tulis]:
        """The changed targets, then the changed actions; an emptied action is removed."""
        hasil = super().perubahan()
        for s in self.sel:
            if self.add_prefix(f"uraian_{s.kunci}") not in self.data:
                continue
            uraian = self.cleaned_data[f"uraian_{s.kunci}"]
            if uraian != (s.aksi.uraian if s.aksi else ""):
                hasil.append(
                    Tulis(
                        model=RencanaAksi,
                        label=self.label_aksi(s),
                        letak={"indikator": s.indikator, "tahun": s.tahun, "triwulan": s.triwulan},
                        versi=self.cleaned_data[f"versi_aksi_{s.kunci}"],
                        isian={"uraian": uraian} if uraian else None,
                        tampil=lambda r: f"«{ringkas(r.uraian, 80)}»",
                    )
                )
        return hasil
