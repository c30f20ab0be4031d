"""Site-wide URLs. Apps add their own screens here as they grow."""

from django.contrib import admin
from django.urls import path
from django.views.generic import TemplateView

from sakip.lkjip import views as lkjip

admin.site.site_header = "SAKIP — Administrasi"
admin.site.site_title = "SAKIP"
admin.site.index_title = "Data kinerja dan anggaran"

urlpatterns = [
    path("", TemplateView.as_view(template_name="beranda.html"), name="beranda"),
    path("admin/", admin.site.urls),
    path("laporan/<slug:slug>/<int:tahun>/", lkjip.laporan_html, name="lkjip-html"),
    path("laporan/<slug:slug>/<int:tahun>/pdf/", lkjip.laporan_pdf, name="lkjip-pdf"),
]
