"""Planners' screens for the performance cascade: the plan and its indicators
(`kinerja.rencana`), targets and the agreement (`kinerja.target`), realisations
(`kinerja.realisasi`)."""

from django.urls import path

from inti.alamat import AWALAN_INSTANSI, AWALAN_TAHUN
from kinerja.realisasi import views as realisasi
from kinerja.rencana import indikator
from kinerja.rencana import views as rencana
from kinerja.target import views as target

RENCANA = AWALAN_INSTANSI + "rencana/"

urlpatterns = [
    # The plan: a Renstra's tree and its nodes (the URL's `tingkat`: renstra, tujuan, sasaran,
    # program, kegiatan, sub-kegiatan); a new node names its parent (Renstra, program or kegiatan).
    path(RENCANA, rencana.pohon, name="rencana"),
    path(RENCANA + "renstra/tambah/", rencana.node_tambah, {"tingkat": "renstra"}, name="renstra-tambah"),
    path(RENCANA + "<slug:tingkat>/tambah/<int:induk>/", rencana.node_tambah, name="node-tambah"),
    path(RENCANA + "<slug:tingkat>/<int:pk>/", rencana.node_ubah, name="node-ubah"),
    path(RENCANA + "<slug:tingkat>/<int:pk>/hapus/", rencana.node_hapus, name="node-hapus"),
    path(
        RENCANA + "<slug:tingkat>/<int:induk>/indikator/tambah/",
        indikator.indikator_tambah,
        name="indikator-tambah",
    ),
    path(AWALAN_INSTANSI + "indikator/", indikator.indikator_daftar, name="indikator-daftar"),
    path(AWALAN_INSTANSI + "indikator/<int:pk>/", indikator.indikator_ubah, name="indikator-ubah"),
    # Targets and the agreement.
    path(RENCANA + "renstra/<int:pk>/target/", target.target_renstra, name="target-renstra"),
    path(AWALAN_TAHUN + "perjanjian-kinerja/", target.perjanjian_kinerja, name="perjanjian-kinerja"),
    path(
        AWALAN_TAHUN + "perjanjian-kinerja/perubahan/",
        target.perjanjian_kinerja_perubahan,
        name="perjanjian-kinerja-perubahan",
    ),
    path(AWALAN_TAHUN + "target-triwulan/", target.target_triwulan, name="target-triwulan"),
    path(AWALAN_TAHUN + "rencana-aksi/", target.rencana_aksi, name="rencana-aksi"),
    path(
        AWALAN_TAHUN + "perjanjian-kinerja/naskah/<slug:jenis>/",
        target.perjanjian_naskah,
        name="perjanjian-kinerja-naskah",
    ),
    # Realisations, and what the report says beside them.
    path(AWALAN_TAHUN + "indikator/<int:pk>/realisasi/", realisasi.realisasi, name="realisasi"),
    path(AWALAN_TAHUN + "indikator/<int:pk>/pratinjau/", realisasi.pratinjau, name="realisasi-pratinjau"),
    path(AWALAN_TAHUN + "indikator/<int:pk>/pembanding/", realisasi.pembanding, name="pembanding"),
    path(AWALAN_TAHUN + "sasaran/<int:pk>/analisis/", realisasi.analisis, name="analisis-sasaran"),
]
