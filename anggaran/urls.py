"""Planners' screens for budgets."""

from django.urls import path

from anggaran import views
from inti.alamat import AWALAN_TAHUN

urlpatterns = [
    path(AWALAN_TAHUN + "anggaran/", views.anggaran_tahun, name="anggaran-tahun"),
    path(AWALAN_TAHUN + "anggaran/program/<int:pk>/", views.anggaran_program, name="anggaran-program"),
    path(AWALAN_TAHUN + "belanja/", views.belanja, name="belanja-jenis"),
]
