"""The rules an agency chooses for its report, and rating bands: pure, no database.

They live in `instansi` because they are per-agency settings (`PengaturanLaporan`);
the arithmetic in `kinerja.hitung` and `anggaran.hitung` carries them out. Bands are
data (each agency stores its own), so the code here only checks and applies them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from django.db import models


class MetodeEfisiensi(models.TextChoices):
    """How budget efficiency is derived from capaian and penyerapan (DESIGN.md §3)."""

    RASIO = "rasio", "Rasio: capaian kinerja ÷ realisasi anggaran (Efisien bila ≥ 1)"
    SELISIH = "selisih", "Selisih: capaian kinerja − penyerapan anggaran (poin persen)"


class RumusPolaritasTurun(models.TextChoices):
    """Capaian of a lower-is-better indicator; the documents show none worked out."""

    SELISIH = "selisih", "(2 × target − realisasi) ÷ target × 100"
    KEBALIKAN = "kebalikan", "target ÷ realisasi × 100"


class SusunanBab(models.TextChoices):
    """Chapter layout of the LKjIP."""

    LIMA_BAB = "lima_bab", "Lima bab (Pendahuluan … Kapasitas Organisasi … Penutup)"
    EMPAT_BAB = "empat_bab", "Empat bab (PermenPAN-RB 53/2014)"


@dataclass(frozen=True)
class Pita:
    """One rating band: `batas_bawah <= nilai < batas_atas`; None means unbounded."""

    label: str
    batas_bawah: Decimal | None = None
    batas_atas: Decimal | None = None

    def memuat(self, nilai: Decimal) -> bool:
        if self.batas_bawah is not None and nilai < self.batas_bawah:
            return False
        return self.batas_atas is None or nilai < self.batas_atas


class PitaTidakValid(ValueError):
    """A set of bands with a gap, an overlap or an empty band."""


def _kunci_urut(pita: Pita) -> Decimal:
    return pita.batas_bawah if pita.batas_bawah is not None else Decimal("-Infinity")


def validasi_pita(daftar: Sequence[Pita]) -> list[Pita]:
    """Return the bands sorted from low to high, or raise `PitaTidakValid`.

    Bands must join without gaps or overlaps: each band's upper bound is the next
    band's lower bound. Only the lowest band may be open below, the highest open above.
    """
    urut = sorted(daftar, key=_kunci_urut)
    for pita in urut:
        if (
            pita.batas_bawah is not None
            and pita.batas_atas is not None
            and pita.batas_bawah >= pita.batas_atas
        ):
            raise PitaTidakValid(
                f"Rentang «{pita.label}»: batas bawah {pita.batas_bawah} harus lebih kecil "
                f"dari batas atas {pita.batas_atas}."
            )
    for bawah, atas in pairwise(urut):
        if bawah.batas_atas is None or atas.batas_bawah is None:
            raise PitaTidakValid(
                f"Rentang «{bawah.label}» dan «{atas.label}» tumpang tindih: hanya rentang "
                "terendah boleh tanpa batas bawah dan hanya yang tertinggi tanpa batas atas."
            )
        if bawah.batas_atas < atas.batas_bawah:
            raise PitaTidakValid(
                f"Ada celah antara «{bawah.label}» (sampai < {bawah.batas_atas}) dan "
                f"«{atas.label}» (mulai {atas.batas_bawah})."
            )
        if bawah.batas_atas > atas.batas_bawah:
            raise PitaTidakValid(
                f"Rentang «{bawah.label}» (sampai < {bawah.batas_atas}) tumpang tindih dengan "
                f"«{atas.label}» (mulai {atas.batas_bawah})."
            )
    return urut


def cari_predikat(nilai: Decimal | None, daftar: Sequence[Pita]) -> str | None:
    """The label of the band holding `nilai`; None when nothing is measured or no band fits."""
    if nilai is None:
        return None
    for pita in daftar:
        if pita.memuat(nilai):
            return pita.label
    return None


# The bands a new agency starts with, so that its report shows a predikat before anyone
# sets the scale: Bandar Lampung's, the common one (DESIGN.md, «Capaian rating»). An agency
# changes them in the admin; they are copied into its own rows, never read from here again.
PITA_BAKU: tuple[Pita, ...] = (
    Pita("Sangat Baik", Decimal(85), None),
    Pita("Berhasil", Decimal(70), Decimal(85)),
    Pita("Cukup Baik", Decimal(55), Decimal(70)),
    Pita("Tidak Baik", None, Decimal(55)),
)
