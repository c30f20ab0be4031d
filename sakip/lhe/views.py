"""The LHE on the web and as PDF, under the evaluated agency-year.

The LHE is the evaluator's report: the region's reviewers and admins read it at every
state (marked DRAF until final); the agency's planners only once the evaluation is final,
as they see the evaluator's answers (`evaluasi.alur.boleh_lihat_evaluator`): before that
the page says so and the PDF answers 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from evaluasi import alur
from evaluasi.models import EvaluasiLke
from instansi.akses import buka
from sakip.lhe.data import kumpulkan
from sakip.lhe.render import html_lhe, pdf_lhe


def _evaluasi(request, slug: str, tahun: int) -> tuple[EvaluasiLke, bool]:
    """The evaluation and whether this reader may see its LHE now."""
    ruang = buka(request, slug, tahun)
    evaluasi = get_object_or_404(
        EvaluasiLke.objects.select_related("instansi__pemda"), instansi=ruang.instansi, tahun=tahun
    )
    return evaluasi, alur.boleh_lihat_evaluator(alur.peran(request.user, ruang.instansi), evaluasi.status)


@login_required
@require_safe
def lhe_html(request, slug: str, tahun: int):
    evaluasi, boleh = _evaluasi(request, slug, tahun)
    kembali = reverse("evaluasi-lke", args=[slug, tahun])
    if not boleh:
        return render(request, "lhe/belum.html", {"evaluasi": evaluasi, "kembali": kembali})
    return HttpResponse(html_lhe(kumpulkan(evaluasi), web=True, kembali=kembali))


@login_required
@require_safe
def lhe_pdf(request, slug: str, tahun: int):
    evaluasi, boleh = _evaluasi(request, slug, tahun)
    if not boleh:
        raise Http404("Laporan hasil evaluasi tersedia setelah evaluasi final.")
    respons = HttpResponse(pdf_lhe(kumpulkan(evaluasi)), content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="LHE-{slug}-{tahun}.pdf"'
    return respons
