"""Site-wide URLs: sign-in, the planners' screens, the LKjIP and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth
from django.urls import include, path

from instansi.urls import TAHUN
from sakip import views
from sakip.excel import views as excel
from sakip.lkjip import views as lkjip

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
    path(TAHUN, views.instansi_tahun, name="instansi-tahun"),
    path(TAHUN + "kunci/", views.kunci_tahun, name="kunci-tahun"),
    path(TAHUN + "naskah-lkjip/", views.naskah_laporan, name="naskah-lkjip"),
    # Each app's planner screens, all under instansi/<slug>/...
    path("", include("kinerja.urls")),
    path("", include("anggaran.urls")),
    path("", include("instansi.urls")),
    path("", include("instansi.urls_tabel")),
    path("", include("kinerja.urls_triwulan")),
    path(TAHUN + "excel/realisasi/", excel.templat_realisasi, name="excel-templat-realisasi"),
    path(TAHUN + "excel/anggaran/", excel.templat_anggaran, name="excel-templat-anggaran"),
    path(TAHUN + "excel/unggah/", excel.unggah, name="excel-unggah"),
    path(TAHUN + "excel/unggah/<int:pk>/", excel.pratinjau, name="excel-pratinjau"),
    path("laporan/<slug:slug>/<tahun:tahun>/", lkjip.laporan_html, name="lkjip-html"),
    path("laporan/<slug:slug>/<tahun:tahun>/xlsx/", excel.tabel_lkjip, name="lkjip-xlsx"),
    path("laporan/<slug:slug>/<tahun:tahun>/pdf/", lkjip.laporan_pdf, name="lkjip-pdf"),
    path("admin/", admin.site.urls),
]
