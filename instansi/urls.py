"""Planners' screens of the agency itself: its profile and a year's report narrative
(`instansi.profil`), its SDM, sarana and supporting tables (`instansi.tabel`)."""

from django.urls import path

from instansi.profil import views as profil
from instansi.tabel import views as tabel
from inti.alamat import AWALAN_INSTANSI, AWALAN_TAHUN

urlpatterns = [
    path(AWALAN_INSTANSI + "profil/", profil.profil, name="profil-instansi"),
    path(AWALAN_TAHUN + "narasi/", profil.narasi_daftar, name="narasi-daftar"),
    path(AWALAN_TAHUN + "narasi/baru/", profil.narasi, name="narasi-baru"),
    path(AWALAN_TAHUN + "narasi/<int:pk>/", profil.narasi, name="narasi-ubah"),
    path(AWALAN_TAHUN + "sdm/", tabel.sdm, name="tabel-sdm"),
    path(AWALAN_TAHUN + "sarana/", tabel.sarana, name="tabel-sarana"),
    path(AWALAN_TAHUN + "tabel/", tabel.tabel_pendukung_daftar, name="tabel-pendukung-daftar"),
    path(AWALAN_TAHUN + "tabel/baru/", tabel.tabel_pendukung, name="tabel-pendukung-baru"),
    path(AWALAN_TAHUN + "tabel/<int:pk>/", tabel.tabel_pendukung, name="tabel-pendukung-ubah"),
]
