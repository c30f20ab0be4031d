"""What an LHE shows, gathered for one evaluation in a fixed number of queries (18, pinned in
tests/test_lhe.py) whatever the instrument's size and the number of years: the worksheet's
scores of both sides per component and sub-component (`evaluasi.lembar`), the predikat, the
evaluator's strengths and weaknesses, the recommendations with their follow-up, the steps
of the evaluation's life (who evaluated, who approved and when), and the year-over-year
history (final LKE years and the years recorded as scores only). Rendering makes no query.

The LHE is the evaluator's report: it is gathered with the evaluator's side only for whom
may see it (`evaluasi.alur.boleh_lihat_evaluator`); the views refuse the rest.
"""

from dataclasses import dataclass
from decimal import Decimal

from evaluasi import hitung, lembar
from evaluasi.models import EvaluasiLke, PeristiwaLke, Pihak, RekomendasiLke, SimpulanLhe, TindakLanjutLke
from kinerja.hitung import nilai_evaluasi
from kinerja.models import EvaluasiSakip, KomponenEvaluasi, PredikatEvaluasi
from sakip.lhe.riwayat import BarisTindakLanjut, baris_tindak_lanjut, evaluasi_final


@dataclass(frozen=True)
class TahunRiwayat:
    """One year of the history: its score, predikat, the regulation it was scored on, and
    whether the application holds its worksheet (an LKE) or only its recorded scores."""

    tahun: int
    nilai: Decimal | None
    predikat: str | None
    dasar: str
    lke: bool


@dataclass(frozen=True)
class BarisSkor:
    """A component or sub-component with both sides' scores and their difference."""

    kode: str
    nama: str
    bobot: Decimal
    mandiri: Decimal
    evaluator: Decimal
    sub: bool

    @property
    def selisih(self) -> Decimal:
        return self.evaluator - self.mandiri


@dataclass
class DataLhe:
    evaluasi: EvaluasiLke
    mandiri: hitung.Skor
    evaluator: hitung.Skor
    predikat_mandiri: str | None
    predikat_evaluator: str | None
    baris: list[BarisSkor]
    simpulan: SimpulanLhe | None
    rekomendasi: list[BarisTindakLanjut]
    peristiwa: list[PeristiwaLke]
    riwayat: list[TahunRiwayat]

    @property
    def final(self) -> bool:
        return self.evaluasi.status == "final"

    def terakhir(self, transisi: str) -> PeristiwaLke | None:
        """The last time the evaluation made `transisi` (who approved, who made it final)."""
        return next((p for p in reversed(self.peristiwa) if p.transisi == transisi), None)


def kumpulkan(evaluasi: EvaluasiLke) -> DataLhe:
    """The LHE of `evaluasi` (fetched with its agency and region)."""
    data = lembar.kumpulkan(evaluasi, lihat_evaluator=True)
    ambang = list(PredikatEvaluasi.objects.values_list("lebih_dari", "label"))
    mandiri, evaluator = data.skor(Pihak.MANDIRI), data.skor(Pihak.EVALUATOR)
    baris = []
    for km, ke in zip(mandiri.komponen, evaluator.komponen, strict=True):
        baris.append(BarisSkor(km.kode, km.nama, km.bobot, km.nilai, ke.nilai, False))
        for sm, se in zip(km.sub, ke.sub, strict=True):
            kode = f"{km.kode}.{sm.kode}"
            baris.append(BarisSkor(kode, sm.nama, sm.bobot, sm.nilai, se.nilai, True))
    tindak = {}
    for t in TindakLanjutLke.objects.filter(rekomendasi__evaluasi=evaluasi).order_by("id"):
        tindak.setdefault(t.rekomendasi_id, t)
    rekomendasi = [
        baris_tindak_lanjut(r, tindak.get(r.pk)) for r in RekomendasiLke.objects.filter(evaluasi=evaluasi)
    ]
    return DataLhe(
        evaluasi=evaluasi,
        mandiri=mandiri,
        evaluator=evaluator,
        predikat_mandiri=hitung.predikat(mandiri.nilai, ambang),
        predikat_evaluator=hitung.predikat(evaluator.nilai, ambang),
        baris=baris,
        simpulan=SimpulanLhe.objects.filter(evaluasi=evaluasi).first(),
        rekomendasi=rekomendasi,
        peristiwa=list(evaluasi.peristiwa.select_related("oleh")),
        riwayat=_riwayat(evaluasi, evaluator, ambang),
    )


def _riwayat(evaluasi: EvaluasiLke, evaluator: hitung.Skor, ambang) -> list[TahunRiwayat]:
    """Every year up to this one: final LKE years, this evaluation (as it stands), and the
    years recorded as scores only where no LKE is."""
    instansi = evaluasi.instansi
    tahun = {}
    komponen = {}
    for k in KomponenEvaluasi.objects.filter(
        evaluasi__instansi=instansi, evaluasi__tahun__lte=evaluasi.tahun
    ):
        komponen.setdefault(k.evaluasi_id, []).append(k.nilai)
    for e in EvaluasiSakip.objects.filter(instansi=instansi, tahun__lte=evaluasi.tahun):
        nilai = nilai_evaluasi(komponen.get(e.pk, []))
        tahun[e.tahun] = TahunRiwayat(e.tahun, nilai, hitung.predikat(nilai, ambang), e.dasar, False)
    for f in evaluasi_final(instansi, evaluasi.tahun):
        nilai = f.skor.nilai
        tahun[f.evaluasi.tahun] = TahunRiwayat(
            f.evaluasi.tahun, nilai, hitung.predikat(nilai, ambang), f.evaluasi.dasar, True
        )
    tahun[evaluasi.tahun] = TahunRiwayat(
        evaluasi.tahun, evaluator.nilai, hitung.predikat(evaluator.nilai, ambang), evaluasi.dasar, True
    )
    return [tahun[t] for t in sorted(tahun)]
