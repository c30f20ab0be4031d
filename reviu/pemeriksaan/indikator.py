"""Checks of the indicators: the plan's targets, their definition, realisations and capaian."""

from collections.abc import Iterator
from decimal import Decimal

from inti.angka import format_persen
from inti.periode import label_triwulan
from kinerja.hitung import TidakTerhitung
from kinerja.models import SifatTriwulan, Target
from kinerja.pengukuran import realisasi_tahun
from reviu.pemeriksaan import Temuan, alamat, alamat_instansi, di_kisi, nama_indikator, nilai, persen
from sakip.lkjip.data import DataLaporan, IndikatorTerukur

PK = (Target.Sumber.PK_MURNI, Target.Sumber.PK_PERUBAHAN)
# Beyond these a capaian is more likely a wrong target, realisation or polarity than a
# performance: Lampung Barat's 335 % (13,4 against a target of 4) is the kind to look at.
CAPAIAN_WAJAR = (Decimal(0), Decimal(200))


def renstra_tanpa_target(data: DataLaporan) -> Iterator[Temuan]:
    """Sasaran indicators (the Renstra's target grid) without a Renstra target for the year."""
    sasaran = [i for s in data.sasaran for i in s.indikator]
    tanpa = [i for i in sasaran if Target.Sumber.RENSTRA not in i.target_per_sumber]
    if tanpa:
        renstra = data.renstra
        nama = ", ".join(f"«{i.nama}»" for i in tanpa)
        yield Temuan(
            kode="renstra-tanpa-target",
            judul="Renstra tanpa target tahun ini",
            pesan=f"{len(tanpa)} dari {len(sasaran)} indikator sasaran belum memiliki target "
            f"Renstra tahun {data.tahun}: {nama}.",
            objek=f"Renstra {renstra.tahun_awal}–{renstra.tahun_akhir}",
            # One finding for them all: it opens the grid at the first of them.
            tautan=di_kisi(alamat_instansi(data, "target-renstra", renstra.pk), tanpa[0].indikator),
        )


def pk_beda_renstra(data: DataLaporan) -> Iterator[Temuan]:
    """A PK target (murni or perubahan) of the year that is not the Renstra's target of it."""
    for i in data.semua_indikator():
        renstra = i.target_per_sumber.get(Target.Sumber.RENSTRA)
        if renstra is None:
            continue
        beda = [
            f"{Target.Sumber(s).label} {nilai(data, i.indikator, i.target_per_sumber[s])}"
            for s in PK
            if s in i.target_per_sumber and i.target_per_sumber[s] != renstra
        ]
        if beda:
            yield Temuan(
                kode="pk-beda-renstra",
                judul="Target PK berbeda dengan Renstra",
                pesan=f"Target Renstra {data.tahun} {nilai(data, i.indikator, renstra)}, "
                f"sedangkan {'; '.join(beda)}.",
                objek=nama_indikator(i.indikator),
                tautan=di_kisi(alamat(data, "perjanjian-kinerja"), i.indikator),
            )


def tanpa_definisi(data: DataLaporan) -> Iterator[Temuan]:
    """A sasaran indicator (an IKU row of the report's tables, which print its formulasi and
    sumber data) with either left empty: the reader sees «–» where the report should say how
    it is measured and from what. Program and kegiatan indicators are left out: the report
    prints no definition for them, and dozens of findings no table shows would bury the rest."""
    for i in (i for s in data.sasaran for i in s.indikator):
        isian = {"formulasi": i.indikator.formulasi, "sumber data": i.indikator.sumber_data}
        kosong = [label for label, isi in isian.items() if not isi.strip()]
        if kosong:
            yield Temuan(
                kode="indikator-tanpa-definisi",
                judul="Indikator tanpa formulasi atau sumber data",
                pesan=f"Belum diisi: {' dan '.join(kosong)}; tabel IKU laporan menampilkan «–».",
                objek=nama_indikator(i.indikator),
                tautan=alamat_instansi(data, "indikator-ubah", i.indikator.pk),
            )


def realisasi_kosong(data: DataLaporan) -> Iterator[Temuan]:
    """An indicator with a target for the year and no realisation of it (a row without a
    value or components counts as none; its keterangan, «Belum dinilai», is quoted). One
    without a target is not measured this year, so nothing is missing."""
    for i in data.semua_indikator():
        target = i.ukur.target
        if target is None or i.ukur.realisasi != TidakTerhitung.BELUM_DIUKUR:
            continue
        baris = realisasi_tahun(i.indikator.daftar_realisasi, data.tahun)
        keterangan = f" (keterangan: «{baris.keterangan}»)" if baris and baris.keterangan else ""
        yield Temuan(
            kode="realisasi-kosong",
            judul="Realisasi belum diisi",
            pesan=f"Target {data.tahun} {nilai(data, i.indikator, target)}, realisasinya belum diisi"
            f"{keterangan}; capaiannya tidak dapat dihitung.",
            objek=nama_indikator(i.indikator),
            tautan=alamat(data, "realisasi", i.indikator.pk),
        )


def capaian_tidak_wajar(data: DataLaporan) -> Iterator[Temuan]:
    """A capaian above 200 % or below 0."""
    bawah, atas = CAPAIAN_WAJAR
    for i in data.semua_indikator():
        capaian = i.ukur.capaian
        if not isinstance(capaian, Decimal) or bawah <= capaian <= atas:
            continue
        batas = f"di atas {format_persen(atas, 0)}" if capaian > atas else "di bawah 0"
        yield Temuan(
            kode="capaian-tidak-wajar",
            judul="Capaian di luar 0–200 %",
            pesan=f"Capaian {persen(data, capaian)} ({batas}) dari realisasi "
            f"{nilai(data, i.indikator, i.ukur.realisasi)} terhadap target "
            f"{nilai(data, i.indikator, i.ukur.target)}: periksa target, realisasi dan polaritasnya.",
            objek=nama_indikator(i.indikator),
            tautan=alamat(data, "realisasi", i.indikator.pk),
        )


def _terikat_tahun(data: DataLaporan) -> Iterator[IndikatorTerukur]:
    """The indicators whose TW IV is, by their own definition, the year."""
    return (i for i in data.semua_indikator() if i.indikator.sifat_triwulan)


def triwulan_melebihi_tahun(data: DataLaporan) -> Iterator[Temuan]:
    """A cumulative indicator with a quarter's realisation above the year's: a running total
    cannot pass the total it runs to."""
    for i in _terikat_tahun(data):
        tahun = i.ukur.realisasi
        if i.indikator.sifat_triwulan != SifatTriwulan.KUMULATIF or not isinstance(tahun, Decimal):
            continue
        lebih = [(tw, real) for tw, _, real, _ in i.triwulan if isinstance(real, Decimal) and real > tahun]
        if lebih:
            daftar = "; ".join(f"{label_triwulan(tw)} {nilai(data, i.indikator, real)}" for tw, real in lebih)
            yield Temuan(
                kode="triwulan-melebihi-tahun",
                judul="Realisasi triwulan melebihi realisasi setahun",
                pesan=f"Indikator kumulatif: realisasi {data.tahun} {nilai(data, i.indikator, tahun)}, "
                f"tetapi {daftar}.",
                objek=nama_indikator(i.indikator),
                tautan=alamat(data, "realisasi", i.indikator.pk),
            )


def tahun_beda_triwulan_iv(data: DataLaporan) -> Iterator[Temuan]:
    """The year's realisation differs from TW IV's where the indicator says they are the same
    (cumulative, or a position at the end of the quarter)."""
    for i in _terikat_tahun(data):
        tahun = i.ukur.realisasi
        tw4 = next((real for tw, _, real, _ in i.triwulan if tw == 4), None)
        if isinstance(tahun, Decimal) and isinstance(tw4, Decimal) and tahun != tw4:
            yield Temuan(
                kode="tahun-beda-triwulan-iv",
                judul="Realisasi setahun berbeda dengan triwulan IV",
                pesan=f"Realisasi {data.tahun} {nilai(data, i.indikator, tahun)}, triwulan IV "
                f"{nilai(data, i.indikator, tw4)}; menurut sifat indikatornya "
                f"(«{SifatTriwulan(i.indikator.sifat_triwulan).label}») keduanya sama.",
                objek=nama_indikator(i.indikator),
                tautan=alamat(data, "realisasi", i.indikator.pk),
            )
