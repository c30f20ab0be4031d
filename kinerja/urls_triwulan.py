"""URLs of the year's Perjanjian Kinerja beyond its yearly targets: quarterly targets and
the agreement's record (`kinerja.views_triwulan`)."""

from django.urls import path

from instansi.urls import TAHUN
from kinerja import views_triwulan

urlpatterns = [
    path(TAHUN + "target-triwulan/", views_triwulan.target_triwulan, name="target-triwulan"),
    path(
        TAHUN + "perjanjian-kinerja/naskah/<slug:jenis>/",
        views_triwulan.perjanjian_naskah,
        name="perjanjian-kinerja-naskah",
    ),
]
