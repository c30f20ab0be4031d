"""Forms planners fill in for budgets: the budget grid of a program and belanja per jenis.

A grid is many small forms (one per cell, or per jenis), validated together and written
together. Each form carries the version of the row it was filled from; `rencana()` turns
the changed cells into rows for `inti.versi.tulis_semua`, which writes all or none,
so a bad cell or a row someone else saved in between leaves the database as it was.
Every amount goes through `AngkaField`.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db.models import Q

from anggaran.hitung import Tahap
from anggaran.models import BelanjaJenis, Pagu, RealisasiAnggaran, letak_node
from anggaran.ringkasan import NodeAnggaran
from instansi.models import Instansi
from inti.angka import format_rupiah
from inti.forms import AngkaField, VersiField
from inti.penyaji import PENYAJI_RINGAN
from inti.versi import Tulis

UANG = {"max_digits": 18, "decimal_places": 2, "min_value": 0, "required": False}
REALISASI = "realisasi"
# The grid's columns: a pagu per stage, in the order of the year, then what was spent.
KOLOM = [*((t.value, t.label) for t in Tahap), (REALISASI, "Realisasi")]


class VersiForm(forms.Form):
    """A form for one versioned row; `versi` is 0 when the row did not exist yet. A grid
    has hundreds of them, so their inputs are written without a template render each."""

    default_renderer = PENYAJI_RINGAN
    versi = VersiField()

    def galat(self) -> list[str]:
        """Every error, each naming its field, for the summary above a grid."""
        hasil = []
        for nama, daftar in self.errors.items():
            label = self.fields[nama].label if nama in self.fields else ""
            hasil += [e if not label or e.startswith(label) else f"{label}: {e}" for e in daftar]
        return hasil


class SelAnggaranForm(VersiForm):
    """One cell of the budget grid: a node's pagu at one stage, or its realisasi."""

    jumlah = AngkaField(**UANG, widget=forms.TextInput(attrs={"size": 14, "inputmode": "decimal"}))


def _jumlah(row: Pagu | RealisasiAnggaran | None) -> str:
    return format_rupiah(row.jumlah) if row else "kosong"


@dataclass
class SelAnggaran:
    """A cell of the budget grid and, beside it, the figure in force rolled up from below."""

    kolom: str
    form: SelAnggaranForm
    gulung: Decimal | None

    @property
    def galat(self) -> str:
        """Why the cell was refused, short: its row and column are the label already, and
        the whole message stands in the summary above the grid."""
        daftar = self.form.errors.get("jumlah")
        if not daftar:
            return ""
        return daftar[0].removeprefix(f"{self.form.fields['jumlah'].label}: ").split(";")[0]


class KisiAnggaran:
    """The budget grid of a program for a year: a row per program, kegiatan and sub
    kegiatan, a cell per stage's pagu and one for realisasi. An empty cell is «no figure»."""

    def __init__(self, program: NodeAnggaran, tahun: int, tersimpan: dict, data=None):
        self.tahun = tahun
        self.tersimpan = tersimpan
        self.baris = []
        for node in urut_node(program):
            daftar = []
            for kolom, judul in KOLOM:
                gulung = node.realisasi() if kolom == REALISASI else node.pagu(kolom)
                row = tersimpan.get((node.tingkat, node.objek.pk, kolom))
                form = SelAnggaranForm(
                    data,
                    prefix=f"{node.tingkat}-{node.objek.pk}-{kolom}",
                    initial={"jumlah": row.jumlah if row else None, "versi": row.versi if row else 0},
                )
                form.fields["jumlah"].label = f"{judul} «{node.objek.nama}»"
                daftar.append(SelAnggaran(kolom, form, gulung))
            self.baris.append((node, daftar))

    def forms(self):
        return [sel.form for _, daftar in self.baris for sel in daftar]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms()])

    def galat(self) -> list[str]:
        return [e for form in self.forms() for e in form.galat()]

    def rencana(self) -> list[Tulis]:
        """The cells whose figure differs from what is stored, as rows to write."""
        hasil = []
        for node, daftar in self.baris:
            for sel in daftar:
                kolom, form = sel.kolom, sel.form
                lama = self.tersimpan.get((node.tingkat, node.objek.pk, kolom))
                jumlah = form.cleaned_data["jumlah"]
                if jumlah == (lama.jumlah if lama else None):
                    continue
                hasil.append(
                    Tulis(
                        model=RealisasiAnggaran if kolom == REALISASI else Pagu,
                        label=form.fields["jumlah"].label,
                        letak=letak_sel(node, kolom, self.tahun),
                        versi=form.cleaned_data["versi"],
                        isian=None if jumlah is None else {"jumlah": jumlah},
                        tampil=_jumlah,
                    )
                )
        return hasil


def pada_program(program) -> Q:
    """Rows on a program or on any kegiatan or sub kegiatan under it (a program, or a list of them)."""
    if isinstance(program, list):
        return (
            Q(program__in=program)
            | Q(kegiatan__program__in=program)
            | Q(sub_kegiatan__kegiatan__program__in=program)
        )
    return Q(program=program) | Q(kegiatan__program=program) | Q(sub_kegiatan__kegiatan__program=program)


def tersimpan_program(program, tahun: int) -> dict:
    """The stored rows of a program's grid (or of a list of programs' grids, in the same two
    queries), by (level, node id, stage or «realisasi»)."""
    pagu = {(*letak_node(p), p.tahap): p for p in Pagu.objects.filter(pada_program(program), tahun=tahun)}
    realisasi = {
        (*letak_node(r), REALISASI): r
        for r in RealisasiAnggaran.objects.filter(pada_program(program), tahun=tahun)
    }
    return pagu | realisasi


def urut_node(program: NodeAnggaran) -> list[NodeAnggaran]:
    """The program, then each kegiatan followed by its sub kegiatan."""
    return [program, *(n for kegiatan in program.anak for n in (kegiatan, *kegiatan.anak))]


def letak_sel(node: NodeAnggaran, kolom: str, tahun: int) -> dict:
    """The natural key of a grid cell's row: its node, year and (for a pagu) stage."""
    letak = {node.tingkat: node.objek, "tahun": tahun}
    return letak if kolom == REALISASI else letak | {"tahap": kolom}


class BelanjaForm(VersiForm):
    """One jenis belanja of a year: DPA murni, DPA perubahan and why it changed."""

    murni = AngkaField(label="DPA murni", **UANG)
    perubahan = AngkaField(label="DPA perubahan", **UANG)
    alasan_perubahan = forms.CharField(
        label="Alasan perubahan", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 40})
    )

    def __init__(self, *args, jenis: str, judul: str, **kwargs):
        super().__init__(*args, prefix=jenis, **kwargs)
        self.jenis = jenis
        self.judul = judul
        for nama in ("murni", "perubahan", "alasan_perubahan"):
            self.fields[nama].label = f"{self.fields[nama].label} {judul}"

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("murni") is None and self.isian() is not None:
            raise forms.ValidationError(f"{self.judul}: isi DPA murni, atau kosongkan seluruh barisnya.")
        return data

    def isian(self) -> dict | None:
        """The values to store, or None when the whole row is empty («no figure»)."""
        isian = {n: self.cleaned_data.get(n) for n in ("murni", "perubahan")}
        isian["alasan_perubahan"] = self.cleaned_data.get("alasan_perubahan", "").strip()
        kosong = isian["murni"] is None and isian["perubahan"] is None and not isian["alasan_perubahan"]
        return None if kosong else isian


def _belanja(row: BelanjaJenis | None) -> str:
    if row is None:
        return "kosong"
    return f"murni {format_rupiah(row.murni)}, perubahan {format_rupiah(row.perubahan)}"


def _nilai_belanja(row: BelanjaJenis | None) -> dict | None:
    if row is None:
        return None
    return {"murni": row.murni, "perubahan": row.perubahan, "alasan_perubahan": row.alasan_perubahan}


class KisiBelanja:
    """Belanja per jenis of an agency's year: a row per jenis, saved all or none."""

    def __init__(self, instansi: Instansi, tahun: int, tersimpan: dict[str, BelanjaJenis], data=None):
        self.instansi = instansi
        self.tahun = tahun
        self.tersimpan = tersimpan
        self.forms = []
        for jenis, judul in BelanjaJenis.Jenis.choices:
            row = tersimpan.get(jenis)
            awal = (_nilai_belanja(row) or {}) | {"versi": row.versi if row else 0}
            self.forms.append(BelanjaForm(data, jenis=jenis, judul=judul, initial=awal))

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms])

    def galat(self) -> list[str]:
        return [e for form in self.forms for e in form.galat()]

    def rencana(self) -> list[Tulis]:
        hasil = []
        for form in self.forms:
            lama = self.tersimpan.get(form.jenis)
            isian = form.isian()
            if isian == _nilai_belanja(lama):
                continue
            hasil.append(
                Tulis(
                    model=BelanjaJenis,
                    label=form.judul,
                    letak={"instansi": self.instansi, "tahun": self.tahun, "jenis": form.jenis},
                    versi=form.cleaned_data["versi"],
                    isian=isian,
                    tampil=_belanja,
                )
            )
        return hasil
