"""The LKjIP on the web: the HTML report per agency and year, and a year's Perjanjian
Kinerja as signed, printed on its own, for whoever may read the agency (its planners, its
region's reviewers, admins). The report's PDF is made by a background job
(`pekerjaan.views.laporan_pdf`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from instansi.akses import buka
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import halaman_web, pasang_panel, pdf_dari_html
from sakip.lkjip.tabel_perjanjian import naskah_perjanjian


@login_required
@require_safe
def laporan_html(request, slug: str, tahun: int):
    ruang = buka(request, slug, tahun)
    try:
        html = halaman_web(ruang.instansi, tahun, ruang.boleh_ubah)
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    # What the apps above add to the web page (the review's notes) comes from their context
    # processors, through a partial rendered with the request; this layer names none of them.
    # It is per request, so it goes into the page after the cache.
    panel = render_to_string("lkjip/_panel_web.html", request=request)
    return HttpResponse(pasang_panel(html, panel))


@login_required
@require_safe
def perjanjian_pdf(request, slug: str, tahun: int, jenis: str):
    """The year's PK murni or PK perubahan as signed, alone: the part the report's lampiran
    shows, from the same data and the same template, laid out by the same WeasyPrint."""
    ruang = buka(request, slug, tahun)
    try:
        data = kumpulkan(ruang.instansi, tahun)
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    naskah = next((n for n in naskah_perjanjian(data) if n.jenis_pk == jenis), None)
    if naskah is None:
        raise Http404(f"Tahun {tahun} tidak memiliki Perjanjian Kinerja {jenis}.")
    html = render_to_string(
        "lkjip/perjanjian.html", {"naskah": naskah, "data": data, "pengaturan": data.pengaturan}
    )
    respons = HttpResponse(pdf_dari_html(html), content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="PK-{jenis}-{ruang.instansi.slug}-{tahun}.pdf"'
    return respons
