"""Planners' screens of the agency itself: its profile (`instansi.profil`), its SDM,
sarana and supporting tables (`instansi.tabel`). A year's report narrative is written
beside the report's figures, in `sakip.narasi`."""

from django.urls import path

from instansi.gambar import views as gambar
from instansi.organisasi import views as organisasi
from instansi.profil import views as profil
from instansi.tabel import views as tabel
from inti.alamat import AWALAN_INSTANSI, AWALAN_TAHUN

urlpatterns = [
    path(AWALAN_INSTANSI + "profil/", profil.profil, name="profil-instansi"),
    path(AWALAN_TAHUN + "sdm/", tabel.sdm, name="tabel-sdm"),
    path(AWALAN_TAHUN + "sarana/", tabel.sarana, name="tabel-sarana"),
    path(AWALAN_TAHUN + "tabel/", tabel.tabel_pendukung_daftar, name="tabel-pendukung-daftar"),
    path(AWALAN_TAHUN + "tabel/baru/", tabel.tabel_pendukung, name="tabel-pendukung-baru"),
    path(AWALAN_TAHUN + "tabel/<int:pk>/", tabel.tabel_pendukung, name="tabel-pendukung-ubah"),
    path(AWALAN_TAHUN + "organisasi/", organisasi.organisasi, name="organisasi"),
    path(AWALAN_TAHUN + "organisasi/unit/baru/", organisasi.unit, name="organisasi-unit-baru"),
    path(AWALAN_TAHUN + "organisasi/unit/<int:pk>/", organisasi.unit, name="organisasi-unit-ubah"),
    path(
        AWALAN_TAHUN + "organisasi/unit/<int:pk>/hapus/", organisasi.unit_hapus, name="organisasi-unit-hapus"
    ),
    path(AWALAN_TAHUN + "organisasi/jabatan/baru/", organisasi.jabatan, name="organisasi-jabatan-baru"),
    path(AWALAN_TAHUN + "organisasi/jabatan/<int:pk>/", organisasi.jabatan, name="organisasi-jabatan-ubah"),
    path(
        AWALAN_TAHUN + "organisasi/jabatan/<int:pk>/hapus/",
        organisasi.jabatan_hapus,
        name="organisasi-jabatan-hapus",
    ),
    path(AWALAN_TAHUN + "gambar/", gambar.daftar, name="gambar-daftar"),
    path(AWALAN_TAHUN + "gambar/baru/", gambar.gambar, name="gambar-baru"),
    path(AWALAN_TAHUN + "gambar/<int:pk>/", gambar.gambar, name="gambar-ubah"),
    path(AWALAN_TAHUN + "gambar/<int:pk>/hapus/", gambar.gambar_hapus, name="gambar-hapus"),
    path(AWALAN_TAHUN + "gambar/<int:pk>/berkas/", gambar.berkas, name="gambar-berkas"),
]
