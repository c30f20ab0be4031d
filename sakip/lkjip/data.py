"""Everything an LKjIP shows, gathered in a fixed number of queries.

`kumpulkan(instansi, tahun)` reads the agency's year once (about thirty queries, however
many indicators and programs it has) and measures every indicator; the table builders
(`sakip.lkjip.tabel_*`) and the templates then work on this data without touching the
database, so rendering makes no query.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from anggaran.hitung import TidakTerhitung
from anggaran.models import BelanjaJenis
from anggaran.ringkasan import NodeAnggaran, anggaran_instansi
from evaluasi.models import EvaluasiLke
from instansi.models import (
    GambarLaporan,
    Instansi,
    Jabatan,
    KomposisiPegawai,
    PengaturanLaporan,
    SaranaPrasarana,
    TabelPendukung,
    UnitOrganisasi,
)
from instansi.pengaturan import Pita
from kinerja import hitung
from kinerja.models import (
    LEVEL_INDIKATOR,
    AnalisisSasaran,
    EvaluasiSakip,
    Indikator,
    KomponenEvaluasi,
    Pembanding,
    PerjanjianKinerja,
    PredikatEvaluasi,
    RencanaAksi,
    Renstra,
    Sasaran,
    Target,
    TindakLanjutEvaluasi,
    letak,
)
from kinerja.pengukuran import Pengukuran, baca_ukuran, realisasi_tahun, target_periode, ukur
from sakip.lhe.riwayat import BarisTindakLanjut, evaluasi_final
from sakip.models import LaporanKinerja


class LaporanTidakAda(Exception):
    """The agency has no Renstra covering the year: there is nothing to report on."""


@dataclass
class IndikatorTerukur:
    """An indicator with everything the report says about it."""

    indikator: Indikator
    ukur: Pengukuran
    # The report's, not the agency home's (`kumpulkan`'s `ringkas`, which reads the year's
    # yearly figures alone and shows `ukur`): the trend, the quarters and the comparisons
    # (`_bandingkan`),
    realisasi_per_tahun: dict[int, hitung.Hasil] = field(default_factory=dict)
    target_per_sumber: dict[str, Decimal] = field(default_factory=dict)
    target_renstra: dict[int, Decimal] = field(default_factory=dict)
    triwulan: list[tuple[int, Decimal | None, hitung.Hasil, hitung.Hasil]] = field(default_factory=list)
    tahun_lalu: hitung.Hasil = hitung.TidakTerhitung.BELUM_DIUKUR
    banding_tahun_lalu: hitung.Hasil = hitung.TidakTerhitung.BELUM_DIUKUR
    target_akhir: Decimal | None = None
    banding_target_akhir: hitung.Hasil = hitung.TidakTerhitung.BELUM_DIUKUR
    # and the region's figures and the year's actions:
    pembanding: dict[str, Decimal | None] = field(default_factory=dict)  # province, nation
    rencana_aksi: dict[int, str] = field(default_factory=dict)  # the year's actions by quarter

    @property
    def nama(self) -> str:
        return self.indikator.nama


@dataclass
class SasaranLaporan:
    sasaran: Sasaran
    indikator: list[IndikatorTerukur]
    analisis: AnalisisSasaran | None
    program: list[NodeAnggaran] = field(default_factory=list)

    def capaian(self) -> hitung.Hasil:
        """The sasaran's capaian: the mean of its measured indicators' capaian."""
        return hitung.rata_rata(i.ukur.capaian for i in self.indikator)


@dataclass
class EvaluasiLaporan:
    """An evaluation the report shows: recorded as scores (`kinerja.EvaluasiSakip`, the years
    before the LKE) or a final LKE (its evaluator's scores per component, `SkorKomponen`);
    both give `tahun`, and their components `nama`, `bobot`, `nilai`."""

    evaluasi: EvaluasiSakip | EvaluasiLke
    komponen: list
    tindak_lanjut: list[BarisTindakLanjut]
    nilai: Decimal | None
    predikat: str | None


@dataclass
class DataLaporan:
    """What the report shows. Gathered `ringkas` (the agency home), only the fields above the
    line are filled, each indicator with its year's figures only (`kumpulkan`)."""

    instansi: Instansi
    tahun: int
    laporan: LaporanKinerja
    pengaturan: PengaturanLaporan
    pita: list[Pita]
    renstra: Renstra
    sasaran: list[SasaranLaporan]
    program: list[NodeAnggaran]
    indikator_node: dict[tuple[str, int], list[IndikatorTerukur]]
    # ---- the report's own: left empty when gathered `ringkas`.
    narasi: dict[str, object] = field(default_factory=dict)
    pegawai: list[KomposisiPegawai] = field(default_factory=list)
    sarana: list[SaranaPrasarana] = field(default_factory=list)
    tabel_pendukung: list[TabelPendukung] = field(default_factory=list)
    belanja: list[BelanjaJenis] = field(default_factory=list)
    evaluasi: list[EvaluasiLaporan] = field(default_factory=list)
    perjanjian: list[PerjanjianKinerja] = field(default_factory=list)
    tahun_realisasi: list[int] = field(default_factory=list)
    unit_organisasi: list[UnitOrganisasi] = field(default_factory=list)
    jabatan: dict[int, list[Jabatan]] = field(default_factory=dict)  # a unit's positions by its id
    gambar: list[GambarLaporan] = field(default_factory=list)  # uploaded, with their bytes

    def indikator_dari(self, tingkat: str, objek) -> list[IndikatorTerukur]:
        return self.indikator_node.get((tingkat, objek.pk), [])

    def semua_indikator(self) -> list[IndikatorTerukur]:
        return [i for daftar in self.indikator_node.values() for i in daftar]


def _renstra(instansi: Instansi, tahun: int) -> Renstra:
    renstra = Renstra.objects.berlaku(instansi, tahun).first()
    if renstra is None:
        raise LaporanTidakAda(f"{instansi} tidak memiliki Renstra yang mencakup tahun {tahun}.")
    return renstra


def _bandingkan(terukur: IndikatorTerukur, tahun: int, renstra: Renstra, pengaturan) -> None:
    """The report's trend, quarters and comparisons of one measured, prefetched indicator."""
    indikator, hasil = terukur.indikator, terukur.ukur
    realisasi = {r.tahun: r.nilai_efektif() for r in indikator.daftar_realisasi if r.triwulan is None}
    tahunan = [t for t in indikator.daftar_target if t.triwulan is None]
    target_renstra = {t.tahun: t.nilai for t in tahunan if t.sumber == Target.Sumber.RENSTRA}
    for tw in range(1, 5):
        target = target_periode(indikator.daftar_target, tahun, tw)
        real = realisasi_tahun(indikator.daftar_realisasi, tahun, tw)
        if target is not None or real is not None:
            nilai_real = real.nilai_efektif() if real else TidakTerhitung.BELUM_DIUKUR
            nilai_target = target.nilai if target else None
            capaian = hitung.capaian(
                nilai_target, nilai_real, indikator.polaritas, indikator.rumus_turun(pengaturan)
            )
            terukur.triwulan.append((tw, nilai_target, nilai_real, capaian))
    terukur.realisasi_per_tahun = realisasi
    terukur.target_per_sumber = {t.sumber: t.nilai for t in tahunan if t.tahun == tahun}
    terukur.target_renstra = target_renstra
    terukur.target_akhir = target_renstra.get(renstra.tahun_akhir)
    terukur.tahun_lalu = realisasi.get(tahun - 1, TidakTerhitung.BELUM_DIUKUR)
    terukur.banding_tahun_lalu = hitung.banding_tahun_lalu(hasil.realisasi, terukur.tahun_lalu)
    terukur.banding_target_akhir = hitung.banding_target_akhir(hasil.realisasi, terukur.target_akhir)


def _tingkat(indikator: Indikator) -> tuple[str, int]:
    tempat = letak(indikator, LEVEL_INDIKATOR)
    if tempat is None:
        raise ValueError(f"Indikator {indikator.pk} tanpa tingkat")
    return tempat


def kumpulkan(instansi: Instansi, tahun: int, ringkas: bool = False) -> DataLaporan:
    """Read and measure everything the agency's LKjIP for `tahun` shows; `ringkas`, what the
    agency home shows: each indicator's target, realisation and capaian of the year, the
    sasaran with their analysis and the programs' budget, in fourteen queries."""
    instansi = Instansi.objects.select_related("pemda", "pengaturan").get(pk=instansi.pk)
    pengaturan = instansi.pengaturan_laporan()
    pita = [p.pita() for p in instansi.predikat.all()]
    renstra = _renstra(instansi, tahun)
    laporan = LaporanKinerja.objects.filter(instansi=instansi, tahun=tahun).first() or LaporanKinerja(
        instansi=instansi, tahun=tahun
    )

    # The report reads every year's yearly figures (the trend, last year, the Renstra's end
    # target) and the quarters of its own year, not the other years' quarters (a fifth of the
    # rows), and the year's comparisons and actions; the home, the year's yearly figures alone.
    semua = (
        Indikator.objects.filter(renstra=renstra)
        .select_related("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
        .order_by("urutan", "pk")
    )
    if ringkas:
        ukuran = Q(tahun=tahun, triwulan__isnull=True)
    else:
        ukuran = Q(triwulan__isnull=True) | Q(tahun=tahun)
        semua = semua.prefetch_related(
            Prefetch("pembanding", Pembanding.objects.filter(tahun=tahun), to_attr="daftar_pembanding"),
            Prefetch("rencana_aksi", RencanaAksi.objects.filter(tahun=tahun), to_attr="daftar_rencana_aksi"),
        )
    indikator_node: dict[tuple[str, int], list[IndikatorTerukur]] = defaultdict(list)
    for indikator in baca_ukuran(semua, ukuran):
        terukur = IndikatorTerukur(indikator, ukur(indikator, tahun, pengaturan, pita))
        if not ringkas:
            _bandingkan(terukur, tahun, renstra, pengaturan)
            terukur.pembanding = {p.wilayah: p.nilai for p in indikator.daftar_pembanding}
            terukur.rencana_aksi = {r.triwulan: r.uraian for r in indikator.daftar_rencana_aksi}
        indikator_node[_tingkat(indikator)].append(terukur)

    program = anggaran_instansi(instansi, tahun)
    program_sasaran = defaultdict(list)
    for node in program:
        program_sasaran[node.objek.sasaran_id].append(node)
    analisis = {
        a.sasaran_id: a for a in AnalisisSasaran.objects.filter(sasaran__renstra=renstra, tahun=tahun)
    }
    sasaran = [
        SasaranLaporan(
            s, indikator_node.get(("sasaran", s.pk), []), analisis.get(s.pk), program_sasaran[s.pk]
        )
        for s in Sasaran.objects.filter(renstra=renstra).select_related("tujuan").order_by("urutan", "pk")
    ]
    data = DataLaporan(
        instansi=instansi,
        tahun=tahun,
        laporan=laporan,
        pengaturan=pengaturan,
        pita=pita,
        renstra=renstra,
        sasaran=sasaran,
        program=program,
        indikator_node=dict(indikator_node),
    )
    if not ringkas:
        _lengkapi(data)
    return data


def _lengkapi(data: DataLaporan) -> None:
    """The report's own parts: its narrative, tables, evaluations, organisation and images."""
    instansi, tahun = data.instansi, data.tahun
    # Components and follow-ups are read by the agency, not prefetched per evaluation, so
    # that the query count does not depend on whether there are evaluations at all.
    ambang = [(p.lebih_dari, p.label) for p in PredikatEvaluasi.objects.all()]
    dinilai = {"evaluasi__instansi": instansi, "evaluasi__tahun__lte": tahun}
    komponen, tindak_lanjut = defaultdict(list), defaultdict(list)
    for k in KomponenEvaluasi.objects.filter(**dinilai):
        komponen[k.evaluasi_id].append(k)
    for t in TindakLanjutEvaluasi.objects.filter(**dinilai):
        tindak_lanjut[t.evaluasi_id].append(BarisTindakLanjut(t.rekomendasi, t.tindak_lanjut, t.rencana_aksi))
    evaluasi = []
    for e in EvaluasiSakip.objects.filter(instansi=instansi, tahun__lte=tahun):
        nilai = hitung.nilai_evaluasi(k.nilai for k in komponen[e.pk])
        evaluasi.append(
            EvaluasiLaporan(
                e, komponen[e.pk], tindak_lanjut[e.pk], nilai, hitung.predikat_evaluasi(nilai, ambang)
            )
        )
    # A final LKE takes the place of its year's recorded scores, with its recommendations'
    # follow-up (sakip.lhe.riwayat, seven queries).
    lke = [
        EvaluasiLaporan(
            f.evaluasi,
            list(f.skor.komponen),
            f.tindak_lanjut,
            f.skor.nilai,
            hitung.predikat_evaluasi(f.skor.nilai, ambang),
        )
        for f in evaluasi_final(instansi, tahun)
    ]
    tahun_lke = {e.evaluasi.tahun for e in lke}
    data.evaluasi = sorted(
        [e for e in evaluasi if e.evaluasi.tahun not in tahun_lke] + lke, key=lambda e: e.evaluasi.tahun
    )
    data.narasi = {n.kunci: n for n in instansi.narasi.filter(tahun=tahun)}
    data.pegawai = list(KomposisiPegawai.objects.filter(instansi=instansi, tahun=tahun))
    data.sarana = list(SaranaPrasarana.objects.filter(instansi=instansi, tahun=tahun))
    data.tabel_pendukung = list(TabelPendukung.objects.filter(instansi=instansi, tahun=tahun))
    data.belanja = list(BelanjaJenis.objects.filter(instansi=instansi, tahun=tahun))
    data.perjanjian = list(PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun))
    data.unit_organisasi = list(UnitOrganisasi.objects.filter(instansi=instansi, tahun=tahun))
    data.gambar = list(GambarLaporan.objects.filter(instansi=instansi, tahun=tahun).select_related("berkas"))
    # Positions by their unit in one query, not a prefetch: a prefetch skips its query when
    # there are no units, and the count would depend on the data.
    for j in Jabatan.objects.filter(unit__instansi=instansi, unit__tahun=tahun):
        data.jabatan.setdefault(j.unit_id, []).append(j)
    data.tahun_realisasi = sorted(
        {t for i in data.semua_indikator() for t in i.realisasi_per_tahun if t <= tahun}
    )
