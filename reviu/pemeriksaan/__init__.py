"""The automatic findings' checks, one small pure function each, and what they share.

Each check reads a report's gathered data (`sakip.lkjip.data.DataLaporan`; the narratives'
check the report assembled from it) and yields a `Temuan` per object it finds wrong; none
queries the database, so the findings of a year cost nothing beyond `kumpulkan` and `susun`.
`reviu.temuan` lists them in reading order and runs them. A finding names the object as the
reader sees it, both figures written the Indonesian way, and the screen where the planner
fixes it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from inti.angka import format_nilai, format_persen
from kinerja.hitung import Hasil
from kinerja.models import Indikator
from sakip.lkjip.data import DataLaporan


@dataclass(frozen=True)
class Temuan:
    """One automatic finding: which check (`kode`), its title, what is wrong in plain words,
    the object it concerns and the URL of the screen that fixes it ("" when none does)."""

    kode: str
    judul: str
    pesan: str
    objek: str
    tautan: str


def nilai(data: DataLaporan, indikator: Indikator, x: Hasil | None) -> str:
    """An indicator's value with its unit, as the report prints it: «887,43 Milyar rupiah»."""
    if not isinstance(x, Decimal):
        return str(x) if x is not None else "–"
    teks = format_nilai(x, data.pengaturan.desimal, data.pengaturan.pembulatan, indikator.desimal)
    return f"{teks} {indikator.satuan}".rstrip()


def persen(data: DataLaporan, x: Decimal) -> str:
    """A percentage cut the agency's way: «103,97 %»."""
    return format_persen(x, data.pengaturan.desimal, data.pengaturan.pembulatan)


def nama_indikator(indikator: Indikator) -> str:
    return f"Indikator «{indikator.nama}»"


def alamat(data: DataLaporan, nama: str, *args) -> str:
    """A screen of the report's agency and year: `alamat(data, "realisasi", pk)`."""
    return reverse(nama, args=[data.instansi.slug, data.tahun, *args])


def alamat_instansi(data: DataLaporan, nama: str, *args) -> str:
    """A screen of the agency without a year: the indicator form, the Renstra's targets."""
    return reverse(nama, args=[data.instansi.slug, *args])


def di_kisi(alamat_kisi: str, indikator: Indikator) -> str:
    """A target grid at the indicator's row: grids show one sasaran per page, so the link
    names the indicator (`?indikator=`) to land on its page, and its row (`#indikator-`)."""
    return f"{alamat_kisi}?indikator={indikator.pk}#indikator-{indikator.pk}"
