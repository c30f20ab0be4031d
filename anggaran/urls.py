"""Planners' screens for budgets."""

from django.urls import path

from anggaran import views
from instansi.urls import TAHUN

urlpatterns = [
    path(TAHUN + "anggaran/", views.anggaran_tahun, name="anggaran-tahun"),
    path(TAHUN + "anggaran/program/<int:pk>/", views.anggaran_program, name="anggaran-program"),
    path(TAHUN + "belanja/", views.belanja, name="belanja-jenis"),
]
