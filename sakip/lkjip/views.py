"""The LKjIP on the web: the HTML report and its PDF, per agency and year, for whoever may
read the agency (its planners, its region's reviewers, admins)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from instansi.akses import buka
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import html_laporan, pdf_laporan
from sakip.lkjip.susun import susun


@login_required
@require_safe
def laporan_html(request, slug: str, tahun: int):
    ruang = buka(request, slug, tahun)
    try:
        dokumen = susun(kumpulkan(ruang.instansi, tahun))
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    return HttpResponse(html_laporan(dokumen, web=True, boleh_ubah=ruang.boleh_ubah))


@login_required
@require_safe
def laporan_pdf(request, slug: str, tahun: int):
    instansi = buka(request, slug, tahun).instansi
    try:
        isi = pdf_laporan(instansi, tahun)
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="LKjIP-{instansi.slug}-{tahun}.pdf"'
    return respons
