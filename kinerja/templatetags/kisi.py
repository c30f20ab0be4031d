"""The cells of the target grids, written here as HTML instead of through Django's widget
templates: a grid page holds hundreds of inputs, and a template render per input was most
of the page's time (issue 13). One place for the markup of every grid's cells.

Each tag takes the cell (`SelTarget`), its bound fields and whether the person may write:
a writable cell is an input with its hidden version and, after a refused post, its
message; a cell of a locked year shows its figure and posts both fields back unchanged;
a reader sees the figure only.
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

TERKUNCI = mark_safe(' <span class="ringkas" title="Tahun terkunci">(terkunci)</span>')


def _isi(bf) -> str:
    """What the field shows: the posted text after a refused post, else the stored value
    as typed (`format_masukan` through the field's `prepare_value`)."""
    nilai = bf.value()
    return "" if nilai is None else str(nilai)


def _tersembunyi(*bf) -> SafeString:
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}" id="{}">',
        ((b.html_name, _isi(b), b.auto_id) for b in bf),
    )


def _galat(bf) -> tuple[SafeString, SafeString]:
    """The attributes that tie an input to its message, and the message (the first only:
    it names the cell and the value)."""
    if not bf.errors:
        return SafeString(""), SafeString("")
    id_galat = f"{bf.auto_id}_galat"
    return (
        format_html(' aria-invalid="true" aria-describedby="{}"', id_galat),
        format_html('<div class="galat" id="{}">{}</div>', id_galat, bf.errors[0]),
    )


@register.simple_tag
def sel_target(s, nilai, versi, boleh_ubah: bool) -> str:
    """A target cell: an Indonesian number typed as `1.200,87`, with the version it was read at."""
    if not boleh_ubah:
        return s.tampil
    if s.terkunci:
        return format_html("{}{}{}", _tersembunyi(nilai, versi), s.tampil, TERKUNCI)
    aria, galat = _galat(nilai)
    return format_html(
        '<input type="text" name="{}" value="{}" id="{}" aria-label="{}" inputmode="decimal"'
        ' autocomplete="off"{}>{}{}',
        nilai.html_name,
        _isi(nilai),
        nilai.auto_id,
        nilai.field.label,
        aria,
        _tersembunyi(versi),
        galat,
    )


@register.simple_tag
def sel_aksi(s, uraian, versi_aksi, boleh_ubah: bool) -> str:
    """An action plan's cell: what will be done in the quarter, with its version."""
    tampil = linebreaksbr(s.aksi.uraian if s.aksi else "–", autoescape=True)
    if not boleh_ubah:
        return tampil
    if s.terkunci:
        return format_html("{}{}", _tersembunyi(uraian, versi_aksi), tampil)
    aria, galat = _galat(uraian)
    # The newline after the opening tag is eaten by the HTML parser, so text that begins
    # with one keeps it (as Django's own textarea template does).
    return format_html(
        '<textarea name="{}" id="{}" rows="2" cols="40" maxlength="{}" aria-label="{}"{}>\n{}</textarea>{}{}',
        uraian.html_name,
        uraian.auto_id,
        uraian.field.max_length,
        uraian.field.label,
        aria,
        _isi(uraian),
        _tersembunyi(versi_aksi),
        galat,
    )
