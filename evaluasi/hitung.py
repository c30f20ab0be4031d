"""The LKE's arithmetic: pure `Decimal` functions, no database.

A criterion's answer is a value between 0 and 1 from its scale (Y/T: 1 / 0; A–E: 1 / 0,75 /
0,5 / 0,25 / 0). A sub-component scores the mean of its criteria's values times its weight;
a component scores the sum of its sub-components, the evaluation the sum of its components.
The predikat is `kinerja.hitung.predikat_evaluasi` over the bands of
`kinerja.PredikatEvaluasi` (AA > 90 … D): one rule for the boundary, a score must be
strictly above a band's threshold to earn it (90,00 is A, 90,01 is AA).

An unanswered criterion counts as 0, not as left out. The score is meant to be compared —
the agency's self-assessment with the evaluator's, this year with last year, one agency with
another — and only a score out of the whole worksheet compares: leaving unanswered criteria
out would let a sub-component with one answer «A» score its full weight. An incomplete
worksheet therefore scores a lower bound that answering can only raise, and the screens say
how many criteria are still unanswered beside it.

Full precision is carried throughout; only the figure shown is rounded.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.hitung import predikat_evaluasi

NOL = Decimal(0)


def nilai_jawaban(label: str, pilihan: dict[str, Decimal]) -> Decimal | None:
    """The value of an answer on its scale: `("B", {"A": 1, "B": 0.75, …})` → 0,75;
    an empty or unknown label (not answered) → None."""
    return pilihan.get(label) if label else None


def nilai_sub_komponen(nilai_kriteria: Sequence[Decimal | None], bobot: Decimal) -> Decimal:
    """Mean of the criteria's values (an unanswered one, None, counts as 0) × the weight.

    Perencanaan's kualitas (weight 9) with answers A, B, C, — :
    (1 + 0,75 + 0,5 + 0) / 4 × 9 = 5,0625. A sub-component without criteria scores 0.
    """
    if not nilai_kriteria:
        return NOL
    return sum((n or NOL for n in nilai_kriteria), NOL) / len(nilai_kriteria) * bobot


def jumlah(nilai: Iterable[Decimal]) -> Decimal:
    """A component's score from its sub-components', or the total from the components':
    Bandar Lampung 2020, 27,31 + 19,06 + 10,88 + 8,43 + 14,69 = 80,37."""
    return sum(nilai, NOL)


def selisih(mandiri: Decimal | None, evaluator: Decimal | None) -> Decimal | None:
    """The evaluator's answer or score minus the self-assessment's (negative: the agency
    scored itself higher); None when either is missing."""
    if mandiri is None or evaluator is None:
        return None
    return evaluator - mandiri


def predikat(nilai: Decimal | None, ambang: Sequence[tuple[Decimal | None, str]]) -> str | None:
    """The predikat of a score, strictly above a band's threshold: 80,37 → «A», 73,31 → «BB»,
    80,00 → «BB»."""
    return predikat_evaluasi(nilai, ambang)


@dataclass(frozen=True)
class SkorSub:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal
    jumlah_kriteria: int
    belum_dijawab: int


@dataclass(frozen=True)
class SkorKomponen:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal
    sub: tuple[SkorSub, ...]

    @property
    def belum_dijawab(self) -> int:
        return sum(s.belum_dijawab for s in self.sub)


@dataclass(frozen=True)
class Skor:
    """One side's scores over a worksheet: per component and sub-component, and the total."""

    komponen: tuple[SkorKomponen, ...]

    @property
    def nilai(self) -> Decimal:
        return jumlah(k.nilai for k in self.komponen)

    @property
    def bobot(self) -> Decimal:
        return jumlah(k.bobot for k in self.komponen)

    @property
    def belum_dijawab(self) -> int:
        return sum(k.belum_dijawab for k in self.komponen)


@dataclass(frozen=True)
class SubMasukan:
    """A sub-component as scoring needs it: its weight and its criteria's values (None: unanswered)."""

    kode: str
    nama: str
    bobot: Decimal
    nilai_kriteria: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class KomponenMasukan:
    kode: str
    nama: str
    bobot: Decimal
    sub: tuple[SubMasukan, ...]


def skor(komponen: Iterable[KomponenMasukan]) -> Skor:
    """Score a worksheet. A component's `bobot` is shown beside its score; its score is the
    sum of its sub-components' (whose weights are the regulation's split of it)."""
    hasil = []
    for k in komponen:
        sub = tuple(
            SkorSub(
                s.kode,
                s.nama,
                s.bobot,
                nilai_sub_komponen(s.nilai_kriteria, s.bobot),
                len(s.nilai_kriteria),
                sum(1 for n in s.nilai_kriteria if n is None),
            )
            for s in k.sub
        )
        hasil.append(SkorKomponen(k.kode, k.nama, k.bobot, jumlah(s.nilai for s in sub), sub))
    return Skor(tuple(hasil))
