"""URLs of the background jobs, and of the pages that start them (the LKjIP's PDF and
workbook, a pemda's bulk generation, a big spreadsheet's application)."""

from django.urls import path

from inti.alamat import AWALAN_TAHUN
from pekerjaan import views

urlpatterns = [
    path("pekerjaan/<int:pk>/", views.pekerjaan, name="pekerjaan"),
    path("pekerjaan/<int:pk>/status/", views.status, name="pekerjaan-status"),
    path("pekerjaan/<int:pk>/coba-lagi/", views.coba_lagi, name="pekerjaan-coba-lagi"),
    path("pekerjaan/<int:pk>/berkas/", views.berkas, name="pekerjaan-berkas"),
    path("laporan/<slug:slug>/<tahun:tahun>/pdf/", views.laporan_pdf, name="lkjip-pdf"),
    path("laporan/<slug:slug>/<tahun:tahun>/xlsx/", views.tabel_lkjip, name="lkjip-xlsx"),
    path("pemda/<slug:slug>/<tahun:tahun>/semua-pdf/", views.pdf_pemda, name="pdf-pemda"),
    path(AWALAN_TAHUN + "excel/unggah/<int:pk>/terapkan/", views.terapkan_excel, name="pekerjaan-excel"),
]
