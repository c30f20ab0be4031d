"""Admin for report records: the LKjIP's own fields and the cached PDFs."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from inti.admin import BerVersiAdmin
from sakip.models import BerkasPdf, LaporanKinerja


@admin.register(LaporanKinerja)
class LaporanKinerjaAdmin(BerVersiAdmin):
    list_display = ["__str__", "instansi", "tahun", "tautan_laporan"]
    list_filter = ["instansi", "tahun"]

    @admin.display(description="Laporan")
    def tautan_laporan(self, obj):
        url = reverse("lkjip-html", args=[obj.instansi.slug, obj.tahun])
        return format_html('<a href="{}">HTML</a> · <a href="{}pdf/">PDF</a>', url, url)


@admin.register(BerkasPdf)
class BerkasPdfAdmin(admin.ModelAdmin):
    list_display = ["instansi", "tahun", "versi", "dibuat"]
    list_filter = ["instansi"]
    readonly_fields = ["instansi", "tahun", "versi", "dibuat"]
    exclude = ["isi"]

    def has_add_permission(self, request):
        return False
