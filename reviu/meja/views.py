"""The reviewer's desk (`/reviu/<tahun>/`): every agency of the reviewer's regions (every
region for an admin) with its report's state for the year, since when, its notes still
open or answered and the findings recorded at its last submission; the reports waiting on
the reviewer first. One query for the rows whatever their number (annotated subqueries),
never a report gathered per agency."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from instansi.models import Instansi, Pemda
from reviu.meja.filters import MejaFilter
from reviu.meja.tables import MejaTable
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


@login_required
@require_safe
def meja(request, tahun: int):
    pemda = pemda_meja(request.user)
    if not request.user.is_superuser and not pemda.exists():
        raise PermissionDenied("Meja reviu hanya untuk pemeriksa inspektorat dan admin.")
    saring = MejaFilter(request.GET, queryset=daftar_meja(pemda, tahun), pemda=pemda)
    tabel = MejaTable(saring.qs, tahun=tahun, order_by_field="urut")
    RequestConfig(request, paginate={"per_page": 100}).configure(tabel)
    return render(request, "reviu/meja.html", {"tahun": tahun, "saring": saring, "tabel": tabel})
