"""Checks a document's stated derived figures against the computed ones and the errata.

Each fixture test lists the figures its document states (a total, a percentage, a
capaian) with what the application computes from the detailed data. A stated figure
must either equal the computed one, rounded to the decimals the document prints with
the agency's rounding mode, or be listed under its `id` in `fixtures/ERRATA.md`, with
the computed figure written down as the application shows it. A listed figure that no
longer differs fails as well, so the errata stay exactly as long as they need to be.

The errata file has one section per fixture (`## lampung_barat_2023`) with two tables:
`### Selisih perhitungan` (`id | tabel | baris | dokumen | dihitung | penyebab`) and
`### Target berbeda antar tabel` (`indikator | tabel | nilai | disimpan sebagai`).
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from inti.angka import Pembulatan, bulatkan, format_angka, parse_angka
from kinerja.hitung import TidakTerhitung

ERRATA = Path(__file__).resolve().parent.parent / "fixtures" / "ERRATA.md"


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


def tabel_errata(bagian: str, judul: str, lebar: int) -> list[list[str]]:
    """The rows of the markdown table under `### <judul>` in section `## <bagian>`."""
    teks = ERRATA.read_text(encoding="utf-8")
    cocok = re.search(rf"^## {re.escape(bagian)}\s*$(.*?)(?=^## |\Z)", teks, re.M | re.S)
    tabel = cocok and re.search(rf"^### {re.escape(judul)}\s*$(.*?)(?=^### |\Z)", cocok.group(1), re.M | re.S)
    if not tabel:
        return []
    hasil = []
    for garis in tabel.group(1).splitlines():
        sel = [s.strip() for s in garis.strip().strip("|").split("|")]
        if len(sel) == lebar and garis.lstrip().startswith("|") and not set(sel[0]) <= {"-", ":"}:
            hasil.append(sel)
    return hasil[1:]  # without the header row


def baca_errata(bagian: str) -> dict[str, Erratum]:
    """The differences listed for a document, by id."""
    return {sel[0]: Erratum(*sel) for sel in tabel_errata(bagian, "Selisih perhitungan", 6)}


def baca_target_berbeda(bagian: str) -> list[dict[str, str]]:
    """The targets printed differently in different tables, and where each is stored."""
    kolom = ("indikator", "tabel", "nilai", "disimpan")
    return [
        dict(zip(kolom, sel, strict=True)) for sel in tabel_errata(bagian, "Target berbeda antar tabel", 4)
    ]


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


def periksa(
    bagian: str, daftar: list[Angka], mode: str = Pembulatan.SETENGAH_KE_ATAS, lengkap: bool = True
) -> list[str]:
    """Every problem with `daftar` against the errata section `bagian`; empty when all is well.

    With `lengkap` (all of a document's stated figures at once) an erratum that no figure of
    `daftar` checks is a problem too; a test of one table passes `lengkap=False`.
    """
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
    if lengkap:
        for sisa in sorted(set(errata) - set(ids)):
            masalah.append(f"{sisa}: ada di errata tetapi tidak diperiksa oleh tes mana pun")
    return masalah
