"""Checks a document's stated derived figures against the computed ones and the errata.

Each fixture test lists the figures its document states (a total, a percentage, a
capaian) with what the application computes from the detailed data. A stated figure
must either equal the computed one, rounded to the decimals the document prints with
the agency's rounding mode, or be listed under its `id` in `fixtures/ERRATA.md`, with
the computed figure written down as the application shows it. A listed figure that no
longer differs fails as well, so the errata stay exactly as long as they need to be.

The errata file has one section per fixture (`## lampung_barat_2023`); the first table
of a section under `### Selisih perhitungan` is read here, its columns being
`id | tabel | baris | dokumen | dihitung | penyebab`.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from instansi.angka import Pembulatan, bulatkan, format_angka, parse_angka
from kinerja.hitung import TidakTerhitung

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class Angka:
    """A figure the document states, and what the application computes for it."""

    id: str
    tabel: str
    baris: str
    dokumen: str
    dihitung: Decimal | TidakTerhitung | None


@dataclass(frozen=True)
class Erratum:
    id: str
    tabel: str
    baris: str
    dokumen: str
    dihitung: str
    penyebab: str


def baca_errata(bagian: str) -> dict[str, Erratum]:
    """The rows of `### Selisih perhitungan` in section `## <bagian>` of the errata files."""
    teks = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("ERRATA*.md")))
    cocok = re.search(rf"^## {re.escape(bagian)}\s*$(.*?)(?=^## |\Z)", teks, re.M | re.S)
    if not cocok:
        return {}
    tabel = re.search(r"^### Selisih perhitungan\s*$(.*?)(?=^### |\Z)", cocok.group(1), re.M | re.S)
    if not tabel:
        return {}
    hasil = {}
    for baris in tabel.group(1).splitlines():
        sel = [s.strip() for s in baris.strip().strip("|").split("|")]
        if len(sel) != 6 or sel[0] in ("id", "") or set(sel[0]) <= {"-", ":"}:
            continue
        hasil[sel[0]] = Erratum(*sel)
    return hasil


def desimal_dokumen(dokumen: str) -> int:
    """How many decimals the document printed (`103,97` -> 2, `7.085.233.615` -> 0)."""
    angka = parse_angka(dokumen)
    return max(0, -angka.as_tuple().exponent)


def tampil(dihitung, desimal: int, mode: str) -> str:
    """The computed figure as the application shows it, at the document's precision."""
    if isinstance(dihitung, Decimal):
        return format_angka(dihitung, desimal, mode)
    return str(dihitung) if dihitung is not None else "–"


def sama(angka: Angka, mode: str) -> bool:
    try:
        dokumen = parse_angka(angka.dokumen)
    except ValueError:
        return tampil(angka.dihitung, 0, mode) == angka.dokumen
    if not isinstance(angka.dihitung, Decimal):
        return False
    return bulatkan(angka.dihitung, mode, desimal_dokumen(angka.dokumen)) == dokumen


def periksa(bagian: str, daftar: list[Angka], mode: str = Pembulatan.SETENGAH_KE_ATAS) -> list[str]:
    """Every problem with `daftar` against the errata section `bagian`; empty when all is well."""
    errata = baca_errata(bagian)
    masalah = []
    ids = [a.id for a in daftar]
    for dobel in {i for i in ids if ids.count(i) > 1}:
        masalah.append(f"{dobel}: id dipakai lebih dari sekali")
    for angka in daftar:
        tercatat = errata.get(angka.id)
        try:
            desimal = desimal_dokumen(angka.dokumen)
        except ValueError:
            desimal = 2
        dihitung = tampil(angka.dihitung, desimal, mode)
        if sama(angka, mode):
            if tercatat:
                masalah.append(f"{angka.id}: tercatat di errata, padahal dokumen {angka.dokumen} = dihitung")
        elif not tercatat:
            masalah.append(
                f"{angka.id} ({angka.tabel}, {angka.baris}): dokumen {angka.dokumen}, "
                f"dihitung {dihitung}, belum tercatat di errata"
            )
        elif (tercatat.dokumen, tercatat.dihitung) != (angka.dokumen, dihitung):
            masalah.append(
                f"{angka.id}: errata mencatat dokumen {tercatat.dokumen} / dihitung {tercatat.dihitung}, "
                f"sekarang dokumen {angka.dokumen} / dihitung {dihitung}"
            )
    for sisa in sorted(set(errata) - set(ids)):
        masalah.append(f"{sisa}: ada di errata tetapi tidak diperiksa oleh tes mana pun")
    return masalah
