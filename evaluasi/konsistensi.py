"""Consistency rules between a worksheet's answers, as evaluators check them: pure functions
over `Butir` (a criterion with one side's answer), each returning `Peringatan`s.

They warn, they do not refuse: the evaluator decides, and a note explains an exception. The
worksheet shows them beside the criterion they concern (`evaluasi.lembar`).

- `melebihi_prasyarat`: an answer worth more than its prerequisite's — a quality or use
  scored for a document whose existence was answered «T» (nothing can be good or used that
  does not exist).
- `pemanfaatan_tanpa_pemenuhan`: within a component, use scored while every «pemenuhan»
  answer is at the bottom, also where the instrument names no prerequisite.
- `beda_tanpa_catatan`: the evaluator's answer differs from the self-assessment with no
  note saying why; the agency will ask.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from evaluasi.models import JenisSubKomponen


@dataclass(frozen=True)
class Butir:
    """A criterion as the rules see it, with the side checked (`label`, `nilai`, `catatan`)
    and the other side's value (`nilai_mandiri`: the self-assessment's, for the evaluator)."""

    kode: str
    komponen: str
    jenis: str
    prasyarat: str | None
    label: str
    nilai: Decimal | None
    catatan: str = ""
    nilai_mandiri: Decimal | None = None


@dataclass(frozen=True)
class Peringatan:
    aturan: str
    kriteria: str
    pesan: str


def melebihi_prasyarat(butir: Sequence[Butir]) -> list[Peringatan]:
    """1.b.1 answered «B» (0,75) while its prerequisite 1.a.1 is «T» (0) → a warning on 1.b.1."""
    per_kode = {b.kode: b for b in butir}
    hasil = []
    for b in butir:
        syarat = per_kode.get(b.prasyarat) if b.prasyarat else None
        if syarat is None or b.nilai is None or syarat.nilai is None:
            continue
        if b.nilai > syarat.nilai:
            hasil.append(
                Peringatan(
                    "melebihi_prasyarat",
                    b.kode,
                    f"Jawaban «{b.label}» melebihi prasyaratnya: {syarat.kode} dijawab «{syarat.label}». "
                    "Yang belum ada tidak dapat dinilai kualitas atau pemanfaatannya.",
                )
            )
    return hasil


def pemanfaatan_tanpa_pemenuhan(butir: Sequence[Butir]) -> list[Peringatan]:
    """In a component whose «pemenuhan» criteria are all answered at 0, every «pemanfaatan»
    answer above 0 is warned about."""
    hasil = []
    for komponen in dict.fromkeys(b.komponen for b in butir):
        bagian = [b for b in butir if b.komponen == komponen]
        pemenuhan = [b.nilai for b in bagian if b.jenis == JenisSubKomponen.PEMENUHAN]
        if not pemenuhan or any(n is None or n > 0 for n in pemenuhan):
            continue
        hasil += [
            Peringatan(
                "pemanfaatan_tanpa_pemenuhan",
                b.kode,
                f"Pemanfaatan dijawab «{b.label}» padahal tidak satu pun pemenuhan komponen ini terpenuhi.",
            )
            for b in bagian
            if b.jenis == JenisSubKomponen.PEMANFAATAN and b.nilai is not None and b.nilai > 0
        ]
    return hasil


def beda_tanpa_catatan(butir: Sequence[Butir]) -> list[Peringatan]:
    """The evaluator's «C» beside the agency's «A», and no note → a warning."""
    return [
        Peringatan(
            "beda_tanpa_catatan",
            b.kode,
            "Jawaban evaluator berbeda dari penilaian mandiri; tuliskan alasannya pada catatan.",
        )
        for b in butir
        if b.nilai is not None
        and b.nilai_mandiri is not None
        and b.nilai != b.nilai_mandiri
        and not b.catatan.strip()
    ]


ATURAN_JAWABAN: tuple[Callable[[Sequence[Butir]], list[Peringatan]], ...] = (
    melebihi_prasyarat,
    pemanfaatan_tanpa_pemenuhan,
)
ATURAN_EVALUATOR = (*ATURAN_JAWABAN, beda_tanpa_catatan)


def periksa(butir: Sequence[Butir], aturan=ATURAN_JAWABAN) -> list[Peringatan]:
    """Every warning of `aturan` over one side's answers, in the worksheet's order."""
    urutan = {b.kode: n for n, b in enumerate(butir)}
    hasil = [p for f in aturan for p in f(butir)]
    return sorted(hasil, key=lambda p: urutan[p.kriteria])
