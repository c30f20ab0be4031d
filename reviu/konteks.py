"""What the review adds to the pages of the apps below it, without their knowing it.

A context processor: on every page whose URL names an agency and a year
(`instansi/<slug>/<tahun>/…`, `laporan/<slug>/<tahun>/`), `reviu` is the report's state,
the transitions open to the user and the reviewer's notes — the year's, and those on the
object the page shows (an indicator's realisation, a sasaran's analysis). The lower apps'
templates include `reviu/_status.html` or `reviu/_catatan.html`, which read it; nothing is
queried unless a template reads it, and only for an agency the user may read.
"""

from functools import cached_property

from instansi.akses import instansi_terbaca
from reviu import alur
from reviu.models import CatatanReviu, Objek

# The pages that show one object a note may be written on: URL name → the note's kind.
OBJEK_HALAMAN = {"realisasi": Objek.INDIKATOR, "analisis-sasaran": Objek.SASARAN}


class ReviuHalaman:
    """The review as one page of an agency's year sees it, read when first asked."""

    def __init__(self, user, slug: str, tahun: int, objek: str | None, kunci: str):
        self.user, self.slug, self.tahun, self.objek, self.kunci = user, slug, tahun, objek, kunci

    @cached_property
    def instansi(self):
        return instansi_terbaca(self.user).select_related("pemda").filter(slug=self.slug).first()

    @cached_property
    def status(self):
        return alur.status_kini(self.instansi, self.tahun) if self.instansi else None

    @cached_property
    def peran(self) -> frozenset[str]:
        return alur.peran(self.user, self.instansi) if self.instansi else frozenset()

    @cached_property
    def transisi(self) -> list:
        return alur.transisi_bagi(self.peran, self.status.status) if self.instansi else []

    @property
    def giliran(self) -> str:
        return alur.GILIRAN[self.status.status] if self.instansi else ""

    @cached_property
    def catatan(self) -> list[CatatanReviu]:
        """The year's notes; on a page of one object, that object's notes."""
        if self.instansi is None:
            return []
        daftar = CatatanReviu.objects.filter(instansi=self.instansi, tahun=self.tahun)
        if self.objek:
            daftar = daftar.filter(objek=self.objek, kunci=self.kunci)
        return list(daftar.select_related("dibuat_oleh", "dijawab_oleh"))

    @cached_property
    def terbuka(self) -> int:
        return sum(1 for c in self.catatan if c.status != "ditutup")


def reviu(request) -> dict:
    rute = getattr(request, "resolver_match", None)
    if rute is None or not {"slug", "tahun"} <= rute.kwargs.keys() or not request.user.is_authenticated:
        return {}
    objek = OBJEK_HALAMAN.get(rute.url_name)
    kunci = str(rute.kwargs.get("pk", "")) if objek else ""
    return {"reviu": ReviuHalaman(request.user, rute.kwargs["slug"], rute.kwargs["tahun"], objek, kunci)}
