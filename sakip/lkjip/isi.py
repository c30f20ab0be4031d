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
    lebar: bool | None = None  # None: landscape when it has more than seven columns
    kunci: str = ""
    nomor: str = ""
    tautan: str = ""  # on the web page: where the data behind the table is edited
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
    jenis = "grafik"


# A list item as the narrative writes it: "- …", "• …", "1. …", "a. …", "b) …".
_BUTIR = re.compile(r"^(?:[-•]\s+|(?:\d+|[a-zA-Z])[.)]\s+)")


@dataclass
class Teks:
    """A piece of narrative: a sub-heading, then paragraphs and lists.

    Paragraphs are separated by a blank line; a line that starts like a list item is one
    item of a list, so a paragraph may be an introduction followed by its list.
    """

    judul: str
    teks: str
    jenis = "teks"

    @property
    def isi(self) -> list[tuple[str, str | list[str]]]:
        """("paragraf", text) and ("daftar", [items]) in reading order."""
        hasil: list[tuple[str, str | list[str]]] = []
        for paragraf in self.teks.split("\n\n"):
            garis = [g.strip() for g in paragraf.splitlines() if g.strip()]
            for butir, kelompok in groupby(garis, key=lambda g: bool(_BUTIR.match(g))):
                if butir:
                    hasil.append(("daftar", [re.sub(r"^[-•]\s+", "", g) for g in kelompok]))
                else:
                    hasil.append(("paragraf", " ".join(kelompok)))
        return hasil
