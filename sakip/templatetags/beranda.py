"""The agency home's indicator table, written in Python rather than a template: a ten-times
agency has 1 500 indicator rows, and a template's tags per cell (a `{% url %}` and three
number formats per row) were most of its page's time. The HTML is what those tags wrote.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from inti.templatetags.angka import nilai_instansi, persen_instansi

register = template.Library()

# A pk no real row has, to cut the realisation screen's URL into what comes before and
# after an indicator's pk: one `reverse` for the table instead of one per row.
_CONTOH_PK = 987654321


def _tingkat(sasaran, indikator) -> str:
    if sasaran:
        return "Sasaran"
    if indikator.program_id:
        return "Program"
    if indikator.kegiatan_id:
        return "Kegiatan"
    if indikator.sub_kegiatan_id:
        return "Sub kegiatan"
    return "Tujuan"


@register.simple_tag
def baris_kinerja(indikator, pengaturan, slug: str, tahun: int, boleh_ubah: bool) -> str:
    """`{% baris_kinerja indikator pengaturan instansi.slug tahun boleh_ubah %}`: one `<tr>`
    per `(sasaran or None, IndikatorTerukur)`: its level and node, name, unit, target,
    realisation, capaian, rating and a link to its realisation screen."""
    awal, akhir = reverse("realisasi", args=[slug, tahun, _CONTOH_PK]).rsplit(str(_CONTOH_PK), 1)
    tautan = "isi realisasi" if boleh_ubah else "lihat"
    bagian = []
    for sasaran, i in indikator:
        ind, ukur = i.indikator, i.ukur
        node = sasaran.sasaran.uraian if sasaran else ind.node
        bagian.append(
            "\n  <tr>\n"
            f'    <td><span class="ringkas tingkat">{_tingkat(sasaran, ind)}</span>'
            f"<br>{escape(str(node))}</td>\n"
            f"    <td>{escape(i.nama)}</td>\n"
            f"    <td>{escape(str(ind.satuan))}</td>\n"
            f'    <td class="angka">{escape(nilai_instansi(ukur.target, pengaturan, ind))}</td>\n'
            f'    <td class="angka">{escape(nilai_instansi(ukur.realisasi, pengaturan, ind))}</td>\n'
            f'    <td class="angka capaian">{escape(persen_instansi(ukur.capaian, pengaturan))}</td>\n'
            f'    <td class="predikat">{escape(ukur.predikat or "")}</td>\n'
            f'    <td><a href="{escape(awal)}{ind.pk}{escape(akhir)}">{tautan}</a></td>\n'
            "  </tr>"
        )
    return mark_safe("".join(bagian))
