"""Performance arithmetic: capaian, comparisons, averages, evaluation scores.

Pure functions over `Decimal` that carry full precision; rounding happens only where a
figure is shown (`inti.angka.bulatkan`). The ORM feeds them (`kinerja.models`), the
report and the screens show their results. A result that cannot be computed is a
`TidakTerhitung` value saying why, never a zero: a missing realisation is not 0 %.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import StrEnum

from django.db import models

from instansi.pengaturan import RumusPolaritasTurun
from inti.angka import jumlah_ada

SERATUS = Decimal(100)


class Polaritas(models.TextChoices):
    NAIK = "naik", "Semakin tinggi semakin baik"
    TURUN = "turun", "Semakin rendah semakin baik"


class JenisRumus(models.TextChoices):
    """How an indicator's realisation is obtained (its structured formulasi)."""

    LANGSUNG = "langsung", "Nilai langsung"
    RASIO = "rasio", "Rasio: A ÷ B × 100"
    PERTUMBUHAN = "pertumbuhan", "Pertumbuhan: (akhir − awal) ÷ awal × 100"


class TidakTerhitung(StrEnum):
    """Why a figure could not be computed; shown to the reader instead of a number."""

    BELUM_DIUKUR = "Belum diukur"
    PEMBAGI_NOL = "Tidak dapat dihitung (pembagi nol)"


Hasil = Decimal | TidakTerhitung


def bagi_persen(pembilang: Decimal | None, penyebut: Decimal | None) -> Hasil:
    """pembilang ÷ penyebut × 100, the shape of most SAKIP figures."""
    if pembilang is None or penyebut is None:
        return TidakTerhitung.BELUM_DIUKUR
    if penyebut == 0:
        return TidakTerhitung.PEMBAGI_NOL
    return pembilang / penyebut * SERATUS


def nilai_rasio(a: Decimal | None, b: Decimal | None) -> Hasil:
    """A ratio indicator's value from its components: 74 koperasi sehat / 393 → 18,83 %."""
    return bagi_persen(a, b)


def nilai_pertumbuhan(awal: Decimal | None, akhir: Decimal | None) -> Hasil:
    """A growth indicator's value: (akhir − awal) ÷ awal × 100."""
    if awal is None or akhir is None:
        return TidakTerhitung.BELUM_DIUKUR
    return bagi_persen(akhir - awal, awal)


def nilai_dari_rumus(jenis: str, a: Decimal | None, b: Decimal | None) -> Hasil:
    """The value of a realisation entered as components (A and B of the indicator)."""
    if jenis == JenisRumus.RASIO:
        return nilai_rasio(a, b)
    if jenis == JenisRumus.PERTUMBUHAN:
        return nilai_pertumbuhan(a, b)
    raise ValueError(f"Indikator berjenis «{jenis}» tidak dihitung dari komponen")


def capaian(
    target: Decimal | None,
    realisasi: Hasil | None,
    polaritas: str = Polaritas.NAIK,
    rumus_turun: str = RumusPolaritasTurun.SELISIH,
) -> Hasil:
    """Achievement in percent of target.

    Higher is better: realisasi ÷ target × 100, negative realisations stay negative
    (target 3,99, realisasi −3,83 → −95,98…). Lower is better: by the agency's chosen
    formula, (2 × target − realisasi) ÷ target × 100 or target ÷ realisasi × 100. Both give
    100 when realisasi equals target.
    """
    if realisasi is None or isinstance(realisasi, TidakTerhitung):
        return TidakTerhitung.BELUM_DIUKUR
    if target is None:
        return TidakTerhitung.BELUM_DIUKUR
    if polaritas == Polaritas.NAIK:
        return bagi_persen(realisasi, target)
    if rumus_turun == RumusPolaritasTurun.SELISIH:
        return bagi_persen(2 * target - realisasi, target)
    return bagi_persen(target, realisasi)


def banding_tahun_lalu(realisasi: Hasil | None, realisasi_lalu: Hasil | None) -> Hasil:
    """This year's realisation as a percentage of last year's (18,83 / 16,09 → 117,03 %)."""
    if isinstance(realisasi, TidakTerhitung) or isinstance(realisasi_lalu, TidakTerhitung):
        return TidakTerhitung.BELUM_DIUKUR
    return bagi_persen(realisasi, realisasi_lalu)


def banding_target_akhir(realisasi: Hasil | None, target_akhir: Decimal | None) -> Hasil:
    """Realisation as a percentage of the Renstra's final-year target (18,83 / 21,53 → 87,45)."""
    if isinstance(realisasi, TidakTerhitung):
        return TidakTerhitung.BELUM_DIUKUR
    return bagi_persen(realisasi, target_akhir)


def rata_rata(nilai: Iterable[Hasil | None]) -> Hasil:
    """The mean of what was measured; unmeasured and uncomputable values are left out."""
    terukur = [n for n in nilai if isinstance(n, Decimal)]
    if not terukur:
        return TidakTerhitung.BELUM_DIUKUR
    return sum(terukur, Decimal(0)) / len(terukur)


def nilai_evaluasi(komponen: Iterable[Decimal | None]) -> Decimal | None:
    """The evaluation score: the sum of the weighted component scores, None if none scored."""
    return jumlah_ada(komponen)


def predikat_evaluasi(nilai: Decimal | None, ambang: Sequence[tuple[Decimal | None, str]]) -> str | None:
    """The evaluation predikat: the first band whose threshold the score strictly exceeds.

    `ambang` holds (threshold, label) pairs such as (90, "AA"), (80, "A") … (None, "D");
    a None threshold is the band for everything else.
    """
    if nilai is None:
        return None
    cadangan = None
    for batas, label in sorted(ambang, key=lambda a: (a[0] is None, -(a[0] or 0))):
        if batas is None:
            cadangan = label
        elif nilai > batas:
            return label
    return cadangan
