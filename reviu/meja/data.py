"""The reviewer's desk as data: the regions a person reviews and their agencies with each
report's state for a year. Not a screen module, so that the pemda dashboard (`dasbor`),
which lists the same agencies with the same rule, reads them from here as the desk does.

One query for the rows whatever their number (annotated subqueries), never a report
gathered per agency."""

from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from instansi.models import Instansi, Pemda
from reviu.models import CatatanReviu, Status, StatusCatatan, StatusLaporan


def pemda_meja(user):
    """The regions whose reports `user` reviews: every one for an admin."""
    return Pemda.objects.all() if user.is_superuser else Pemda.objects.filter(pemeriksa__user=user)


def _jumlah_catatan(tahun: int, status: str):
    catatan = CatatanReviu.objects.filter(instansi=OuterRef("pk"), tahun=tahun, status=status)
    jumlah = catatan.order_by().values("instansi").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(jumlah, output_field=IntegerField()), 0)


def daftar_meja(pemda, tahun: int):
    """The agencies of `pemda` with their report's state for `tahun`, waiting ones first."""
    status = StatusLaporan.objects.filter(instansi=OuterRef("pk"), tahun=tahun)
    return (
        Instansi.objects.filter(pemda__in=pemda)
        .select_related("pemda")
        .annotate(
            status_lkjip=Coalesce(Subquery(status.values("status")[:1]), Value(Status.DRAF.value)),
            sejak=Subquery(status.values("sejak")[:1]),
            jumlah_temuan=Subquery(status.values("jumlah_temuan")[:1]),
            catatan_terbuka=_jumlah_catatan(tahun, StatusCatatan.TERBUKA),
            catatan_dijawab=_jumlah_catatan(tahun, StatusCatatan.DIJAWAB),
        )
        .annotate(
            menunggu=Case(
                When(status_lkjip=Status.DISAMPAIKAN, then=0), default=1, output_field=IntegerField()
            )
        )
        .order_by("menunggu", "pemda__nama", "nama")
    )
