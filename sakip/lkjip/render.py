"""Rendering an assembled LKjIP to HTML, and to PDF with WeasyPrint from the same HTML.

The PDF of an unchanged report is not laid out twice: `pdf_laporan` keeps the last PDF
of each agency's year with the SHA-256 of the HTML it came from (`BerkasPdf`), and
serves it again while the HTML is the same.
"""

import hashlib

from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML

from instansi.models import Instansi
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.susun import Dokumen, susun
from sakip.models import BerkasPdf

# The planner's screen where the data behind each table is entered: (URL name, whether it
# takes the year, or the Renstra). Tables no planner enters (the evaluation) have none.
LAYAR_DATA = {
    "capaian-iku": ("instansi-tahun", "tahun"),
    "capaian-sasaran": ("instansi-tahun", "tahun"),
    "capaian-program": ("instansi-tahun", "tahun"),
    "triwulan": ("instansi-tahun", "tahun"),
    "perbandingan-tahun": ("instansi-tahun", "tahun"),
    "pembanding": ("instansi-tahun", "tahun"),
    "iku": ("indikator-daftar", ""),
    "cascading": ("rencana", ""),
    "target-renstra": ("target-renstra", "renstra"),
    "target-akhir": ("target-renstra", "renstra"),
    "perjanjian-kinerja": ("perjanjian-kinerja", "tahun"),
    "kerangka-pendanaan": ("anggaran-tahun", "tahun"),
    "anggaran-program": ("anggaran-tahun", "tahun"),
    "anggaran-perjanjian": ("anggaran-tahun", "tahun"),
    "anggaran-sasaran": ("anggaran-tahun", "tahun"),
    "realisasi-anggaran": ("anggaran-tahun", "tahun"),
    "efisiensi-program": ("anggaran-tahun", "tahun"),
    "efisiensi-sasaran": ("anggaran-tahun", "tahun"),
    "belanja-jenis": ("belanja-jenis", "tahun"),
    "sarana": ("tabel-sarana", "tahun"),
}


def _tautan_data(dokumen: Dokumen, kunci: str) -> str:
    """The screen where a table's data is changed, or "" for a table no planner enters."""
    data = dokumen.data
    layar = LAYAR_DATA.get(kunci.rsplit("-", 1)[0] if kunci.startswith("capaian-sasaran") else kunci)
    if layar is None:
        return ""
    nama, lain = layar
    args = [data.instansi.slug] + {"tahun": [data.tahun], "renstra": [data.renstra.pk], "": []}[lain]
    return reverse(nama, args=args)


def html_laporan(dokumen: Dokumen, web: bool = False, boleh_ubah: bool = False) -> str:
    """The report as one HTML document; `web` adds the PDF download, and for those who may
    change the data (`boleh_ubah`) a link from each table to the screen that changes it."""
    konteks = {"dokumen": dokumen, "data": dokumen.data, "pengaturan": dokumen.data.pengaturan, "web": web}
    if web:
        instansi = dokumen.data.instansi
        konteks["url_pdf"] = reverse("lkjip-pdf", args=[instansi.slug, dokumen.data.tahun])
        if boleh_ubah:
            konteks["url_tahun"] = reverse("instansi-tahun", args=[instansi.slug, dokumen.data.tahun])
            for tabel in dokumen.daftar_tabel:
                tabel.tautan = _tautan_data(dokumen, tabel.kunci)
    return render_to_string("lkjip/laporan.html", konteks)


def pdf_dari_html(html: str) -> bytes:
    """Lay the HTML out as a PDF; title, author and language come from the HTML head."""
    return HTML(string=html, base_url=".").write_pdf()


def versi(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def pdf_laporan(instansi: Instansi, tahun: int) -> bytes:
    """The agency's LKjIP for `tahun` as PDF, from the cache while its content is unchanged."""
    html = html_laporan(susun(kumpulkan(instansi, tahun)))
    kunci = versi(html)
    tersimpan = BerkasPdf.objects.filter(instansi=instansi, tahun=tahun, versi=kunci).first()
    if tersimpan is not None:
        return bytes(tersimpan.isi)
    isi = pdf_dari_html(html)
    BerkasPdf.objects.update_or_create(instansi=instansi, tahun=tahun, defaults={"versi": kunci, "isi": isi})
    return isi
