"""Typed figures in the LKjIP narrative that contradict the data.

A narrative should print every figure the data determines through a reference
(`{{indikator.100004.capaian}}`, `sakip.lkjip.rujukan`). Where a figure is still typed by
hand, `periksa(dokumen)` finds it when it contradicts the computed one, and says where
(section, narrative, sentence), what was typed and what the report computes, both written
the Indonesian way, and which reference prints the computed figure. It reads the assembled
report and the reference catalogue only: no query. The report page shows its list to those
who may change the narrative, the narrative editor's preview the list of the text being
written; the review workflow's automatic findings can call it as it is.

The rules, chosen for precision over recall (a false alarm teaches planners to ignore
the list):

- **Sentences.** A narrative is cut into paragraphs and list items as the report shows
  them, each into sentences at «. » / «! » / «? » before a capital letter, unless the word
  before the stop is an abbreviation («Rp.», «No.», «Kab.») or a single letter.
- **Numbers.** Indonesian: «18.265.491.430», «130,07», «1.200» (a dot before exactly three
  digits groups thousands, a comma is the decimal sign); a dot followed by one, two or more
  than three digits is a decimal point («135.3%», «413.49 Milyar»). A number is a figure
  only with a unit or a shape no count has: followed by «%» or «persen»; after «Rp» or
  followed by «rupiah», «milyar»/«miliar», «juta», «triliun» (a scale multiplies the
  rupiah reading); followed by the unit of an indicator the sentence is about («185
  unit»); or written with a decimal comma or thousands groups. So whole numbers alone —
  years, counts of items, day numbers, regulation and page numbers — are never figures,
  nor is anything after «Tabel», «Gambar», «Bab», «Nomor», «Pasal», «halaman»…, nor a
  part of «500/123/2022» or a dotted decimal without a unit («Tabel 3.1»).
- **What a sentence is about.** The entities whose figures a typed number is compared
  with: those it names (an indicator's, sasaran's, program's, kegiatan's or sub kegiatan's
  name, case, punctuation and the common misspelling «presentase» aside; a named sasaran
  brings its indicators); the whole year's totals when it names the agency or says
  «total» / «keseluruhan»; the SAKIP evaluations when it says «SAKIP» or «akuntabilitas
  kinerja» (of the years it names, when it names one that has an evaluation); an entity
  one of whose rupiah figures (of at least Rp 1.000.000) the sentence types exactly (it
  points at its entity as surely as a name); an entity a reference in the sentence
  belongs to; and, in a sasaran's analysis (Bab III/IV per sasaran), that sasaran and its
  indicators when the sentence speaks of a figure («capaian», «realisasi», «target»,
  «mencapai»…). A sentence about nothing of these is not checked: a sum the data does not
  hold (Bandar Lampung's «program prioritas») is not taken for the total.
- **Which figures.** A percentage is compared with percentages (capaian, penyerapan,
  comparisons) and with the values of indicators measured in %; a rupiah figure with
  rupiah figures of the role the words before it give: «realisasi (anggaran)» spending,
  «sisa» the remainder, «anggaran» / «pagu» / «alokasi» the budget in force (a stage's
  budget only where the sentence names the stage: «murni», «pergeseran», «perubahan»,
  «RKA», «Renja»; another stage's figure is still no contradiction); the totals of
  belanja per jenis only in a sentence that speaks of «jenis belanja». Any other figure
  is compared with the indicators' values (their Renstra targets of every year too), the
  efficiency ratios and the evaluation scores.
- **Equal** when the computed figure rounded the agency's way to the typed decimals is the
  typed number: Lampung Barat rounds, so «130 %» is 130,07 % and «110 %» is not 110,89 %
  (that is 111); Bandar Lampung truncates, so «18,83» is not 18,829… (18,82). A typed
  figure with fewer decimals than the report shows is a contradiction unless it equals
  the computed one so rounded.
- **A figure the sentence does not name.** A number typed to two or more decimals that is
  exactly a figure of the same kind of any other entity of the report is no contradiction:
  «Dinas … capaian 103,97 %» speaks of an indicator it does not name, not wrongly of the
  agency's average.
- **A contradiction** is a typed number equal to none of the compared figures and within
  5 % of one of them (relative to the computed figure): close enough to be meant as that
  figure, far enough from the others to be a different one. «135.3 %» against 130,07 %
  is 4,0 % off; a «prioritas» sum of half the budget is not close to the total. The
  closest figure is the one reported.
- **Predikat.** An evaluation's letter («AA», «BB», «B+», «C») right after «predikat»,
  «nilai» or «kategori» in a sentence about the SAKIP evaluation is compared with the
  predikat of the evaluations in scope; «B+» is no predikat of the scale and contradicts
  «BB» of 2021. The latest evaluation in scope is the one reported.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from inti.angka import bulatkan, format_angka
from sakip.lkjip import rujukan
from sakip.lkjip.isi import ANGKA, NILAI, PERSEN, POLA_PENANDA, POLA_RUJUKAN, RASIO, RUPIAH, Tabel, Teks
from sakip.lkjip.isi import kode_rujukan as _kode

if TYPE_CHECKING:
    from sakip.lkjip.susun import Dokumen

BATAS_DEKAT = Decimal("0.05")  # «close»: within 5 % of the computed figure
JANGKAR_MIN = Decimal(1_000_000)  # a rupiah figure typed exactly names its entity from here up

TOTAL = "total"
_TINGKAT = ("indikator", "sasaran", "program", "kegiatan", "sub_kegiatan", "evaluasi")
# The budget stages as a sentence names them, which are their short names in the codes.
_TAHAP_KATA = ("murni", "pergeseran", "perubahan", "rka", "renja")

# A number as Indonesian text writes it, not glued to a word, a slash or another number.
_ANGKA = re.compile(
    r"(?:(?<=Rp)|(?<=Rp\.)|(?<![\w.,/]))"
    r"(?P<tanda>[-\u2212](?=\d))?"
    r"(?P<angka>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d+|\d+)"
    r"(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_BERKELOMPOK = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # thousands groups: «18.265.491.430»
_SEBELUM_RP = re.compile(r"rp\.?\s*$", re.IGNORECASE)
_PERSEN = re.compile(r"^\s*(?:%|persen\b)", re.IGNORECASE)
_SKALA = {"triliun": 12, "milyar": 9, "miliar": 9, "juta": 6}
_SESUDAH_SKALA = re.compile(r"^\s*(triliun|milyar|miliar|juta)\b", re.IGNORECASE)
_SESUDAH_RUPIAH = re.compile(r"^\s*(?:triliun|milyar|miliar|juta)?\s*rupiah\b", re.IGNORECASE)
# Words after which a number is a numbering, a date or a regulation, never a figure.
_BUKAN_SESUDAH = re.compile(
    r"\b(?:tabel|gambar|grafik|bagan|bab|lampiran|nomor|no|pasal|ayat|halaman|hal|tahun|"
    r"triwulan|tw|perbup|perwali|perda|pp|uu|permenpan|permendagri|kepmen|sk)\.?\s*$",
    re.IGNORECASE,
)
_SINGKATAN = {
    "rp",
    "no",
    "kab",
    "kec",
    "prov",
    "dll",
    "dsb",
    "dkk",
    "hal",
    "drs",
    "ir",
    "dr",
    "st",
    "sd",
    "tgl",
    "nip",
}
_KALIMAT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'(])")
_BUTIR = re.compile(r"^(?:[-•]\s+|(?:\d+|[a-zA-Z])[.)]\s+)")
_PERAN = re.compile(
    r"\b(realisasi(?:\s+anggaran|\s+keuangan|\s+belanja)?|terealisasi|sisa(?:\s+anggaran)?|anggaran|pagu|alokasi)\b",
    re.IGNORECASE,
)
_BICARA_ANGKA = re.compile(
    r"\b(?:capaian|tercapai|mencapai|realisasi|terealisasi|target|anggaran|serapan|penyerapan|nilai|predikat)\b",
    re.IGNORECASE,
)
_TOTAL_KATA = re.compile(r"\b(?:total|keseluruhan)\b", re.IGNORECASE)
_EVALUASI_KATA = re.compile(r"\bsakip\b|\bakuntabilitas\s+kinerja\b", re.IGNORECASE)
_JENIS_BELANJA = re.compile(r"\bjenis\s+belanja\b|\bbelanja\s+per\s+jenis\b", re.IGNORECASE)
# An indicator's figures a sentence must speak of to mean them: the Renstra's targets, the
# years before, the province's and nation's, the quarters'. A «135.3 %» in a sentence on the
# capaian is not the capaian against the Renstra target that happens to be 135,32 %.
_KONTEKS = {
    "renstra": re.compile(r"\brenstra\b|\brencana\s+strategis\b|\bakhir\b", re.IGNORECASE),
    "lalu": re.compile(
        r"\bdibanding|\bsebelum|\blalu\b|\bkemajuan\b|\bpeningkatan\b|\bkenaikan\b|\bpenurunan\b",
        re.IGNORECASE,
    ),
    "pembanding": re.compile(r"\bprovinsi\b|\bnasional\b", re.IGNORECASE),
    "triwulan": re.compile(r"\btriwulan\b|\btw\b", re.IGNORECASE),
}
_TAHUN = re.compile(r"\b(19\d\d|20\d\d)\b")
_PREDIKAT = re.compile(
    r"\b(?i:predikat|nilai|kategori)\b(?:\s+(?i:nilai|kategori))*\s*[\"'\u201c\u2018«]?"
    r"(?P<huruf>AA|BB|CC|[ABCD][+-]?)(?![\w+-])"
)


@dataclass(frozen=True)
class Temuan:
    """A typed figure that contradicts the data, where it is and what the data says."""

    tempat: str  # the section as the reader sees it: «BAB IV A. Capaian Kinerja Organisasi»
    narasi: str  # the narrative's key; "" for a text a block wrote (a sasaran's analysis)
    judul: str  # the narrative's or the text's own title
    kalimat: str  # the sentence, references filled in as the report prints them
    ketik: str  # the number as typed: «135.3%»
    nilai_ketik: str  # the same, Indonesian: «135,3 %»
    nilai_hitung: str  # the computed figure as the report prints it: «130,07 %»
    kode: str  # the reference that prints the computed figure
    objek: str  # what the figure belongs to
    label: str  # which figure of it
    narasi_pk: int | None = None  # the `Narasi` row, for a link to its editor
    sasaran_pk: int | None = None  # a sasaran's analysis: the sasaran, for its analysis screen

    @property
    def dibaca(self) -> str:
        """How the typed number was read, where that is not plain from the text: «135,3 %»
        for «135.3%», "" for «117,03%»."""
        return "" if self.ketik.replace(" ", "") == self.nilai_ketik.replace(" ", "") else self.nilai_ketik

    @property
    def pesan(self) -> str:
        return (
            f"Tertulis {self.nilai_ketik}, dihitung {self.nilai_hitung} "
            f"({self.label}, {self.objek}); rujukan {{{{{self.kode}}}}}"
        )


@dataclass(frozen=True)
class _Calon:
    """A computed figure a typed number may be compared with."""

    kode: str
    jenis: str
    nilai: Decimal
    peran: str = ""  # rupiah: anggaran / realisasi / sisa / belanja
    tahap: str = ""  # a budget stage's short name, "" for the budget in force
    persen: bool = False  # an indicator's value measured in %
    dilaporkan: bool = True  # False: no contradiction if equal, but never the one reported
    konteks: str = ""  # what the sentence must speak of for this figure (`_KONTEKS`)


class _Katalog:
    """The catalogue arranged for the check: each entity's codes, name and unit, its figures
    built when a sentence first is about it (`calon`). A report at 10x holds some 65 000 codes
    and its narrative speaks of a few hundred entities: the work follows the narrative."""

    def __init__(self, dokumen: "Dokumen"):
        data = dokumen.data
        self.tahun = data.tahun
        self.kode: dict[str, list] = {}  # entity → its (code, Rujukan), in the catalogue's order
        self.nama: dict[str, str] = {}  # normalised name (two words or more) → entity
        normal = {}  # an entity's some forty codes share its name: normalised once
        for kode, r in dokumen.daftar_rujukan.items():
            entitas = _entitas(kode)
            if entitas is None:
                continue  # the numbered tables' and charts' belong to no entity
            self.kode.setdefault(entitas, []).append((kode, r))
            if entitas != TOTAL and not entitas.startswith("evaluasi") and r.objek not in normal:
                normal[r.objek] = _normal(r.objek)
                if len(normal[r.objek].split()) >= 2:
                    self.nama.setdefault(normal[r.objek], entitas)
        self.panjang_nama = max((len(n.split()) for n in self.nama), default=0)
        self.renstra: dict[str, list] = {}  # indicator entity → its rows' Renstra targets
        for i in data.semua_indikator():
            self.renstra.setdefault(f"indikator.{i.indikator.pk}", []).append(i.target_renstra)
        self.evaluasi = [e for e in self.kode if e.startswith("evaluasi.")]
        self.predikat: dict[int, str] = {}  # evaluation year → predikat
        for e in self.evaluasi:
            for kode, r in self.kode[e]:
                if kode.rsplit(".", 1)[1] == "predikat" and r.nilai:
                    self.predikat[int(e.split(".")[1])] = str(r.nilai)
        self.anak = {  # sasaran → its indicators
            f"sasaran.{s.sasaran.pk}": [f"indikator.{i.indikator.pk}" for i in s.indikator]
            for s in data.sasaran
        }
        nama = _normal(data.instansi.nama)
        pendek = [nama.split(p)[0] + " " for p in (" kabupaten ", " kota ") if p in nama]
        self.instansi = [nama, *pendek]  # the agency's name, long and short
        self._satuan: dict[str, str] = {}
        self._calon: dict[str, list[_Calon]] = {}

    def disebut(self, normal: str) -> set[str]:
        """The entities whose names a normalised sentence contains: its runs of words looked
        up in `nama`, as many as the longest name has."""
        kata = normal.split()
        return {
            self.nama[n]
            for awal in range(len(kata))
            for akhir in range(awal + 2, min(len(kata), awal + self.panjang_nama) + 1)
            if (n := " " + " ".join(kata[awal:akhir]) + " ") in self.nama
        }

    def satuan(self, entitas: str) -> str:
        """An indicator's unit, normalised; "" for the rest."""
        self.calon(entitas)
        return self._satuan.get(entitas, "")

    def calon(self, entitas: str) -> list[_Calon]:
        """The figures of an entity a typed number may be compared with."""
        if entitas in self._calon:
            return self._calon[entitas]
        kode_entitas = self.kode.get(entitas, [])
        for kode, r in kode_entitas:
            if kode.endswith(".satuan") and isinstance(r.nilai, str):
                self._satuan[entitas] = _normal(r.nilai)
        satuan = self._satuan.get(entitas, "")
        hasil = self._calon[entitas] = []
        for kode, r in kode_entitas:
            nilai = r.nilai
            if not isinstance(nilai, (Decimal, int)) or isinstance(nilai, bool):
                continue
            ukuran = kode.rsplit(".", 1)[1]
            if r.jenis == ANGKA and not (entitas.startswith("evaluasi") and ukuran == "nilai"):
                continue  # counts of items are not figures a sentence contradicts
            peran, tahap = _peran(ukuran) if r.jenis == RUPIAH else ("", "")
            persen = r.jenis == NILAI and _persen(satuan)
            konteks = _konteks(ukuran, self.tahun) if entitas.startswith("indikator.") else ""
            hasil.append(_Calon(kode, r.jenis, Decimal(nilai), peran, tahap, persen, konteks=konteks))
        for target_renstra in self.renstra.get(entitas, []):
            # Every year's Renstra target: typed in a sentence on the Renstra, it is no contradiction.
            for t, nilai in target_renstra.items():
                if nilai is not None:
                    kode = f"{entitas}.target_renstra_{t}"
                    hasil.append(
                        _Calon(
                            kode,
                            NILAI,
                            Decimal(nilai),
                            persen=_persen(satuan),
                            dilaporkan=False,
                            konteks=f"renstra {t}",
                        )
                    )
        return hasil

    def semua(self) -> Iterator[tuple[str, list[_Calon]]]:
        """Every entity with its figures: for a typed figure that may be any entity's."""
        for entitas in dict.fromkeys([*self.kode, *self.renstra]):
            yield entitas, self.calon(entitas)


def _normal(teks: str) -> str:
    teks = re.sub(r"[^\w%]+", " ", teks.casefold())
    return " " + re.sub(r"\bpresentase\b", "persentase", teks).strip() + " "


def _entitas(kode: str) -> str | None:
    """The entity a figure's code belongs to: «indikator.5» of «indikator.5.capaian»."""
    tingkat = kode.partition(".")[0]
    if tingkat == TOTAL:
        return TOTAL
    kedua = kode.find(".", len(tingkat) + 1) if tingkat in _TINGKAT else -1
    return kode[:kedua] if kedua > 0 else None


def _peran(ukuran: str) -> tuple[str, str]:
    if ukuran == "anggaran":
        return "anggaran", ""
    if ukuran.startswith("anggaran_"):
        return "anggaran", ukuran.removeprefix("anggaran_")
    if ukuran.startswith("belanja_"):
        return "belanja", ""
    if ukuran.startswith("realisasi"):
        return "realisasi", ""
    return ukuran, ""


def _persen(satuan: str) -> bool:
    return "%" in satuan or " persen " in satuan


@functools.cache
def _konteks(ukuran: str, tahun: int) -> str:
    """What a sentence must speak of for an indicator's figure `ukuran`: a `_KONTEKS` key
    and the years that name it as well, "" for the year's own figures. Remembered: some
    thirty figures per indicator ask it, and there are few `ukuran`."""
    if ukuran in ("capaian_renstra", "target_renstra", "target_akhir", "capaian_akhir"):
        return "renstra"
    if ukuran in ("target_lalu", "realisasi_lalu", "capaian_lalu", "banding_lalu"):
        return f"lalu {tahun - 1}"
    lalu = re.fullmatch(r"realisasi_(\d{4})", ukuran)
    if lalu:
        return f"lalu {lalu.group(1)}"
    if ukuran in ("provinsi", "nasional"):
        return "pembanding"
    return "triwulan" if re.fullmatch(r"(target|realisasi|capaian)_tw\d", ukuran) else ""


def _dalam_konteks(c: _Calon, kalimat: str, tahun: set[str]) -> bool:
    if not c.konteks:
        return True
    kata, *tahun_sendiri = c.konteks.split()
    return bool(_KONTEKS[kata].search(kalimat) or tahun & set(tahun_sendiri))


@dataclass(frozen=True)
class _Ketik:
    """A typed number: as written, its value, its decimals and what it is written as."""

    teks: str
    nilai: Decimal
    desimal: int
    persen: bool
    rupiah: bool
    skala: int  # the power of ten a «milyar» / «juta» after it means, 0 without one
    satuan: str  # the text after it, normalised, to recognise an indicator's unit
    awal: int  # where it starts in the sentence
    berkelompok: bool  # written with thousands groups: «18.265.491.430»

    def tampil(self) -> str:
        """The typed number written the Indonesian way: «135.3%» → «135,3 %»."""
        teks = format_angka(self.nilai, self.desimal)
        skala = next((kata for kata, n in _SKALA.items() if n == self.skala), "") if self.skala else ""
        if self.persen:
            return f"{teks} %"
        if self.rupiah:
            return f"Rp {teks}" + (f" {skala}" if skala else "")
        return f"{teks} {skala}".strip()


def _baca(teks: str) -> tuple[Decimal, int]:
    """A number's value and typed decimals, by the rules of the module docstring."""
    if _BERKELOMPOK.fullmatch(teks):
        bulat, _, pecahan = teks.partition(",")
        return Decimal(bulat.replace(".", "") + ("." + pecahan if pecahan else "")), len(pecahan)
    if "," in teks:
        return Decimal(teks.replace(",", ".")), len(teks.split(",")[1])
    if "." in teks:
        return Decimal(teks), len(teks.split(".")[1])
    return Decimal(teks), 0


def _angka_dalam(kalimat: str) -> list[_Ketik]:
    hasil = []
    for cocok in _ANGKA.finditer(kalimat):
        sebelum, sesudah = kalimat[: cocok.start()], kalimat[cocok.end() :]
        if _BUKAN_SESUDAH.search(sebelum):
            continue
        nilai, desimal = _baca(cocok.group("angka"))
        if cocok.group("tanda") and (not sebelum or sebelum[-1].isspace() or sebelum[-1] == "("):
            nilai = -nilai
        skala = _SESUDAH_SKALA.match(sesudah)
        persen = _PERSEN.match(sesudah)
        rp = _SEBELUM_RP.search(sebelum)
        hasil.append(
            _Ketik(
                teks=(rp.group(0) if rp else "") + cocok.group(0) + (persen.group(0) if persen else ""),
                nilai=nilai,
                desimal=desimal,
                persen=bool(persen),
                rupiah=bool(rp or _SESUDAH_RUPIAH.match(sesudah)),
                skala=_SKALA[skala.group(1).lower()] if skala else 0,
                satuan=_normal(sesudah[:40]),
                awal=cocok.start(),
                berkelompok=bool(_BERKELOMPOK.fullmatch(cocok.group("angka"))),
            )
        )
    return hasil


def _kalimat(teks: str) -> list[str]:
    """The sentences of a text: per paragraph and list item, cut at full stops."""
    hasil = []
    for paragraf in re.split(r"\n\s*\n", teks.replace("\r\n", "\n")):
        unit, biasa = [], []
        for g in (g.strip() for g in paragraf.splitlines()):
            if not g or POLA_PENANDA.match(g):
                continue
            if _BUTIR.match(g):
                unit += [" ".join(biasa), _BUTIR.sub("", g)]
                biasa = []
            else:
                biasa.append(g)
        unit.append(" ".join(biasa))
        for u in filter(None, unit):
            kalimat: list[str] = []
            for p in _KALIMAT.split(u):
                akhir = re.search(r"(\w+)\.$", kalimat[-1]) if kalimat else None
                if akhir and (akhir.group(1).casefold() in _SINGKATAN or len(akhir.group(1)) == 1):
                    kalimat[-1] += " " + p
                else:
                    kalimat.append(p)
            hasil += kalimat
    return hasil


def _lingkup(kalimat: str, ketik: list[_Ketik], kode: list[str], k: _Katalog, subjek, mode) -> set[str]:
    """The entities a sentence is about (the module docstring's «What a sentence is about»)."""
    normal = _normal(kalimat)
    hasil = k.disebut(normal)
    if any(n in normal for n in k.instansi) or _TOTAL_KATA.search(kalimat):
        hasil.add(TOTAL)
    if _EVALUASI_KATA.search(kalimat):
        ada = {int(e.split(".")[1]) for e in k.evaluasi if k.calon(e)} | set(k.predikat)
        disebut = {int(t) for t in _TAHUN.findall(kalimat)} & ada
        hasil |= {f"evaluasi.{t}" for t in disebut or ada}
    hasil |= {e for e in map(_entitas, kode) if e}
    for t in ketik:
        if (t.rupiah or t.berkelompok) and t.nilai * 10**t.skala >= JANGKAR_MIN:
            hasil |= {
                e for e, calon in k.semua() if any(c.jenis == RUPIAH and _sama(t, c, mode) for c in calon)
            }
    if subjek and _BICARA_ANGKA.search(kalimat):
        hasil.add(subjek)
    return hasil | {i for e in hasil for i in k.anak.get(e, [])}


def _skala(t: _Ketik, c: _Calon) -> int:
    return t.skala if c.jenis == RUPIAH else 0


def _sama(t: _Ketik, c: _Calon, mode) -> bool:
    """Equal at the typed precision, the computed figure rounded the agency's way."""
    return bulatkan(c.nilai.scaleb(-_skala(t, c)), mode, t.desimal) == t.nilai


def _selisih(t: _Ketik, c: _Calon) -> Decimal | None:
    """How far the typed number is from the computed figure, relative to it."""
    if c.nilai == 0:
        return None
    return abs(t.nilai.scaleb(_skala(t, c)) - c.nilai) / abs(c.nilai)


def _sebanding(t: _Ketik, c: _Calon, peran: str | None, satuan: str, jenis_belanja: bool) -> bool:
    """Whether the typed number is written as the kind of figure `c` is."""
    if t.persen:
        return c.jenis == PERSEN or c.persen
    unit = len(satuan.split()) > 0 and t.satuan.startswith(satuan)
    if c.jenis == RUPIAH:
        if not (t.rupiah or t.skala or t.berkelompok) or (c.peran == "belanja" and not jenis_belanja):
            return False
        return peran is None or c.peran == peran or (peran == "anggaran" and c.peran == "belanja")
    if c.jenis == NILAI:
        return unit or (not t.rupiah and not t.skala and (t.desimal > 0 or t.berkelompok))
    return c.jenis in (RASIO, ANGKA) and not t.rupiah and not t.skala and t.desimal > 0


def _figur_lain(t: _Ketik, k: _Katalog, peran, jenis_belanja: bool, mode) -> bool:
    """Whether a number typed to two or more decimals is exactly a figure of the report
    that the sentence does not name: then it speaks of that, not wrongly of what it names."""
    return any(
        _sebanding(t, c, peran, k.satuan(e), jenis_belanja) and _sama(t, c, mode)
        for e, calon in k.semua()
        for c in calon
    )


def _peran_sebelum(kalimat: str, awal: int) -> str | None:
    """The role the words before a rupiah figure give it: realisasi, sisa or anggaran."""
    kata = [c.group(1).casefold() for c in _PERAN.finditer(kalimat[:awal])]
    if not kata:
        return None
    if kata[-1].startswith(("realisasi", "terealisasi")):
        return "realisasi"
    return "sisa" if kata[-1].startswith("sisa") else "anggaran"


@dataclass(frozen=True)
class _Tempat:
    tempat: str
    narasi: str
    judul: str
    narasi_pk: int | None
    sasaran_pk: int | None


def _periksa_kalimat(
    kalimat: str, tampil: str, subjek, k: _Katalog, daftar, pengaturan, tempat
) -> list[Temuan]:
    kode = [_kode(c.group(1)) for c in POLA_RUJUKAN.finditer(kalimat)]
    polos = POLA_RUJUKAN.sub(" \u27e8rujukan\u27e9 ", kalimat)  # a reference is never a typed figure
    ketik = _angka_dalam(polos)
    lingkup = _lingkup(polos, ketik, kode, k, subjek, pengaturan.pembulatan)
    if not lingkup:
        return []
    normal = _normal(polos)
    tahap = {kata for kata in _TAHAP_KATA if f" {kata} " in normal}
    jenis_belanja = bool(_JENIS_BELANJA.search(polos))
    tahun_disebut = set(_TAHUN.findall(polos))
    hasil = []

    def temuan(ketik_teks, nilai_ketik, kode_calon, nilai_hitung):
        r = daftar[kode_calon]
        return Temuan(
            tempat.tempat,
            tempat.narasi,
            tempat.judul,
            tampil,
            ketik_teks,
            nilai_ketik,
            nilai_hitung,
            kode_calon,
            r.objek,
            r.label,
            tempat.narasi_pk,
            tempat.sasaran_pk,
        )

    for t in ketik:
        peran = _peran_sebelum(polos, t.awal) if (t.rupiah or t.skala or t.berkelompok) else None
        calon = [
            c
            for e in sorted(lingkup)
            for c in k.calon(e)
            if _sebanding(t, c, peran, k.satuan(e), jenis_belanja) and _dalam_konteks(c, polos, tahun_disebut)
        ]
        if not calon or any(_sama(t, c, pengaturan.pembulatan) for c in calon):
            continue
        if t.desimal >= 2 and _figur_lain(t, k, peran, jenis_belanja, pengaturan.pembulatan):
            continue
        dekat = [
            (s, n, c)
            for n, c in enumerate(calon)
            if c.dilaporkan and (not c.tahap or c.tahap in tahap)
            for s in [_selisih(t, c)]
            if s is not None and s <= BATAS_DEKAT
        ]
        if dekat:
            c = min(dekat)[2]
            hasil.append(temuan(t.teks, t.tampil(), c.kode, _tampil_hitung(c, daftar, pengaturan)))
    if _EVALUASI_KATA.search(polos):
        tahun = sorted(
            int(e.split(".")[1])
            for e in lingkup
            if e.startswith("evaluasi.") and int(e.split(".")[1]) in k.predikat
        )
        for cocok in _PREDIKAT.finditer(polos):
            huruf = cocok.group("huruf")
            if not tahun or huruf in {k.predikat[th] for th in tahun}:
                continue
            # The year written last before the letter is the one it is given for.
            sebelum = [int(th) for th in _TAHUN.findall(polos[: cocok.start()]) if int(th) in tahun]
            th = sebelum[-1] if sebelum else tahun[-1]
            hasil.append(temuan(huruf, f"«{huruf}»", f"evaluasi.{th}.predikat", f"«{k.predikat[th]}»"))
    return hasil


def _tampil_hitung(c: _Calon, daftar, pengaturan) -> str:
    teks = daftar[c.kode].teks(pengaturan)
    if c.jenis == RUPIAH:
        return f"Rp {teks}"
    return f"{teks} %" if c.persen else teks


def _subjek(item, data, tempat_subjek):
    """The sasaran a section's texts are about from here on: its capaian table or its
    heading in the per-sasaran analysis; else what it was."""
    if isinstance(item, Tabel):
        nomor = re.fullmatch(r"capaian-sasaran-(\d+)", item.kunci or "")
        if nomor and int(nomor.group(1)) <= len(data.sasaran):
            return f"sasaran.{data.sasaran[int(nomor.group(1)) - 1].sasaran.pk}"
    if isinstance(item, Teks) and not item.teks.strip() and item.judul:
        for s in data.sasaran:
            if _normal(s.sasaran.uraian) in _normal(item.judul):
                return f"sasaran.{s.sasaran.pk}"
    return tempat_subjek


def periksa(dokumen: "Dokumen") -> list[Temuan]:
    """Every typed figure of the report's narratives that contradicts the data, in reading
    order. Reads the assembled report and its catalogue only: no query."""
    k, daftar = _Katalog(dokumen), dokumen.daftar_rujukan
    data, hasil = dokumen.data, []
    tempat_lalu, subjek = None, None
    for tempat, _, item in rujukan._semua_isi(dokumen):
        if tempat != tempat_lalu:
            tempat_lalu, subjek = tempat, None
        subjek = _subjek(item, data, subjek)
        if not isinstance(item, Teks) or not item.teks.strip():
            continue
        narasi = data.narasi.get(item.kunci) if item.kunci else None
        judul = narasi.judul if narasi else item.judul
        sasaran_pk = int(subjek.split(".")[1]) if subjek and not item.kunci else None
        tempat_teks = _Tempat(tempat, item.kunci, judul, getattr(narasi, "pk", None), sasaran_pk)
        for kalimat in _kalimat(item.teks):
            tampil = POLA_RUJUKAN.sub(
                lambda c, t=item.terjemah: t.get(_kode(c.group(1)), c.group(0)), kalimat
            )
            hasil += _periksa_kalimat(kalimat, tampil, subjek, k, daftar, data.pengaturan, tempat_teks)
    return hasil
