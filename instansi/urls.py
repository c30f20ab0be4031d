"""Planners' screens for the agency's profile and report narrative."""

from django.urls import path, register_converter

from instansi import views
from instansi.akses import tahun_sah


class TahunConverter:
    """A year in a URL: four digits within the models' range, else the URL does not match
    (404) — so no view ever sees year 0 or 32768."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        tahun = int(value)
        if not tahun_sah(tahun):
            raise ValueError(value)
        return tahun

    def to_url(self, value) -> str:
        return str(value)


register_converter(TahunConverter, "tahun")

# The prefixes of an agency's pages and of its year's pages; every app's URLs use them.
INSTANSI = "instansi/<slug:slug>/"
TAHUN = INSTANSI + "<tahun:tahun>/"

urlpatterns = [
    path(INSTANSI + "profil/", views.profil, name="profil-instansi"),
    path(TAHUN + "narasi/", views.narasi_daftar, name="narasi-daftar"),
    path(TAHUN + "narasi/baru/", views.narasi, name="narasi-baru"),
    path(TAHUN + "narasi/<int:pk>/", views.narasi, name="narasi-ubah"),
]
