"""What the jobs add to the pages of the apps below, without their knowing it.

A context processor: on a page whose URL names an agency and a year, `pekerjaan_pdf` is the
PDF job of that agency-year still waiting or running, so that the report's web page finds it
again after a reload (`lkjip/_panel_web.html` includes `pekerjaan/_laporan.html`). Nothing
is queried unless a template reads it, and only for an agency the user may read.
"""

from django.utils.functional import SimpleLazyObject

from instansi.akses import instansi_terbaca
from pekerjaan.models import Pekerjaan


def _pdf_berjalan(user, slug: str, tahun: int) -> Pekerjaan | None:
    return (
        Pekerjaan.objects.filter(
            nama_tugas="pdf_lkjip",
            instansi__in=instansi_terbaca(user).filter(slug=slug),
            tahun=tahun,
            status__in=Pekerjaan.AKTIF,
        )
        .order_by("-dibuat", "-pk")
        .first()
    )


def pekerjaan(request) -> dict:
    rute = getattr(request, "resolver_match", None)
    if rute is None or not {"slug", "tahun"} <= rute.kwargs.keys() or not request.user.is_authenticated:
        return {}
    slug, tahun = rute.kwargs["slug"], rute.kwargs["tahun"]
    return {"pekerjaan_pdf": SimpleLazyObject(lambda: _pdf_berjalan(request.user, slug, tahun))}
