"""The evaluation's screens, under the agency's year (`instansi/<slug>/<tahun>/evaluasi/…`)."""

from django.urls import path

from evaluasi.bukti import views as bukti
from evaluasi.lke import views as lke
from evaluasi.tindak_lanjut import views as tindak_lanjut
from inti.alamat import AWALAN_TAHUN

EVALUASI = AWALAN_TAHUN + "evaluasi/"

urlpatterns = [
    # The worksheet: summary (or the start), one component's grid, the life's steps.
    path(EVALUASI, lke.ringkasan, name="evaluasi-lke"),
    path(EVALUASI + "mulai/", lke.mulai, name="evaluasi-mulai"),
    path(EVALUASI + "komponen/<int:pk>/", lke.komponen, name="evaluasi-komponen"),
    path(EVALUASI + "langkah/<slug:kode>/", lke.langkah, name="evaluasi-langkah"),
    # Evidence (bukti dukung): per criterion, the file served only to readers of the agency.
    path(EVALUASI + "kriteria/<int:kriteria>/bukti/", bukti.bukti_kriteria, name="bukti-kriteria"),
    path(EVALUASI + "bukti/<int:pk>/berkas/", bukti.bukti_berkas, name="bukti-berkas"),
    path(EVALUASI + "bukti/<int:pk>/hapus/", bukti.bukti_hapus, name="bukti-hapus"),
    # The evaluator's conclusions (the LHE's C–E) and the agency's follow-up of each recommendation.
    path(EVALUASI + "rekomendasi/", tindak_lanjut.rekomendasi, name="rekomendasi-lke"),
    path(EVALUASI + "rekomendasi/<int:pk>/", tindak_lanjut.rekomendasi_ubah, name="rekomendasi-ubah"),
    path(EVALUASI + "rekomendasi/<int:pk>/hapus/", tindak_lanjut.rekomendasi_hapus, name="rekomendasi-hapus"),
    path(EVALUASI + "tindak-lanjut/", tindak_lanjut.tindak_lanjut_daftar, name="tindak-lanjut-lke"),
    path(
        EVALUASI + "tindak-lanjut/<int:rekomendasi>/", tindak_lanjut.tindak_lanjut, name="tindak-lanjut-ubah"
    ),
    # The reviewer's list of open follow-ups across the agencies of their regions.
    path("evaluasi/tindak-lanjut/", tindak_lanjut.tindak_lanjut_pemeriksa, name="tindak-lanjut-pemeriksa"),
]
