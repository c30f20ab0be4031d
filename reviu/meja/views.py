"""The reviewer's desk (`/reviu/<tahun>/`): every agency of the reviewer's regions (every
region for an admin) with its report's state for the year, since when, its notes still
open or answered and the findings recorded at its last submission; the reports waiting on
the reviewer first. The rows are `reviu.meja.data.daftar_meja`'s one query."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from reviu.meja.data import daftar_meja, pemda_meja
from reviu.meja.filters import MejaFilter
from reviu.meja.tables import MejaTable


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
