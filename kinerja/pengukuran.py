"""Measuring an indicator for a year: from its stored targets and realisations to capaian.

The bridge between `kinerja.models` and the pure `kinerja.hitung`. Functions take
indicators read with `baca_ukuran`, whose targets and realisations
are plain lists (`daftar_target`, `daftar_realisasi`), so measuring a thousand indicators costs no query
per indicator. Plain lists, not the related managers: a prefetch into a manager clones
its queryset once per indicator, and every `.all()` builds another queryset: a third of
the agency home's time at 150 indicators (issue 13).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from instansi.models import PengaturanLaporan
from instansi.pengaturan import Pita, cari_predikat
from kinerja import hitung
from kinerja.models import Indikator, Realisasi, Target


def baca_ukuran(indikator: QuerySet[Indikator] | list[Indikator], saring: Q | None = None) -> list[Indikator]:
    """The indicators of `indikator` (a queryset, or indicators in hand) with their targets as
    `daftar_target` and their realisations as `daftar_realisasi`, narrowed by `saring` (on
    `tahun` and `triwulan`) to the rows the page shows, each row's `indikator` set: what
    every reader of an indicator's figures takes. Two queries whatever the number of
    indicators, none without one. A queryset's figures are read by a subquery on it, not
    by Django's prefetch, which for the 1 500 indicators of a ten-times agency compiled an
    IN of 1 500 parameters per table and set each row's cache through the descriptor,
    twice the time of these reads (the agency home, `sakip.lkjip.data.kumpulkan`)."""
    daftar = list(indikator)
    if not daftar:
        return daftar
    dari = indikator.values("pk") if isinstance(indikator, QuerySet) else [i.pk for i in daftar]
    saring = (saring or Q()) & Q(indikator__in=dari)
    for model, nama in ((Target, "daftar_target"), (Realisasi, "daftar_realisasi")):
        per_indikator = defaultdict(list)
        for baris in model.objects.filter(saring):
            per_indikator[baris.indikator_id].append(baris)
        kaitan = model._meta.get_field("indikator")
        for i in daftar:
            setattr(i, nama, per_indikator[i.pk])
            for baris in per_indikator[i.pk]:
                kaitan.set_cached_value(baris, i)
    return daftar


@dataclass(frozen=True)
class Pengukuran:
    """An indicator's year: the target in force, what was reached, capaian and rating."""

    tahun: int
    target: Decimal | None
    sumber_target: str | None
    realisasi: hitung.Hasil
    capaian: hitung.Hasil
    predikat: str | None


def target_pengukuran(targets: Iterable[Target], tahun: int) -> Target | None:
    """The yearly target a capaian is measured against: PK perubahan, else PK, else Renstra."""
    tahunan = {t.sumber: t for t in targets if t.tahun == tahun and t.triwulan is None}
    for sumber in Target.PRIORITAS_PENGUKURAN:
        if sumber in tahunan:
            return tahunan[sumber]
    return None


def target_periode(targets: Iterable[Target], tahun: int, triwulan: int | None = None) -> Target | None:
    """The target of a year, or of one of its quarters, from the same source as the year's."""
    daftar = list(targets)
    tahunan = target_pengukuran(daftar, tahun)
    if triwulan is None:
        return tahunan
    for t in daftar:
        if t.tahun == tahun and t.triwulan == triwulan and (tahunan is None or t.sumber == tahunan.sumber):
            return t
    return None


def realisasi_tahun(
    realisasi: Iterable[Realisasi], tahun: int, triwulan: int | None = None
) -> Realisasi | None:
    for r in realisasi:
        if r.tahun == tahun and r.triwulan == triwulan:
            return r
    return None


def ukur(
    indikator: Indikator,
    tahun: int,
    pengaturan: PengaturanLaporan,
    pita: Sequence[Pita] = (),
) -> Pengukuran:
    """Measure `indikator` for `tahun` with the agency's formula choices and rating bands."""
    target = target_pengukuran(indikator.daftar_target, tahun)
    realisasi = realisasi_tahun(indikator.daftar_realisasi, tahun)
    nilai = realisasi.nilai_efektif() if realisasi else hitung.TidakTerhitung.BELUM_DIUKUR
    capaian = hitung.capaian(
        target.nilai if target else None,
        nilai,
        indikator.polaritas,
        indikator.rumus_turun(pengaturan),
    )
    return Pengukuran(
        tahun=tahun,
        target=target.nilai if target else None,
        # The label by the enum: get_sumber_display flattens the field's choices on every
        # call, a tenth of the ten-times agency home's time.
        sumber_target=Target.Sumber(target.sumber).label if target else None,
        realisasi=nilai,
        capaian=capaian,
        predikat=cari_predikat(capaian if isinstance(capaian, Decimal) else None, pita),
    )


def tahun_terukur(indikator: Indikator) -> list[int]:
    """Every year for which the indicator has a yearly target or realisation."""
    tahun = {t.tahun for t in indikator.daftar_target if t.triwulan is None}
    tahun |= {r.tahun for r in indikator.daftar_realisasi if r.triwulan is None}
    return sorted(tahun)
