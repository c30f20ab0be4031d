"""Budget arithmetic: roll-ups, absorption (penyerapan), remainder and efficiency.

Pure functions over `Decimal`, fed by `anggaran.models`. Efficiency needs a capaian,
which `kinerja.hitung` computes; `instansi.pengaturan.MetodeEfisiensi` says which of the
two documented methods an agency uses.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import models

from instansi.pengaturan import MetodeEfisiensi
from inti.angka import jumlah_ada
from kinerja.hitung import Hasil, TidakTerhitung, bagi_persen


class Tahap(models.TextChoices):
    """Budget stages of a year, in the order they happen."""

    RENJA_MURNI = "renja_murni", "Renja murni"
    RKA = "rka", "RKA"
    DPA_PENGESAHAN = "dpa_pengesahan", "DPA pengesahan"
    DPA_PERGESERAN = "dpa_pergeseran", "DPA pergeseran"
    DPA_PERUBAHAN = "dpa_perubahan", "DPA perubahan"


URUTAN_TAHAP = list(Tahap)


def gulung(sendiri: Decimal | None, anak: Iterable[Decimal | None]) -> Decimal | None:
    """A node's amount: the sum of its children where any child has one, else its own.

    Figures are entered at the most detailed level the source gives; a parent's own
    figure only stands when nothing below it was entered.
    """
    dari_anak = jumlah_ada(anak)
    return sendiri if dari_anak is None else dari_anak


def pagu_berlaku(per_tahap: Mapping[str, Decimal | None], tahap: str) -> Decimal | None:
    """The budget in force at `tahap`: its own figure, else the latest earlier stage's.

    A stage with no figure left the budget unchanged: Lampung Barat's DPA pergeseran is
    blank for kegiatan that were not shifted, and its total counts them at their DPA
    pengesahan amount.
    """
    for sebelumnya in reversed(URUTAN_TAHAP[: URUTAN_TAHAP.index(tahap) + 1]):
        if per_tahap.get(sebelumnya) is not None:
            return per_tahap[sebelumnya]
    return None


def pagu_akhir(per_tahap: Mapping[str, Decimal | None]) -> Decimal | None:
    """The budget in force at the end of the year: the latest stage that has a figure."""
    return pagu_berlaku(per_tahap, URUTAN_TAHAP[-1])


def penyerapan(pagu: Decimal | None, realisasi: Decimal | None) -> Hasil:
    """Spending as a percentage of budget (2.157.122.364 / 2.516.200.000 → 85,73 %)."""
    return bagi_persen(realisasi, pagu)


def sisa(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Lebih/(kurang): budget minus spending; negative when spending exceeds budget."""
    if pagu is None or realisasi is None:
        return None
    return pagu - realisasi


def efisiensi(capaian: Hasil, penyerapan_persen: Hasil, metode: str) -> Hasil:
    """Efficiency in the agency's method.

    Rasio (Lampung Barat): capaian ÷ realisasi anggaran, 246,67 % ÷ 100 % → 2,47.
    Selisih (Bandar Lampung): capaian − penyerapan, 103,97 − 85,73 → 18,24 points.
    """
    if isinstance(capaian, TidakTerhitung) or isinstance(penyerapan_persen, TidakTerhitung):
        return TidakTerhitung.BELUM_DIUKUR
    if metode == MetodeEfisiensi.SELISIH:
        return capaian - penyerapan_persen
    if penyerapan_persen == 0:
        return TidakTerhitung.PEMBAGI_NOL
    return capaian / penyerapan_persen


def kategori_efisiensi(nilai: Hasil, metode: str) -> str | None:
    """«Efisien» when the ratio is at least 1 (or the difference at least 0)."""
    if isinstance(nilai, TidakTerhitung):
        return None
    ambang = Decimal(0) if metode == MetodeEfisiensi.SELISIH else Decimal(1)
    return "Efisien" if nilai >= ambang else "Tidak efisien"
