"""The pieces a report section is made of: tables, charts and texts, as plain data.

Tables keep raw values (`Decimal`, not formatted strings) with the kind of each cell, so
one template shows them the Indonesian way in HTML and PDF, and a spreadsheet export can
write real numbers from the same rows.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

# How a cell's value is shown: text; a computed figure (the agency's decimals); a stored
# figure (as entered, computed ones cut to the agency's decimals); rupiah; a percentage;
# a ratio such as Lampung Barat's efficiency.
TEKS, ANGKA, NILAI, RUPIAH, PERSEN, RASIO = "teks", "angka", "nilai", "rupiah", "persen", "rasio"


@dataclass(frozen=True)
class Sel:
    nilai: object = ""
    jenis: str = TEKS
    colspan: int = 1
    rowspan: int = 1
    tebal: bool = False
    tautan: str = ""
    desimal: int | None = None  # an indicator's value: the decimals the indicator states

    @property
    def angka(self) -> bool:
        return self.jenis != TEKS and isinstance(self.nilai, Decimal)


def sel(nilai, jenis: str = TEKS, **kw) -> Sel:
    """A cell; None shows as a dash."""
    return Sel("–" if nilai is None else nilai, jenis, **kw)


def nilai_indikator(i, nilai, **kw) -> Sel:
    """A cell of an indicator's own value (a target, a realisation) for `i`, a measured
    indicator of the report: shown with the decimals the indicator states, so that every
    table and screen shows it alike."""
    return sel(nilai, NILAI, desimal=i.indikator.desimal, **kw)


def teks_sel(*nilai, tebal=False) -> list[Sel]:
    return [Sel(n, TEKS, tebal=tebal) for n in nilai]


@dataclass
class Tabel:
    judul: str
    kepala: list[list[Sel]]
    baris: list[list[Sel]]
    kaki: list[list[Sel]] = field(default_factory=list)
    sumber: str = ""
    # Landscape or not: `render.tata_letak` measures every table of the report; a table
    # shown without it (None) goes landscape above seven columns.
    lebar: bool | None = None
    rapat: bool = False  # printed portrait in smaller type (set by `render.tata_letak`)
    kunci: str = ""
    nomor: str = ""
    tautan: str = ""  # on the web page: where the data behind the table is edited
    blok: str = ""  # the block (`blok.BLOK` key) that built it, for markers and references
    jenis = "tabel"

    @property
    def landscape(self) -> bool:
        if self.lebar is not None:
            return self.lebar
        return max((sum(s.colspan for s in b) for b in self.baris), default=0) > 7


@dataclass
class Grafik:
    """A picture: a chart drawn from data («Grafik»), a diagram drawn from data or an image a
    planner uploaded («Gambar»). Each label has its own count per chapter."""

    judul: str
    svg: str
    kunci: str = ""
    nomor: str = ""
    label: str = "Grafik"
    alt: str = ""  # what the picture shows, for a reader who cannot see it
    blok: str = ""  # the block (`blok.BLOK` key) that built it, for markers and references
    jenis = "grafik"


# A list item as the narrative writes it: "- …", "• …", "1. …", "a. …", "b) …".
_BUTIR = re.compile(r"^(?:[-•]\s+|(?:\d+|[a-zA-Z])[.)]\s+)")
_NOMOR = re.compile(r"^(?:\d+|[a-zA-Z])[.)]\s+")

# A live figure or a table's number in the narrative: «{{indikator.100001.capaian}}»,
# «{{ tabel.capaian-iku }}» (`sakip.lkjip.rujukan` says which codes exist).
POLA_RUJUKAN = re.compile(r"\{\{([^{}]*)\}\}")
# A line that places a block or a table there: «[[realisasi-anggaran]]».
POLA_PENANDA = re.compile(r"^\s*\[\[\s*([^\[\]]*?)\s*\]\]\s*$")


# «Rp » right before a reference: the sentence's currency sign, kept on the figure's line.
_RP_SEBELUM = re.compile(r"(\bRp\.?) $")


def kode_rujukan(isi: str) -> str:
    """The code between the braces; spaces anywhere in it are the writer's, not the code's."""
    return re.sub(r"\s+", "", isi)


@dataclass(frozen=True)
class Potongan:
    """A run of narrative text; `salah` marks a reference that points nowhere."""

    teks: str
    salah: bool = False


@dataclass
class Teks:
    """A piece of narrative: a sub-heading, then paragraphs and lists.

    Paragraphs are separated by a blank line; a line that starts like a list item is one
    item of a list, so a paragraph may be an introduction followed by its list. References
    (`{{…}}`) show the text `terjemah` gives them, which the assembly fills in
    (`sakip.lkjip.rujukan.sambungkan`); one it does not give, and a marker line left in the
    text (a marker that placed nothing), show marked, never blank.
    """

    judul: str
    teks: str
    kunci: str = ""  # the narrative's key (`Narasi.kunci`), to say where a reference dangles
    terjemah: dict[str, str] = field(default_factory=dict)
    jenis = "teks"

    @property
    def paragraf(self) -> list[str]:
        teks = self.teks.replace("\r\n", "\n")
        return [p for p in re.split(r"\n\s*\n", teks) if p.strip()]

    def _kalimat(self, teks: str) -> list[Potongan]:
        hasil, awal = [], 0
        for cocok in POLA_RUJUKAN.finditer(teks):
            if cocok.start() > awal:
                # «Rp» and its figure never break across lines: a no-break space joins them.
                hasil.append(Potongan(_RP_SEBELUM.sub("\\1\u00a0", teks[awal : cocok.start()])))
            kode = kode_rujukan(cocok.group(1))
            if kode in self.terjemah:
                hasil.append(Potongan(self.terjemah[kode]))
            else:
                hasil.append(Potongan(f"⟨rujukan tidak dikenal: {kode}⟩", salah=True))
            awal = cocok.end()
        if awal < len(teks):
            hasil.append(Potongan(teks[awal:]))
        return hasil

    @property
    def isi(self) -> list[tuple[str, list[Potongan] | list[list[Potongan]]]]:
        """("paragraf", pieces) and ("daftar", [pieces per item]) in reading order; a list
        whose items carry their own number or letter is ("urut", [pieces per item])."""
        hasil: list[tuple[str, list[Potongan] | list[list[Potongan]]]] = []
        for paragraf in self.paragraf:
            garis = [g.strip() for g in paragraf.splitlines() if g.strip()]
            for butir, kelompok in groupby(garis, key=lambda g: bool(_BUTIR.match(g))):
                if butir:
                    daftar = [re.sub(r"^[-•]\s+", "", g) for g in kelompok]
                    # Items that carry their own number or letter («- a. …» too) keep it
                    # and get no bullet besides.
                    jenis = "urut" if any(_NOMOR.match(g) for g in daftar) else "daftar"
                    hasil.append((jenis, [self._kalimat(g) for g in daftar]))
                    continue
                # A marker still in the text placed nothing (`sakip.lkjip.susun` takes the
                # ones that did out): it shows as its own marked paragraph.
                for penanda, baris in groupby(kelompok, key=lambda g: bool(POLA_PENANDA.match(g))):
                    if penanda:
                        for g in baris:
                            kunci = POLA_PENANDA.match(g).group(1)
                            hasil.append(("paragraf", [Potongan(f"⟨penanda tidak dikenal: {kunci}⟩", True)]))
                    else:
                        hasil.append(("paragraf", self._kalimat(" ".join(baris))))
        return hasil

    @property
    def gantung(self) -> list[tuple[str, str]]:
        """What points nowhere: ("rujukan", code) and ("penanda", key), in reading order."""
        hasil = []
        for paragraf in self.paragraf:
            for g in paragraf.splitlines():
                penanda = POLA_PENANDA.match(g)
                if penanda:
                    hasil.append(("penanda", penanda.group(1)))
                    continue
                for cocok in POLA_RUJUKAN.finditer(g):
                    kode = kode_rujukan(cocok.group(1))
                    if kode not in self.terjemah:
                        hasil.append(("rujukan", kode))
        return hasil
