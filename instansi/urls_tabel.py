"""URLs of the agency's profile tables of a year (`instansi.views_profil_tabel`)."""

from django.urls import path

from instansi import views_profil_tabel
from instansi.urls import TAHUN

urlpatterns = [
    path(TAHUN + "sdm/", views_profil_tabel.sdm, name="tabel-sdm"),
    path(TAHUN + "sarana/", views_profil_tabel.sarana, name="tabel-sarana"),
    path(TAHUN + "tabel/", views_profil_tabel.tabel_pendukung_daftar, name="tabel-pendukung-daftar"),
    path(TAHUN + "tabel/baru/", views_profil_tabel.tabel_pendukung, name="tabel-pendukung-baru"),
    path(TAHUN + "tabel/<int:pk>/", views_profil_tabel.tabel_pendukung, name="tabel-pendukung-ubah"),
]
