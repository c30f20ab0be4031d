"""The LKjIP on the web: the HTML report and its PDF, per agency and year, for staff."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from instansi.models import Instansi
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import html_laporan, pdf_laporan
from sakip.lkjip.susun import susun


def _instansi(slug: str) -> Instansi:
    return get_object_or_404(Instansi, slug=slug)


@staff_member_required
def laporan_html(request, slug: str, tahun: int):
    instansi = _instansi(slug)
    try:
        dokumen = susun(kumpulkan(instansi, tahun))
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    return HttpResponse(html_laporan(dokumen, web=True))


@staff_member_required
def laporan_pdf(request, slug: str, tahun: int):
    instansi = _instansi(slug)
    try:
        isi = pdf_laporan(instansi, tahun)
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="LKjIP-{instansi.slug}-{tahun}.pdf"'
    return respons
