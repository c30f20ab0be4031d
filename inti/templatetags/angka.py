"""Template filters that show numbers the Indonesian way: `1.200,87`, `Rp 18.424.991.230`,
`103,97 %`. A value that could not be computed shows why (e.g. «Belum diukur»).
"""

from decimal import Decimal

from django import template

from inti import angka as fmt
from inti.forms import format_masukan

register = template.Library()


def _tampil(nilai, formatter):
    if nilai is None or nilai == "":
        return "–"
    if isinstance(nilai, (Decimal, int)) and not isinstance(nilai, bool):
        return formatter(Decimal(nilai))
    return str(nilai)


@register.filter
def angka(nilai, desimal=2):
    """`{{ x|angka }}` -> `1.200,87`; `{{ x|angka:0 }}` -> `1.201`."""
    return _tampil(nilai, lambda d: fmt.format_angka(d, int(desimal)))


@register.filter
def rupiah(nilai):
    """`{{ x|rupiah }}` -> `Rp 18.424.991.230`."""
    return _tampil(nilai, fmt.format_rupiah)


@register.filter
def persen(nilai, desimal=2):
    """`{{ x|persen }}` -> `103,97 %`."""
    return _tampil(nilai, lambda d: fmt.format_persen(d, int(desimal)))


@register.simple_tag
def angka_instansi(nilai, pengaturan):
    """A figure cut the agency's way: `{% angka_instansi x pengaturan %}`."""
    return _tampil(nilai, lambda d: fmt.format_angka(d, pengaturan.desimal, pengaturan.pembulatan))


@register.simple_tag
def persen_instansi(nilai, pengaturan):
    """A percentage cut the agency's way: `{% persen_instansi x pengaturan %}`."""
    return _tampil(nilai, lambda d: fmt.format_persen(d, pengaturan.desimal, pengaturan.pembulatan))


@register.filter
def masukan(nilai):
    """A stored figure as it was typed: `Decimal("74.0000")` -> `74`, `18.8300` -> `18,83`."""
    return _tampil(nilai, format_masukan)


@register.simple_tag
def nilai_instansi(nilai, pengaturan, indikator=None):
    """An indicator value with the decimals the indicator states, else the agency's way with
    whole numbers whole: `{% nilai_instansi x pengaturan indikator %}`."""
    tetap = getattr(indikator, "desimal", None)
    return _tampil(nilai, lambda d: fmt.format_nilai(d, pengaturan.desimal, pengaturan.pembulatan, tetap))
