"""Showing report cells: each value the Indonesian way, cut by the agency's rounding rule;
and a report's tables as HTML (`tabel_html`), written in Python rather than a template.

A figure that cannot be computed for a reason a table may meet many times shows a short
mark in its cell, and the table explains the mark once, under it (`catatan_tabel`).
"""

import functools
from decimal import Decimal
from html import escape

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

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
    # Keyed by the figure's text: Decimal("1.5") equals Decimal("1.50"), which a stored
    # figure shows as entered.
    return _tampil_angka(str(nilai), s.jenis, s.desimal, pengaturan.desimal, pengaturan.pembulatan)


@functools.lru_cache(maxsize=65536)
def _tampil_angka(teks: str, jenis: str, desimal_sel: int | None, desimal: int, mode) -> str:
    """A figure as shown, remembered: a report formats each cell twice (its table's layout
    measures the text, `render.tata_letak`), and the same figures recur across its tables."""
    nilai = Decimal(teks)
    if jenis == PERSEN:
        return format_persen(nilai, desimal, mode)
    if jenis == RUPIAH:
        return format_angka(nilai, 0 if nilai == nilai.to_integral_value() else 2, mode)
    if jenis == NILAI:
        return format_nilai(nilai, desimal, mode, desimal_sel)
    if jenis == ANGKA and nilai == nilai.to_integral_value():
        return format_angka(nilai, 0, mode)
    if jenis in (ANGKA, RASIO):
        return format_angka(nilai, desimal, mode)
    return str(nilai)


def catatan_tabel(tabel: Tabel) -> list[str]:
    """The notes under a table: what each mark its cells show means, once."""
    ada = {s.nilai for b in tabel.baris + tabel.kaki for s in b if isinstance(s.nilai, TidakTerhitung)}
    return [f"{tanda} {arti}" for alasan, (tanda, arti) in TANDA.items() if alasan in ada]


@register.simple_tag
def tampil(s: Sel, pengaturan) -> str:
    """`{% tampil sel pengaturan %}`"""
    return tampil_nilai(s, pengaturan)


def _rentang(s: Sel, baris: bool = True) -> str:
    """A cell's colspan and (but in a table's foot) rowspan attributes, when it spans."""
    teks = f' colspan="{s.colspan}"' if s.colspan > 1 else ""
    return teks + (f' rowspan="{s.rowspan}"' if baris and s.rowspan > 1 else "")


@register.simple_tag
def baris_html(baris: list[list[Sel]], pengaturan, kaki: bool = False) -> str:
    """`{% baris_html baris pengaturan %}`: rows of data cells, `<tr><td class="jenis">…</td></tr>`;
    a table's foot (`kaki`) is bold throughout, and its cells take no row span."""
    bagian = []
    for b in baris:
        bagian.append("<tr>")
        for s in b:
            kelas = f"{s.jenis} tebal" if kaki or s.tebal else s.jenis
            teks = escape(tampil_nilai(s, pengaturan))
            bagian.append(f'<td class="{escape(kelas)}"{_rentang(s, not kaki)}>{teks}</td>')
        bagian.append("</tr>")
    return mark_safe("".join(bagian))


@register.simple_tag
def tabel_html(tabel: Tabel, pengaturan, web: bool = False) -> str:
    """`{% tabel_html isi pengaturan web %}`: a report table as a `<figure>`, its number and
    title as caption (on the web page, with a link to where its data is changed), its head,
    body and foot, then its notes and its source. Written in Python, one string per table:
    a ten-times report has some 50 000 cells, and a template's tags per cell were most of
    its page's time."""
    kelas = "tabel" + (" lebar" if tabel.landscape else " rapat" if tabel.rapat else "")
    kelas += " utuh" if len(tabel.baris) <= 8 else ""
    tautan = ""
    if web and tabel.tautan:
        tautan = format_html(' <a class="tautan-data" href="{}">ubah data</a>', tabel.tautan)
    kepala = "".join(
        "<tr>"
        + "".join(f"<th{_rentang(s)}>{conditional_escape(localize(s.nilai))}</th>" for s in b)
        + "</tr>"
        for b in tabel.kepala
    )
    kaki = f"<tfoot>{baris_html(tabel.kaki, pengaturan, kaki=True)}</tfoot>" if tabel.kaki else ""
    catatan = "".join(f'<p class="catatan-tabel">{escape(c)}</p>' for c in catatan_tabel(tabel))
    judul = format_html("{} {}", tabel.nomor, tabel.judul)
    sumber = f'<p class="sumber">Sumber: {conditional_escape(tabel.sumber)}</p>' if tabel.sumber else ""
    return mark_safe(
        f'<figure class="{kelas}" id="{slugify(tabel.nomor)}">\n'
        f"  <figcaption>{judul}{tautan}</figcaption>\n"
        "  <table>\n"
        f"    <thead>{kepala}</thead>\n"
        f"    <tbody>{baris_html(tabel.baris, pengaturan)}</tbody>\n"
        f"    {kaki}\n"
        "  </table>\n"
        f"  {catatan}\n"
        f"  {sumber}\n"
        "</figure>\n"
    )
