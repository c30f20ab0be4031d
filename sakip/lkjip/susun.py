"""Assembles an LKjIP: the agency's layout filled with its narrative and computed blocks.

`susun(data)` walks the layout (`sakip.lkjip.susunan`, after the front matter's own two
sections), builds every block (`sakip.lkjip.blok`), moves what the markers (`[[kunci]]`
lines, in any narrative and in the texts blocks write) place to where they stand, drops
sections with nothing to show, numbers tables and charts per chapter in
their final order (Tabel 2.1, Grafik 4.1), collects the lists the front matter needs and
gives the narratives' references (`{{…}}`) their text (`sakip.lkjip.rujukan`). The result
is what the templates render, for the web page and for the PDF alike.
"""

from dataclasses import dataclass, field

from instansi.pengaturan import MetodeEfisiensi, RumusPolaritasTurun
from inti.angka import Pembulatan, format_angka
from inti.periode import arab
from sakip.lkjip import angka_narasi, rujukan
from sakip.lkjip.blok import BLOK, GRAFIK
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.isi import POLA_PENANDA, Grafik, Tabel, Teks
from sakip.lkjip.susunan import LAMPIRAN, SUSUNAN, B, Bagian, N


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
    kata_pengantar: list[Teks | Tabel | Grafik]  # unnumbered, as the front matter is
    ikhtisar: list[Teks | Tabel | Grafik]
    bab: list[BabTampil]
    lampiran: list[BagianTampil]
    cara_hitung: list[str]
    daftar_tabel: list[Tabel] = field(default_factory=list)
    daftar_grafik: list[Grafik] = field(default_factory=list)
    # Every code a narrative may write → its Rujukan (`rujukan.semua_rujukan`), built once
    # by `rujukan.sambungkan`; the figures check (`angka_narasi.periksa`) reads the same.
    daftar_rujukan: dict[str, "rujukan.Rujukan"] = field(default_factory=dict)

    @property
    def judul(self) -> str:
        return f"{self.data.laporan.judul} {self.data.instansi.nama} Tahun {self.data.tahun}"

    @property
    def gantung(self) -> list[rujukan.Gantung]:
        """What in the narratives points nowhere, with its place (`rujukan.periksa`)."""
        return rujukan.periksa(self)

    @property
    def angka_bertentangan(self) -> list["angka_narasi.Temuan"]:
        """Typed figures in the narratives that contradict the data (`angka_narasi.periksa`)."""
        return angka_narasi.periksa(self)


@dataclass
class _Blok:
    """A block built at its place in the layout; a marker elsewhere may take items out of it."""

    kunci: str
    isi: list | None  # None: pictures not drawn here (`susun(grafik_bab=…)`) unless a marker asks
    diambil: bool = False  # a marker took the whole block


def _bangun(data: DataLaporan, kunci: str) -> list:
    isi = BLOK[kunci](data)
    for item in isi:
        if isinstance(item, (Tabel, Grafik)):
            item.blok = kunci
    return isi


def _isi_bagian(data: DataLaporan, bagian: Bagian, dengan_grafik: bool = True) -> list[Teks | _Blok]:
    narasi = [data.narasi[i.kunci] for i in bagian.isi if not isinstance(i, B) and i.kunci in data.narasi]
    beberapa_narasi = len(narasi) > 1
    isi = []
    for item in bagian.isi:
        if isinstance(item, B):
            gambar = dengan_grafik or item.kunci not in GRAFIK
            isi.append(_Blok(item.kunci, _bangun(data, item.kunci) if gambar else None))
        elif item.kunci in data.narasi:
            n = data.narasi[item.kunci]
            # Several narratives in one section get their own titles, unless it repeats the section's.
            judul = n.judul if beberapa_narasi and n.judul.casefold() != bagian.judul.casefold() else ""
            isi.append(Teks(judul, n.teks, kunci=n.kunci))
    return isi


class _Penempatan:
    """Markers (`[[kunci]]` lines), each replaced by what it names: in the narratives and
    in the texts blocks write (a sasaran's analysis places its own tables among its
    paragraphs).

    A block key takes the block's items from its place in the section of the marker, else
    from its next place in the layout (reading order); a block the layout does not place
    (or places fewer times) is built for the marker. An item's own key takes that item,
    also out of a block another marker has placed. What a marker takes is gone from its
    default place; a marker that names nothing stays in the text, where it shows marked
    (`Teks.gantung`).
    """

    def __init__(self, data: DataLaporan, semua: list[list[Teks | _Blok]]):
        self.data = data
        self.blok = [b for isi in semua for b in isi if isinstance(b, _Blok)]

    def ambil(self, kunci: str, sendiri: list[_Blok], gambar: bool) -> _Blok | list | None:
        """What a marker places, None when it names nothing. A whole block stays one
        `_Blok`, so that a later marker can still take one of its items out of it.
        `gambar`: whether pictures are drawn in the marker's section."""
        if kunci in BLOK:
            if not gambar and kunci in GRAFIK:
                return []  # pictures not drawn here (an export without them, a preview)
            for blok in [*sendiri, *self.blok]:
                if blok.kunci == kunci and not blok.diambil:
                    blok.diambil = True
                    if blok.isi is None:
                        blok.isi = _bangun(self.data, kunci)
                    if blok.isi:
                        return blok
            isi = _bangun(self.data, kunci)
            if not isi:
                return None
            self.blok.append(_Blok(kunci, isi, diambil=True))
            return self.blok[-1]
        # The blocks built first; then, drawing them one by one, the pictures left undrawn,
        # the block whose key begins the item's first (`cascading-sasaran` for its `-<pk>`).
        belum = [b for b in self.blok if b.isi is None] if gambar else []
        belum.sort(key=lambda b: not kunci.startswith(b.kunci))
        for blok in [*(b for b in self.blok if b.isi is not None), *belum]:
            if blok.isi is None:
                blok.isi = _bangun(self.data, blok.kunci)
            for n, item in enumerate(blok.isi):
                if isinstance(item, (Tabel, Grafik)) and item.kunci == kunci:
                    return [blok.isi.pop(n)]
        return None

    def pisah(self, teks: Teks, sendiri: list[_Blok], gambar: bool) -> list:
        """The text cut at its markers, with what each places between the pieces."""
        hasil, garis, judul = [], [], teks.judul

        def tutup():
            nonlocal judul
            isi = "\n".join(garis).strip()
            if isi or judul:
                hasil.append(Teks(judul, isi, kunci=teks.kunci))
            garis.clear()
            judul = ""

        for g in teks.teks.replace("\r\n", "\n").split("\n"):
            penanda = POLA_PENANDA.match(g)
            isi = self.ambil(penanda.group(1), sendiri, gambar) if penanda else None
            if isi is None:
                garis.append(g)
                continue
            tutup()
            if isinstance(isi, _Blok):
                hasil.append(isi)
            else:
                hasil.extend(isi)
        tutup()
        return hasil


def _tempatkan(data: DataLaporan, semua: list[list[Teks | _Blok]], gambar: list[bool]) -> list[list]:
    """Every section's items once the markers have placed theirs: first every marker takes
    what it names, in reading order (a later chapter may take a table from an earlier one),
    then each text shows cut at its markers and each block what is left of it. `gambar`
    says per section whether its pictures are drawn."""
    penempatan = _Penempatan(data, semua)
    teks = []  # every text with its section's blocks, before any marker moves anything
    for isi, digambar in zip(semua, gambar, strict=True):
        sendiri = [b for b in isi if isinstance(b, _Blok)]
        for item in isi:
            for t in [item] if isinstance(item, Teks) else [x for x in item.isi or [] if isinstance(x, Teks)]:
                teks.append((t, sendiri, digambar))
    potongan = {id(t): penempatan.pisah(t, sendiri, digambar) for t, sendiri, digambar in teks}
    dibuka = set()

    def buka(isi: list):
        for item in isi:
            if isinstance(item, _Blok):
                yield from buka(item.isi or [])
            elif id(item) in potongan and id(item) not in dibuka:
                dibuka.add(id(item))  # a text that places its own block shows once
                yield from buka(potongan[id(item)])
            else:
                yield item

    return [list(buka([i for i in isi if not (isinstance(i, _Blok) and i.diambil)])) for isi in semua]


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


# The front matter, laid out like a chapter's sections (not numbered): the ikhtisar shows
# the IKU table after its narrative, or where the narrative places it with [[capaian-iku]].
KATA_PENGANTAR = Bagian("Kata Pengantar", (N("kata-pengantar"),))
IKHTISAR = Bagian("Ikhtisar Eksekutif", (N("ikhtisar-eksekutif"), B("capaian-iku")))


def _bab_narasi(susunan, kunci: str) -> set[Bagian]:
    """The sections of the chapter (or the front matter, or the lampiran) that shows the
    narrative `kunci`."""
    for kelompok in [(KATA_PENGANTAR, IKHTISAR), *(bab.bagian for bab in susunan), LAMPIRAN]:
        if any(isinstance(i, N) and i.kunci == kunci for b in kelompok for i in b.isi):
            return set(kelompok)
    return set()


def susun(data: DataLaporan, dengan_grafik: bool = True, grafik_bab: str = "") -> Dokumen:
    """The report laid out in its chapters; `dengan_grafik=False` leaves the pictures
    undrawn (matplotlib takes most of a report's time) for what shows tables only, the
    workbook. Tables are numbered the same either way: pictures have their own count.
    `grafik_bab`, a narrative's key, draws only the pictures of the chapter that shows it,
    numbered right as pictures are numbered per chapter: the narrative editor's preview
    (a marker in that chapter still draws what it places, from wherever it is)."""
    susunan = SUSUNAN[data.pengaturan.susunan_bab]
    urutan = [KATA_PENGANTAR, IKHTISAR, *(bagian for bab in susunan for bagian in bab.bagian), *LAMPIRAN]
    digambar = _bab_narasi(susunan, grafik_bab) if grafik_bab else set(urutan)
    gambar = [dengan_grafik and b in digambar for b in urutan]
    bagian = [_isi_bagian(data, b, g) for b, g in zip(urutan, gambar, strict=True)]
    isi_bagian = iter(_tempatkan(data, bagian, gambar))
    dokumen = Dokumen(
        data=data,
        kata_pengantar=next(isi_bagian),
        ikhtisar=next(isi_bagian),
        bab=[],
        lampiran=[],
        cara_hitung=cara_hitung(data),
    )
    for bab in susunan:
        angka = arab(bab.nomor)
        nomor_terakhir = {"tabel": 0}
        bagian_tampil = []
        for bagian in bab.bagian:
            isi = next(isi_bagian)
            if not isi:
                continue
            _nomori(isi, str(angka), nomor_terakhir)
            huruf = chr(ord("A") + len(bagian_tampil))
            bagian_tampil.append(BagianTampil(huruf, bagian.judul, f"bab-{angka}-{huruf.lower()}", isi))
        dokumen.bab.append(BabTampil(bab.nomor, bab.judul, f"bab-{angka}", bagian_tampil))
    nomor_terakhir = {"tabel": 0}
    for bagian in LAMPIRAN:
        isi = next(isi_bagian)
        if isi:
            # Numbered as shown: a lampiran left out (no action plan) leaves no gap.
            n = len(dokumen.lampiran) + 1
            _nomori(isi, "L", nomor_terakhir)
            dokumen.lampiran.append(BagianTampil(str(n), bagian.judul, f"lampiran-{n}", isi))
    semua = [i for b in dokumen.bab for bg in b.bagian for i in bg.isi] + [
        i for bg in dokumen.lampiran for i in bg.isi
    ]
    dokumen.daftar_tabel = [i for i in semua if isinstance(i, Tabel)]
    dokumen.daftar_grafik = [i for i in semua if isinstance(i, Grafik)]
    rujukan.sambungkan(dokumen)
    return dokumen
