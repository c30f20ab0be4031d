"""Planners' screens for the performance cascade, targets and realisations."""

from django.urls import path

from instansi.urls import INSTANSI, TAHUN
from kinerja import views, views_indikator, views_rencana, views_target

RENCANA = INSTANSI + "rencana/"

urlpatterns = [
    path(TAHUN + "indikator/<int:pk>/realisasi/", views.realisasi, name="realisasi"),
    path(TAHUN + "indikator/<int:pk>/pratinjau/", views.pratinjau, name="realisasi-pratinjau"),
    path(TAHUN + "indikator/<int:pk>/pembanding/", views.pembanding, name="pembanding"),
    path(TAHUN + "sasaran/<int:pk>/analisis/", views.analisis, name="analisis-sasaran"),
    # The plan: a Renstra's tree and its nodes (`tingkat`: renstra, tujuan, sasaran, program,
    # kegiatan, sub-kegiatan); a new node names its parent (Renstra, program or kegiatan).
    path(RENCANA, views_rencana.pohon, name="rencana"),
    path(
        RENCANA + "renstra/tambah/", views_rencana.node_tambah, {"tingkat": "renstra"}, name="renstra-tambah"
    ),
    path(RENCANA + "<slug:tingkat>/tambah/<int:induk>/", views_rencana.node_tambah, name="node-tambah"),
    path(RENCANA + "<slug:tingkat>/<int:pk>/", views_rencana.node_ubah, name="node-ubah"),
    path(RENCANA + "<slug:tingkat>/<int:pk>/hapus/", views_rencana.node_hapus, name="node-hapus"),
    path(RENCANA + "renstra/<int:pk>/target/", views_target.target_renstra, name="target-renstra"),
    path(
        RENCANA + "<slug:tingkat>/<int:induk>/indikator/tambah/",
        views_indikator.indikator_tambah,
        name="indikator-tambah",
    ),
    path(INSTANSI + "indikator/", views_indikator.indikator_daftar, name="indikator-daftar"),
    path(INSTANSI + "indikator/<int:pk>/", views_indikator.indikator_ubah, name="indikator-ubah"),
    path(TAHUN + "perjanjian-kinerja/", views_target.perjanjian_kinerja, name="perjanjian-kinerja"),
    path(
        TAHUN + "perjanjian-kinerja/perubahan/",
        views_target.perjanjian_kinerja_perubahan,
        name="perjanjian-kinerja-perubahan",
    ),
]
