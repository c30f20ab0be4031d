"""The evaluation's screens, under the agency's year (`instansi/<slug>/<tahun>/evaluasi/…`)."""

from django.urls import path

from evaluasi.bukti import views as bukti
from inti.alamat import AWALAN_TAHUN

EVALUASI = AWALAN_TAHUN + "evaluasi/"

urlpatterns = [
    # Evidence (bukti dukung): per criterion, the file served only to readers of the agency.
    path(EVALUASI + "kriteria/<int:kriteria>/bukti/", bukti.bukti_kriteria, name="bukti-kriteria"),
    path(EVALUASI + "bukti/<int:pk>/berkas/", bukti.bukti_berkas, name="bukti-berkas"),
    path(EVALUASI + "bukti/<int:pk>/hapus/", bukti.bukti_hapus, name="bukti-hapus"),
]
