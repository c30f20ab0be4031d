"""The pemda dashboard's figures: every agency of one or more regions for a year, gathered in
a fixed number of queries whatever the number of agencies, indicators or programs.

What SQL can aggregate it aggregates: the report's state and the open notes are subqueries
on the agencies' query (`reviu.meja.data.daftar_meja`, the desk's), an evaluation's recorded
score is `Sum` of its components. Two figures cannot be a plain `Sum`/`Avg` without writing
the rules twice: a capaian depends on the indicator's polarity, the agency's formula for
lower-is-better and the target in force (PK perubahan, else PK, else Renstra), which
`kinerja.pengukuran.ukur` applies; a budget total is the sum of the most detailed figures
entered, each stage falling back to the one before (`anggaran.hitung.gulung`,
`pagu_berlaku`). So each of those reads its rows for all the agencies at once — one query
per table, the rows of the years shown and nothing else — and the same functions the report
uses compute them in Python: a fixed number of queries and time linear in the rows, and the
dashboard's figures are the report's figures by construction.

The agency's mean capaian is the report's «capaian rata-rata IKU» (the mean of its sasaran
indicators' measured capaian, `rujukan` `total.capaian_iku`), rated by the agency's own
bands; absorption is the budget in force at the year's end against what was spent;
efficiency is `anggaran.hitung.efisiensi` of those two by the agency's method.
"""

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import caches
from django.db import connection
from django.db.models import Q, QuerySet, Sum

from anggaran import hitung as hitung_anggaran
from anggaran.models import Pagu, RealisasiAnggaran, letak_node
from anggaran.ringkasan import NodeAnggaran, jumlah
from instansi.models import Instansi, Pemda, PengaturanLaporan, PredikatCapaian
from instansi.pengaturan import cari_predikat
from kinerja import hitung
from kinerja.models import (
    EvaluasiSakip,
    Indikator,
    Kegiatan,
    KomponenEvaluasi,
    PredikatEvaluasi,
    Program,
    Renstra,
    SubKegiatan,
)
from kinerja.pengukuran import baca_ukuran, ukur
from reviu.meja.data import daftar_meja, pemda_meja
from reviu.models import Status
from sakip.lhe.riwayat import evaluasi_final
from sakip.lkjip.sidik import SIAPA, baca_jejak, sql_jejak, versi_kode

# The years of the year-over-year columns: the dashboard's year and the four before it.
JUMLAH_TAHUN = 5


def _urut(nilai) -> tuple:
    """A sort key that puts what was not measured below every figure, whatever its type."""
    return (1, nilai) if isinstance(nilai, Decimal) else (0, Decimal(0))


@dataclass
class TahunInstansi:
    """An agency's year: its IKU's mean capaian and its budget."""

    tahun: int
    capaian: hitung.Hasil = hitung.TidakTerhitung.BELUM_DIUKUR
    predikat: str | None = None
    jumlah_iku: int = 0
    anggaran: Decimal | None = None
    realisasi: Decimal | None = None

    @property
    def penyerapan(self) -> hitung.Hasil:
        return hitung_anggaran.penyerapan(self.anggaran, self.realisasi)


@dataclass
class BarisInstansi:
    """One agency's row of the dashboard for the year."""

    instansi: Instansi
    tahun: TahunInstansi
    riwayat: list[TahunInstansi]  # oldest first, the dashboard's year last
    status: str
    catatan_terbuka: int
    efisiensi: hitung.Hasil
    kategori_efisiensi: str | None
    pita: list = field(default_factory=list)  # the agency's rating bands, for colours
    tahun_evaluasi: int | None = None
    nilai_evaluasi: Decimal | None = None
    predikat_evaluasi: str | None = None

    @property
    def urut_capaian(self):
        return _urut(self.tahun.capaian)

    @property
    def urut_penyerapan(self):
        return _urut(self.tahun.penyerapan)

    @property
    def urut_efisiensi(self):
        return _urut(self.efisiensi)

    @property
    def urut_anggaran(self):
        return _urut(self.tahun.anggaran)

    @property
    def urut_evaluasi(self):
        return _urut(self.nilai_evaluasi)


@dataclass
class BarisPemda:
    """A region's row of the national view: its agencies' figures taken together."""

    pemda: Pemda
    baris: list[BarisInstansi] = field(default_factory=list)

    @property
    def jumlah_instansi(self) -> int:
        return len(self.baris)

    @property
    def capaian(self) -> hitung.Hasil:
        """The mean of the agencies' mean capaian: each agency counts once, whatever its
        number of indicators, as the regional secretary compares agencies, not indicators."""
        return hitung.rata_rata(b.tahun.capaian for b in self.baris)

    @property
    def anggaran(self) -> Decimal | None:
        return hitung_anggaran.gulung(None, (b.tahun.anggaran for b in self.baris))

    @property
    def realisasi(self) -> Decimal | None:
        return hitung_anggaran.gulung(None, (b.tahun.realisasi for b in self.baris))

    @property
    def penyerapan(self) -> hitung.Hasil:
        return hitung_anggaran.penyerapan(self.anggaran, self.realisasi)

    @property
    def nilai_evaluasi(self) -> hitung.Hasil:
        return hitung.rata_rata(b.nilai_evaluasi for b in self.baris)

    @property
    def catatan_terbuka(self) -> int:
        return sum(b.catatan_terbuka for b in self.baris)

    @property
    def jumlah_disampaikan(self) -> int:
        """Reports waiting on the region's reviewers."""
        return sum(1 for b in self.baris if b.status == Status.DISAMPAIKAN)

    @property
    def jumlah_diterbitkan(self) -> int:
        return sum(1 for b in self.baris if b.status == Status.DITERBITKAN)

    @property
    def urut_capaian(self):
        return _urut(self.capaian)

    @property
    def urut_penyerapan(self):
        return _urut(self.penyerapan)

    @property
    def urut_anggaran(self):
        return _urut(self.anggaran)

    @property
    def urut_evaluasi(self):
        return _urut(self.nilai_evaluasi)


def wilayah(user) -> QuerySet[Pemda]:
    """The regions whose dashboards `user` sees: those they review, every one for an admin
    (the reviewer's desk's rule)."""
    return pemda_meja(user)


def instansi_wilayah(pemda: QuerySet[Pemda], tahun: int) -> QuerySet[Instansi]:
    """The agencies of `pemda` with their report's state and open notes for `tahun`, as SQL
    subqueries (the desk's query), by name: what the dashboard's filter narrows."""
    return daftar_meja(pemda, tahun).order_by("pemda__nama", "nama")


def _berlaku(renstra: list[Renstra], tahun: int) -> Renstra | None:
    """`Renstra.objects.berlaku` over rows already read: the latest plan covering `tahun`."""
    cocok = [r for r in renstra if r.tahun_awal <= tahun <= r.tahun_akhir]
    return max(cocok, key=lambda r: r.tahun_awal, default=None)


def _capaian(pemda: QuerySet[Pemda], daftar_tahun: list[int], renstra_tahun, baris_tahun, pita) -> None:
    """Each agency-year's IKU measured by `kinerja.pengukuran.ukur`, as the report measures
    them, over the regions' IKU read with their yearly targets and realisations of the years
    shown (`baca_ukuran`); three queries (one when the regions have no IKU)."""
    tahunan = Q(tahun__in=daftar_tahun, triwulan__isnull=True)
    iku = Indikator.objects.filter(renstra__instansi__pemda__in=pemda, sasaran__isnull=False)
    iku = baca_ukuran(iku, tahunan)
    # A plan is in force for one agency in one or more of the years shown.
    tahun_renstra = defaultdict(list)
    for (instansi_id, tahun), renstra in renstra_tahun.items():
        tahun_renstra[renstra.pk].append((instansi_id, tahun))
    capaian = defaultdict(list)
    for indikator in iku:
        for instansi_id, tahun in tahun_renstra[indikator.renstra_id]:
            capaian[instansi_id, tahun].append(ukur(indikator, tahun, baris_tahun[instansi_id][0]).capaian)
    for (instansi_id, tahun), nilai in capaian.items():
        isi = baris_tahun[instansi_id][1][tahun]
        isi.jumlah_iku = len(nilai)
        isi.capaian = hitung.rata_rata(nilai)
        ukuran = isi.capaian if isinstance(isi.capaian, Decimal) else None
        isi.predikat = cari_predikat(ukuran, pita[instansi_id])


def _pada_node(model, pemda: QuerySet[Pemda], tahun: int, *kolom: str):
    """`model`'s amounts of the regions' nodes in `tahun`, one query: a UNION ALL of the three
    levels, each a plain join that its indexes serve (one OR over the three joins made
    PostgreSQL read the whole table: 0,9 s for fifty agencies)."""
    jalur = ("program__", "kegiatan__program__", "sub_kegiatan__kegiatan__program__")
    bagian = [
        model.objects.filter(**{f"{j}renstra__instansi__pemda__in": pemda}, tahun=tahun)
        .order_by()
        .values("program", "kegiatan", "sub_kegiatan", *kolom)
        for j in jalur
    ]
    return bagian[0].union(*bagian[1:], all=True)


def _anggaran(pemda: QuerySet[Pemda], tahun: int, renstra_tahun, baris_tahun) -> None:
    """Each agency's budget in force and spending in `tahun`, rolled up as the report does
    (`anggaran.ringkasan.NodeAnggaran`); five queries (programs, kegiatan, sub kegiatan, pagu,
    realisasi), the tree joined here by parent id."""
    # Ids only: the roll-up reads amounts by node, and twelve thousand model instances cost a
    # second where their ids cost a tenth.
    di_pemda = {"renstra__instansi__pemda__in": pemda}
    program, kegiatan, sub = defaultdict(list), defaultdict(list), defaultdict(list)
    for pk, induk in Program.objects.filter(**di_pemda).order_by().values_list("pk", "renstra_id"):
        program[induk].append(pk)
    for pk, induk in (
        Kegiatan.objects.filter(**{f"program__{k}": v for k, v in di_pemda.items()})
        .order_by()
        .values_list("pk", "program_id")
    ):
        kegiatan[induk].append(pk)
    for pk, induk in (
        SubKegiatan.objects.filter(**{f"kegiatan__program__{k}": v for k, v in di_pemda.items()})
        .order_by()
        .values_list("pk", "kegiatan_id")
    ):
        sub[induk].append(pk)
    pagu = defaultdict(dict)
    for p in _pada_node(Pagu, pemda, tahun, "tahap", "jumlah"):
        pagu[letak_node(p)][p["tahap"]] = p["jumlah"]
    realisasi = {letak_node(r): r["jumlah"] for r in _pada_node(RealisasiAnggaran, pemda, tahun, "jumlah")}

    def node(pk: int, tingkat: str, anak=()) -> NodeAnggaran:
        kunci = (tingkat, pk)
        # `objek` is the node's id: nothing here reads more of it.
        return NodeAnggaran(pk, tingkat, list(anak), pagu.get(kunci, {}), realisasi.get(kunci))

    for (instansi_id, t), renstra in renstra_tahun.items():
        if t != tahun:
            continue
        pohon = [
            node(
                p,
                "program",
                (node(k, "kegiatan", (node(s, "sub_kegiatan") for s in sub[k])) for k in kegiatan[p]),
            )
            for p in program[renstra.pk]
        ]
        isi = baris_tahun[instansi_id][1][tahun]
        isi.anggaran = jumlah(pohon, NodeAnggaran.pagu_akhir)
        isi.realisasi = jumlah(pohon, NodeAnggaran.realisasi)


def _evaluasi(pemda: QuerySet[Pemda], tahun: int) -> dict[int, tuple[int, Decimal | None]]:
    """Each agency's latest evaluation up to `tahun`: (year, score). A final LKE takes the
    place of its year's recorded scores, as in the report (`sakip.lhe.riwayat.evaluasi_final`
    for the regions' agencies); eight queries."""
    terakhir: dict[int, tuple[int, Decimal | None]] = {}
    tercatat = (
        EvaluasiSakip.objects.filter(instansi__pemda__in=pemda, tahun__lte=tahun)
        .values("instansi", "tahun")
        .annotate(nilai=Sum("komponen__nilai"))
        .order_by("tahun")
    )
    for e in tercatat:
        terakhir[e["instansi"]] = (e["tahun"], e["nilai"])
    for f in evaluasi_final(Instansi.objects.filter(pemda__in=pemda), tahun):
        e = f.evaluasi
        if e.tahun >= terakhir.get(e.instansi_id, (0, None))[0]:
            terakhir[e.instansi_id] = (e.tahun, f.skor.nilai)
    return terakhir


def kumpulkan(
    pemda: QuerySet[Pemda], tahun: int, instansi: QuerySet[Instansi] | None = None
) -> list[BarisInstansi]:
    """The dashboard's rows for the agencies of `pemda` in `tahun` (those of `instansi`, a
    filtered `instansi_wilayah(pemda, tahun)`, when given), in a fixed number of queries."""
    if instansi is None:
        instansi = instansi_wilayah(pemda, tahun)
    daftar = list(instansi.select_related("pemda", "pengaturan"))
    daftar_tahun = list(range(tahun - JUMLAH_TAHUN + 1, tahun + 1))
    pita = defaultdict(list)
    for p in PredikatCapaian.objects.filter(instansi__pemda__in=pemda):
        pita[p.instansi_id].append(p.pita())
    renstra = defaultdict(list)
    for r in Renstra.objects.filter(instansi__pemda__in=pemda):
        renstra[r.instansi_id].append(r)
    # (agency, year) → the Renstra in force, for the agencies shown.
    renstra_tahun = {
        (i.pk, t): r for i in daftar for t in daftar_tahun if (r := _berlaku(renstra[i.pk], t)) is not None
    }
    baris_tahun = {
        i.pk: (i.pengaturan_laporan(), {t: TahunInstansi(t) for t in daftar_tahun}) for i in daftar
    }
    _capaian(pemda, daftar_tahun, renstra_tahun, baris_tahun, pita)
    _anggaran(pemda, tahun, renstra_tahun, baris_tahun)
    evaluasi = _evaluasi(pemda, tahun)
    ambang = [(p.lebih_dari, p.label) for p in PredikatEvaluasi.objects.all()]

    hasil = []
    for i in daftar:
        pengaturan, per_tahun = baris_tahun[i.pk]
        ini = per_tahun[tahun]
        efisiensi = hitung_anggaran.efisiensi(ini.capaian, ini.penyerapan, pengaturan.metode_efisiensi)
        tahun_evaluasi, nilai = evaluasi.get(i.pk, (None, None))
        hasil.append(
            BarisInstansi(
                instansi=i,
                tahun=ini,
                riwayat=[per_tahun[t] for t in daftar_tahun],
                status=i.status_lkjip,
                catatan_terbuka=i.catatan_terbuka,
                efisiensi=efisiensi,
                kategori_efisiensi=hitung_anggaran.kategori_efisiensi(efisiensi, pengaturan.metode_efisiensi),
                tahun_evaluasi=tahun_evaluasi,
                nilai_evaluasi=nilai,
                predikat_evaluasi=hitung.predikat_evaluasi(nilai, ambang),
                pita=pita[i.pk],
            )
        )
    return hasil


def per_pemda(baris: list[BarisInstansi]) -> list[BarisPemda]:
    """The agencies' rows taken together by region, in the regions' name order."""
    kelompok: dict[int, BarisPemda] = {}
    for b in baris:
        kelompok.setdefault(b.instansi.pemda_id, BarisPemda(b.instansi.pemda)).baris.append(b)
    return sorted(kelompok.values(), key=lambda k: k.pemda.nama)


@functools.cache
def _sql_jejak(alias: str, jumlah: int) -> tuple[str, tuple]:
    """`sidik`'s query for `jumlah` regions, compiled once per database with stand-in region
    ids (`sakip.lkjip.sidik.SIAPA` onwards): compiling its dozen parts cost more than
    running them."""
    wakil = [SIAPA + n for n in range(jumlah)]
    di_wilayah = {"instansi__pemda__in": wakil}
    tanpa_riwayat = [
        Pemda.objects.filter(pk__in=wakil),
        PengaturanLaporan.objects.filter(**di_wilayah),
        PredikatCapaian.objects.filter(**di_wilayah),
        PredikatEvaluasi.objects.all(),
        EvaluasiSakip.objects.filter(**di_wilayah),
        KomponenEvaluasi.objects.filter(evaluasi__instansi__pemda__in=wakil),
    ]
    di_pemda = Instansi.objects.filter(pemda__in=wakil).values("pk")
    sql, parameter = sql_jejak(di_pemda, True, tanpa_riwayat).query.sql_with_params()
    return sql, tuple(parameter)


def sidik(pemda: QuerySet[Pemda], tahun: int) -> str:
    """A hash that changes whenever anything the regions' dashboard shows may have changed,
    in two queries: the regions' ids, then (`sakip.lkjip.sidik.sql_jejak`) the revision
    counters of their agencies and of reference data (`instansi.revisi`, bumped by every
    write that reaches an agency, a review's included), the highest id and count of the
    LKE's frozen copies, and the few unversioned rows the dashboard reads for the regions
    (settings, rating and evaluation bands, recorded evaluation scores, the regions' names);
    and the code (`sakip.lkjip.sidik.versi_kode`). A write in another region leaves this
    region's dashboard as it is."""
    ids = sorted(pemda.values_list("pk", flat=True))
    sql, parameter = _sql_jejak(connection.alias, len(ids))
    wakil = {SIAPA + n: pk for n, pk in enumerate(ids)}
    jejak = baca_jejak(sql, [wakil.get(p, p) for p in parameter])
    isi = repr((versi_kode(), tahun, jejak))
    return hashlib.sha256(isi.encode()).hexdigest()


def kumpulkan_tersimpan(pemda: QuerySet[Pemda], tahun: int) -> tuple[str, list[BarisInstansi]]:
    """The regions' fingerprint and `kumpulkan` for all their agencies, the rows kept in the
    cache «dasbor» under it: a page whose data did not move costs the fingerprint's queries,
    not the computation (two seconds for fifty agencies on a loaded machine). The templates
    key their rendered table and charts by the same fingerprint (`{% cache … using="dasbor" %}`),
    since rendering fifty rows through django-tables2 costs as much again."""
    kunci = sidik(pemda, tahun)
    tembolok = caches["dasbor"]
    baris = tembolok.get(f"dasbor:{kunci}")
    if baris is None:
        baris = kumpulkan(pemda, tahun)
        tembolok.set(f"dasbor:{kunci}", baris)
    return kunci, baris
