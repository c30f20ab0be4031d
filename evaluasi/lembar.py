"""An evaluation's worksheet as the screens (and the LHE) read it: its frozen components,
sub-components and criteria, both sides' answers, their values, scores, differences and
consistency warnings — gathered in four queries whatever the instrument's size.

The evaluator's side is left out entirely (no answer, no score, no warning) when the reader
may not see it yet (`evaluasi.alur.boleh_lihat_evaluator`), so no template can leak it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from evaluasi import hitung, konsistensi
from evaluasi.models import EvaluasiLke, JawabanLke, KomponenLke, KriteriaLke, Pihak, SubKomponenLke


@dataclass(frozen=True)
class BarisKriteria:
    """A criterion's row of the grid: the answers of both sides (None: not there, or hidden)."""

    kriteria: KriteriaLke
    mandiri: JawabanLke | None
    evaluator: JawabanLke | None
    nilai_mandiri: Decimal | None
    nilai_evaluator: Decimal | None
    peringatan_mandiri: tuple[str, ...] = ()
    peringatan_evaluator: tuple[str, ...] = ()

    @property
    def selisih(self) -> Decimal | None:
        return hitung.selisih(self.nilai_mandiri, self.nilai_evaluator)


@dataclass
class Lembar:
    evaluasi: EvaluasiLke
    komponen: list[KomponenLke]
    lihat_evaluator: bool
    jawaban: dict[tuple[int, str], JawabanLke]
    baris: dict[int, BarisKriteria] = field(init=False)  # by criterion id
    baris_kode: dict[str, BarisKriteria] = field(init=False)  # by criterion code
    peringatan: dict[str, list[konsistensi.Peringatan]] = field(init=False)  # by side

    def __post_init__(self):
        kriteria = [r for k in self.komponen for s in k.sub_komponen.all() for r in s.kriteria.all()]
        butir = {pihak: self._butir(pihak) for pihak in self._pihak()}
        peringatan = {
            Pihak.MANDIRI: konsistensi.periksa(butir[Pihak.MANDIRI]),
            Pihak.EVALUATOR: konsistensi.periksa(butir[Pihak.EVALUATOR], konsistensi.ATURAN_EVALUATOR)
            if self.lihat_evaluator
            else [],
        }
        self.baris = {}
        for r in kriteria:
            self.baris[r.pk] = BarisKriteria(
                r,
                self.jawaban.get((r.pk, Pihak.MANDIRI)),
                self.jawaban.get((r.pk, Pihak.EVALUATOR)),
                self.nilai(r, Pihak.MANDIRI),
                self.nilai(r, Pihak.EVALUATOR),
                tuple(p.pesan for p in peringatan[Pihak.MANDIRI] if p.kriteria == r.kode),
                tuple(p.pesan for p in peringatan[Pihak.EVALUATOR] if p.kriteria == r.kode),
            )
        self.peringatan = peringatan
        self.baris_kode = {b.kriteria.kode: b for b in self.baris.values()}

    def _pihak(self) -> list[str]:
        return [Pihak.MANDIRI, Pihak.EVALUATOR] if self.lihat_evaluator else [Pihak.MANDIRI]

    def nilai(self, kriteria: KriteriaLke, pihak: str) -> Decimal | None:
        jawaban = self.jawaban.get((kriteria.pk, pihak))
        return hitung.nilai_jawaban(jawaban.nilai_skala, kriteria.nilai_pilihan()) if jawaban else None

    def _butir(self, pihak: str) -> list[konsistensi.Butir]:
        hasil = []
        for k in self.komponen:
            for s in k.sub_komponen.all():
                for r in s.kriteria.all():
                    jawaban = self.jawaban.get((r.pk, pihak))
                    hasil.append(
                        konsistensi.Butir(
                            kode=r.kode,
                            komponen=k.kode,
                            jenis=s.jenis,
                            prasyarat=r.prasyarat.kode if r.prasyarat_id else None,
                            label=jawaban.nilai_skala if jawaban else "",
                            nilai=self.nilai(r, pihak),
                            catatan=jawaban.catatan if jawaban else "",
                            nilai_mandiri=self.nilai(r, Pihak.MANDIRI) if pihak == Pihak.EVALUATOR else None,
                        )
                    )
        return hasil

    def skor(self, pihak: str) -> hitung.Skor | None:
        """One side's scores; None for the evaluator's when the reader may not see them."""
        if pihak == Pihak.EVALUATOR and not self.lihat_evaluator:
            return None
        return hitung.skor(
            hitung.KomponenMasukan(
                k.kode,
                k.nama,
                k.bobot,
                tuple(
                    hitung.SubMasukan(
                        s.kode, s.nama, s.bobot, tuple(self.nilai(r, pihak) for r in s.kriteria.all())
                    )
                    for s in k.sub_komponen.all()
                ),
            )
            for k in self.komponen
        )


def kumpulkan(evaluasi: EvaluasiLke, lihat_evaluator: bool) -> Lembar:
    """The worksheet of `evaluasi`, in four queries (components, sub-components, criteria with
    their prerequisites, answers)."""
    komponen = list(
        evaluasi.komponen.prefetch_related(
            Prefetch(
                "sub_komponen",
                SubKomponenLke.objects.prefetch_related(
                    Prefetch("kriteria", KriteriaLke.objects.select_related("prasyarat"))
                ),
            )
        )
    )
    jawaban = JawabanLke.objects.filter(kriteria__sub_komponen__komponen__evaluasi=evaluasi)
    if not lihat_evaluator:
        jawaban = jawaban.filter(pihak=Pihak.MANDIRI)
    return Lembar(evaluasi, komponen, lihat_evaluator, {(j.kriteria_id, j.pihak): j for j in jawaban})
