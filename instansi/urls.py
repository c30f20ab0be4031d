"""Planners' screens for the agency's profile and report narrative."""

from django.urls import path

from instansi import views

# The prefixes of an agency's pages and of its year's pages; every app's URLs use them.
INSTANSI = "instansi/<slug:slug>/"
TAHUN = INSTANSI + "<int:tahun>/"

urlpatterns = [
    path(INSTANSI + "profil/", views.profil, name="profil-instansi"),
    path(TAHUN + "narasi/", views.narasi_daftar, name="narasi-daftar"),
    path(TAHUN + "narasi/baru/", views.narasi, name="narasi-baru"),
    path(TAHUN + "narasi/<int:pk>/", views.narasi, name="narasi-ubah"),
]
