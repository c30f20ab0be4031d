"""Showing report cells: each value the Indonesian way, cut by the agency's rounding rule.

A figure that cannot be computed for a reason a table may meet many times shows a short
mark in its cell, and the table explains the mark once, under it (`catatan_tabel`).
"""

from decimal import Decimal

from django import template

from inti.angka import format_angka, format_nilai, format_persen
from kinerja.hitung import TidakTerhitung
from sakip.lkjip.isi import ANGKA, NILAI, PERSEN, RASIO, RUPIAH, Sel, Tabel

register = template.Library()

# «Belum diukur» is short and says itself; «Tidak dapat dihitung (pembagi nol)» filled
# Tabel 3.3's cells nine times.
TANDA = {TidakTerhitung.PEMBAGI_NOL: ("–*", "Tidak dapat dihitung karena pembaginya (target atau pagu) nol.")}


def tampil_nilai(s: Sel, pengaturan) -> str:
    nilai = s.nilai
    if isinstance(nilai, TidakTerhitung) and nilai in TANDA:
        return TANDA[nilai][0]
    if not isinstance(nilai, (Decimal, int)) or isinstance(nilai, bool):
        return str(nilai)
    nilai = Decimal(nilai)
    desimal, mode = pengaturan.desimal, pengaturan.pembulatan
    if s.jenis == PERSEN:
        return format_persen(nilai, desimal, mode)
    if s.jenis == RUPIAH:
        return format_angka(nilai, 0 if nilai == nilai.to_integral_value() else 2, mode)
    if s.jenis == NILAI:
        return format_nilai(nilai, desimal, mode, s.desimal)
    if s.jenis == ANGKA and nilai == nilai.to_integral_value():
        return format_angka(nilai, 0, mode)
    if s.jenis in (ANGKA, RASIO):
        return format_angka(nilai, desimal, mode)
    return str(nilai)


@register.simple_tag
def catatan_tabel(tabel: Tabel) -> list[str]:
    """The notes under a table: what each mark its cells show means, once."""
    ada = {s.nilai for b in tabel.baris + tabel.kaki for s in b if isinstance(s.nilai, TidakTerhitung)}
    return [f"{tanda} {arti}" for alasan, (tanda, arti) in TANDA.items() if alasan in ada]


@register.simple_tag
def tampil(s: Sel, pengaturan) -> str:
    """`{% tampil sel pengaturan %}`"""
    return tampil_nilai(s, pengaturan)
