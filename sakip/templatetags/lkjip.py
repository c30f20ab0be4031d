"""Showing report cells: each value the Indonesian way, cut by the agency's rounding rule."""

from decimal import Decimal

from django import template

from inti.angka import format_angka, format_nilai, format_persen
from sakip.lkjip.isi import ANGKA, NILAI, PERSEN, RASIO, RUPIAH, Sel

register = template.Library()


def tampil_nilai(s: Sel, pengaturan) -> str:
    nilai = s.nilai
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
def tampil(s: Sel, pengaturan) -> str:
    """`{% tampil sel pengaturan %}`"""
    return tampil_nilai(s, pengaturan)
