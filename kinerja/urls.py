"""Planners' screens for the performance cascade, targets and realisations."""

from django.urls import path

from kinerja import views

TAHUN = "instansi/<slug:slug>/<int:tahun>/"

urlpatterns = [
    path(TAHUN + "indikator/<int:pk>/realisasi/", views.realisasi, name="realisasi"),
    path(TAHUN + "indikator/<int:pk>/pratinjau/", views.pratinjau, name="realisasi-pratinjau"),
    path(TAHUN + "sasaran/<int:pk>/analisis/", views.analisis, name="analisis-sasaran"),
]
