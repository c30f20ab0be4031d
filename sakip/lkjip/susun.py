"""Assembles an LKjIP: the agency's layout filled with its narrative and computed blocks.

`susun(data)` walks the layout (`sakip.lkjip.susunan`), builds every block
(`sakip.lkjip.blok`), drops sections with nothing to show, numbers tables and charts per
chapter (Tabel 2.1, Grafik 4.1) and collects the lists the front matter needs. The result
is what the templates render, for the web page and for the PDF alike.
"""

from dataclasses import dataclass, field

from instansi.pengaturan import MetodeEfisiensi, RumusPolaritasTurun
from inti.angka import Pembulatan, format_angka
from inti.periode import arab
from sakip.lkjip.blok import BLOK, GRAFIK
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.isi import Grafik, Tabel, Teks
from sakip.lkjip.susunan import LAMPIRAN, SUSUNAN, B, Bagian


@dataclass
class BagianTampil:
    huruf: str
    judul: str
    id: str
    isi: list[Teks | Tabel | Grafik]


@dataclass
class BabTampil:
    nomor: str
    judul: str
    id: str
    bagian: list[BagianTampil]


@dataclass
class Dokumen:
    data: DataLaporan
    kata_pengantar: Teks | None
    ikhtisar: Teks | None
    ikhtisar_tabel: list[Tabel]
    bab: list[BabTampil]
    lampiran: list[BagianTampil]
    cara_hitung: list[str]
    daftar_tabel: list[Tabel] = field(default_factory=list)
    daftar_grafik: list[Grafik] = field(default_factory=list)

    @property
    def judul(self) -> str:
        return f"{self.data.laporan.judul} {self.data.instansi.nama} Tahun {self.data.tahun}"


def _isi_bagian(data: DataLaporan, bagian: Bagian, dengan_grafik: bool = True) -> list:
    narasi = [data.narasi[i.kunci] for i in bagian.isi if not isinstance(i, B) and i.kunci in data.narasi]
    beberapa_narasi = len(narasi) > 1
    isi = []
    for item in bagian.isi:
        if isinstance(item, B):
            if dengan_grafik or item.kunci not in GRAFIK:
                isi.extend(BLOK[item.kunci](data))
        elif item.kunci in data.narasi:
            n = data.narasi[item.kunci]
            # Several narratives in one section get their own titles, unless it repeats the section's.
            judul = n.judul if beberapa_narasi and n.judul.casefold() != bagian.judul.casefold() else ""
            isi.append(Teks(judul, n.teks))
    return isi


def _nomori(isi: list, awalan: str, nomor_terakhir: dict) -> None:
    for item in isi:
        if isinstance(item, Tabel):
            nomor_terakhir["tabel"] += 1
            item.nomor = f"Tabel {awalan}.{nomor_terakhir['tabel']}"
        elif isinstance(item, Grafik):
            nomor_terakhir[item.label] = nomor_terakhir.get(item.label, 0) + 1
            item.nomor = f"{item.label} {awalan}.{nomor_terakhir[item.label]}"


def _rentang(pita) -> str:
    """A band in words: «≥ 70 % dan < 85 % Berhasil»."""
    batas = []
    if pita.batas_bawah is not None:
        batas.append(f"≥ {format_angka(pita.batas_bawah, 0)} %")
    if pita.batas_atas is not None:
        batas.append(f"< {format_angka(pita.batas_atas, 0)} %")
    return f"{' dan '.join(batas)} {pita.label}"


def cara_hitung(data: DataLaporan) -> list[str]:
    """How the report computes, in words, so a reader can check any figure."""
    p = data.pengaturan
    kalimat = [
        "Capaian indikator «semakin tinggi semakin baik» = realisasi ÷ target × 100; "
        f"«semakin rendah semakin baik» = {RumusPolaritasTurun(p.rumus_polaritas_turun).label} "
        "(kecuali indikator yang menetapkan rumusnya sendiri).",
        "Target yang dipakai: PK (Perjanjian Kinerja) perubahan; bila tidak ada, PK murni; bila "
        "tidak ada juga, target Renstra tahun berjalan. Realisasi yang belum diukur tidak dihitung "
        "nol dan tidak ikut dirata-rata.",
        f"Semua angka dihitung dengan presisi penuh dan hanya angka yang ditampilkan "
        f"{'dipotong' if p.pembulatan == Pembulatan.POTONG else 'dibulatkan'} ke {p.desimal} desimal.",
        f"Efisiensi: {MetodeEfisiensi(p.metode_efisiensi).label}.",
    ]
    if data.pita:
        urut = sorted(data.pita, key=lambda p: (p.batas_bawah is not None, p.batas_bawah), reverse=True)
        kalimat.append("Predikat capaian: " + "; ".join(_rentang(p) for p in urut) + ".")
    return kalimat


def _teks(data: DataLaporan, kunci: str) -> Teks | None:
    narasi = data.narasi.get(kunci)
    return Teks("", narasi.teks) if narasi else None


def susun(data: DataLaporan, dengan_grafik: bool = True) -> Dokumen:
    """The report laid out in its chapters; `dengan_grafik=False` leaves the charts undrawn
    (matplotlib takes most of a report's time) for what shows tables only, the workbook.
    Tables are numbered the same either way: charts have their own count."""
    dokumen = Dokumen(
        data=data,
        kata_pengantar=_teks(data, "kata-pengantar"),
        ikhtisar=_teks(data, "ikhtisar-eksekutif"),
        ikhtisar_tabel=BLOK["capaian-iku"](data),
        bab=[],
        lampiran=[],
        cara_hitung=cara_hitung(data),
    )
    for bab in SUSUNAN[data.pengaturan.susunan_bab]:
        angka = arab(bab.nomor)
        nomor_terakhir = {"tabel": 0}
        bagian_tampil = []
        for bagian in bab.bagian:
            isi = _isi_bagian(data, bagian, dengan_grafik)
            if not isi:
                continue
            _nomori(isi, str(angka), nomor_terakhir)
            huruf = chr(ord("A") + len(bagian_tampil))
            bagian_tampil.append(BagianTampil(huruf, bagian.judul, f"bab-{angka}-{huruf.lower()}", isi))
        dokumen.bab.append(BabTampil(bab.nomor, bab.judul, f"bab-{angka}", bagian_tampil))
    nomor_terakhir = {"tabel": 0}
    for n, bagian in enumerate(LAMPIRAN, start=1):
        isi = _isi_bagian(data, bagian, dengan_grafik)
        if isi:
            _nomori(isi, "L", nomor_terakhir)
            dokumen.lampiran.append(BagianTampil(str(n), bagian.judul, f"lampiran-{n}", isi))
    semua = [i for b in dokumen.bab for bg in b.bagian for i in bg.isi] + [
        i for bg in dokumen.lampiran for i in bg.isi
    ]
    dokumen.daftar_tabel = [i for i in semua if isinstance(i, Tabel)]
    dokumen.daftar_grafik = [i for i in semua if isinstance(i, Grafik)]
    return dokumen
