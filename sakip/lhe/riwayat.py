"""An agency's final LKE evaluations as history: the evaluator's scores per component and in
total, and each recommendation with the agency's follow-up. The LHE's year-over-year table
and the LKjIP's chapter on evaluations read them beside the years recorded only as scores
(`kinerja.EvaluasiSakip`, the years before the LKE), an LKE year taking the place of a
recorded one.

Only a final evaluation counts: before that the evaluator's answers may still change and
the agency may not see them. Seven queries whatever the number of years, criteria or
recommendations: each level is read by the agency and year (never `__in` a list, which
skips its query when the list is empty and would make the count depend on the data).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from evaluasi import hitung
from evaluasi.models import (
    EvaluasiLke,
    JawabanLke,
    KomponenLke,
    KriteriaLke,
    Pihak,
    RekomendasiLke,
    StatusLke,
    SubKomponenLke,
    TindakLanjutLke,
)
from instansi.models import Instansi


@dataclass(frozen=True)
class BarisTindakLanjut:
    """A recommendation and what the agency did and plans about it (Bandar Lampung's Tabel 3.2);
    the LKE adds a due date and a state, which recorded years do not have."""

    rekomendasi: str
    tindak_lanjut: str
    rencana_aksi: str
    batas_waktu: date | None = None
    status: str = ""


@dataclass(frozen=True)
class EvaluasiFinal:
    evaluasi: EvaluasiLke
    skor: hitung.Skor
    tindak_lanjut: list[BarisTindakLanjut]


def baris_tindak_lanjut(rekomendasi: RekomendasiLke, tindak: TindakLanjutLke | None) -> BarisTindakLanjut:
    if tindak is None:
        return BarisTindakLanjut(rekomendasi.teks, "", "", None, "Belum ditindaklanjuti")
    return BarisTindakLanjut(
        rekomendasi.teks,
        tindak.tindak_lanjut,
        tindak.rencana_aksi,
        tindak.batas_waktu,
        tindak.get_status_display(),
    )


def evaluasi_final(instansi: Instansi | QuerySet[Instansi], sampai: int) -> list[EvaluasiFinal]:
    """The final LKE evaluations of `instansi` (one agency, or those of a queryset: the
    dashboard's, a region's) up to year `sampai`, oldest first."""
    kunci = "instansi__in" if isinstance(instansi, QuerySet) else "instansi"
    saring = {kunci: instansi, "tahun__lte": sampai, "status": StatusLke.FINAL}
    evaluasi = list(EvaluasiLke.objects.filter(**saring).order_by("tahun"))
    lewat = _lewat("evaluasi__", saring)
    komponen = defaultdict(list)
    for k in KomponenLke.objects.filter(**lewat):
        komponen[k.evaluasi_id].append(k)
    sub = defaultdict(list)
    for s in SubKomponenLke.objects.filter(**_lewat("komponen__", lewat)):
        sub[s.komponen_id].append(s)
    kriteria = defaultdict(list)
    for r in KriteriaLke.objects.filter(**_lewat("sub_komponen__komponen__", lewat)):
        kriteria[r.sub_komponen_id].append(r)
    jawaban = {
        j.kriteria_id: j.nilai_skala
        for j in JawabanLke.objects.filter(
            pihak=Pihak.EVALUATOR, **_lewat("kriteria__sub_komponen__komponen__", lewat)
        )
    }
    tindak = {}
    for t in TindakLanjutLke.objects.filter(**_lewat("rekomendasi__", lewat)).order_by("id"):
        tindak.setdefault(t.rekomendasi_id, t)
    rekomendasi = defaultdict(list)
    for r in RekomendasiLke.objects.filter(**lewat):
        rekomendasi[r.evaluasi_id].append(baris_tindak_lanjut(r, tindak.get(r.pk)))

    def nilai(r: KriteriaLke):
        return hitung.nilai_jawaban(jawaban.get(r.pk, ""), r.nilai_pilihan())

    hasil = []
    for e in evaluasi:
        skor = hitung.skor(
            hitung.KomponenMasukan(
                k.kode,
                k.nama,
                k.bobot,
                tuple(
                    hitung.SubMasukan(s.kode, s.nama, s.bobot, tuple(nilai(r) for r in kriteria[s.pk]))
                    for s in sub[k.pk]
                ),
            )
            for k in komponen[e.pk]
        )
        hasil.append(EvaluasiFinal(e, skor, rekomendasi[e.pk]))
    return hasil


def _lewat(awalan: str, saring: dict) -> dict:
    return {awalan + k: v for k, v in saring.items()}
