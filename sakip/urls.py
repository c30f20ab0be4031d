"""Site-wide URLs: sign-in, the planners' screens, the LKjIP, the review, the public pages and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth
from django.urls import include, path

from inti.alamat import AWALAN_TAHUN
from sakip import sehat, views
from sakip.excel import views as excel
from sakip.lhe import views as lhe
from sakip.lkjip import views as lkjip
from sakip.narasi import views as narasi

admin.site.site_header = "SAKIP — Administrasi"
admin.site.site_title = "SAKIP"
admin.site.index_title = "Data kinerja dan anggaran"


urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("masuk/", auth.LoginView.as_view(template_name="registrasi/masuk.html"), name="masuk"),
    path("keluar/", auth.LogoutView.as_view(), name="keluar"),
    path(
        "sandi/",
        auth.PasswordChangeView.as_view(
            template_name="registrasi/ganti_sandi.html", success_url="/sandi/selesai/"
        ),
        name="ganti-sandi",
    ),
    path(
        "sandi/selesai/",
        auth.PasswordChangeDoneView.as_view(template_name="registrasi/sandi_diganti.html"),
        name="sandi-diganti",
    ),
    path(AWALAN_TAHUN, views.instansi_tahun, name="instansi-tahun"),
    path(AWALAN_TAHUN + "naskah-lkjip/", views.naskah_laporan, name="naskah-lkjip"),
    path(AWALAN_TAHUN + "narasi/", narasi.narasi_daftar, name="narasi-daftar"),
    path(AWALAN_TAHUN + "narasi/baru/", narasi.narasi, name="narasi-baru"),
    path(AWALAN_TAHUN + "narasi/<int:pk>/", narasi.narasi, name="narasi-ubah"),
    # Each app's planner screens, all under instansi/<slug>/…, one urls.py per app.
    path("", include("instansi.urls")),
    path("", include("kinerja.urls")),
    path("", include("anggaran.urls")),
    path("", include("evaluasi.urls")),
    path(AWALAN_TAHUN + "excel/realisasi/", excel.templat_realisasi, name="excel-templat-realisasi"),
    path(AWALAN_TAHUN + "excel/anggaran/", excel.templat_anggaran, name="excel-templat-anggaran"),
    path(AWALAN_TAHUN + "excel/unggah/", excel.unggah, name="excel-unggah"),
    path(AWALAN_TAHUN + "excel/unggah/<int:pk>/", excel.pratinjau, name="excel-pratinjau"),
    path("laporan/<slug:slug>/<tahun:tahun>/", lkjip.laporan_html, name="lkjip-html"),
    # The evaluation's report (LHE), by the same machinery as the LKjIP.
    path(AWALAN_TAHUN + "evaluasi/lhe/", lhe.lhe_html, name="lhe-html"),
    path(AWALAN_TAHUN + "evaluasi/lhe/pdf/", lhe.lhe_pdf, name="lhe-pdf"),
    path(
        AWALAN_TAHUN + "perjanjian-kinerja/naskah/<slug:jenis>/pdf/",
        lkjip.perjanjian_pdf,
        name="perjanjian-kinerja-pdf",
    ),
    # The public pages (no login): published reports, open data, verification.
    path("", include("publikasi.urls")),
    # The inspectorate's review: reports' life, notes, the reviewer's desk.
    path("", include("reviu.urls")),
    # The pemda dashboard, and the regions side by side.
    path("", include("dasbor.urls")),
    # Background jobs, and the pages that start them (the LKjIP PDF download among them).
    path("", include("pekerjaan.urls")),
    # The load balancer's probes (answered first by sakip.sehat.JawabKesehatan).
    path("sehat", sehat.sehat, name="sehat"),
    path("siap", sehat.siap, name="siap"),
    path("admin/", admin.site.urls),
]
