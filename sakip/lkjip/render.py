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

# Where the data behind each table is edited (the admin, until the planners' screens exist).
TAUTAN_DATA = {
    "capaian-iku": "kinerja_realisasi",
    "iku": "kinerja_indikator",
    "target-renstra": "kinerja_target",
    "cascading": "kinerja_program",
    "capaian-program": "kinerja_realisasi",
    "perjanjian-kinerja": "kinerja_target",
    "triwulan": "kinerja_realisasi",
    "perbandingan-tahun": "kinerja_realisasi",
    "target-akhir": "kinerja_target",
    "pembanding": "kinerja_pembanding",
    "kerangka-pendanaan": "anggaran_pagu",
    "anggaran-program": "anggaran_pagu",
    "anggaran-perjanjian": "anggaran_pagu",
    "anggaran-sasaran": "anggaran_realisasianggaran",
    "realisasi-anggaran": "anggaran_realisasianggaran",
    "efisiensi-program": "anggaran_realisasianggaran",
    "efisiensi-sasaran": "anggaran_realisasianggaran",
    "belanja-jenis": "anggaran_belanjajenis",
    "sarana": "instansi_saranaprasarana",
    "evaluasi": "kinerja_evaluasisakip",
}


def html_laporan(dokumen: Dokumen, web: bool = False) -> str:
    """The report as one HTML document; `web` adds the download and data links."""
    konteks = {"dokumen": dokumen, "data": dokumen.data, "pengaturan": dokumen.data.pengaturan, "web": web}
    if web:
        instansi = dokumen.data.instansi
        konteks["url_pdf"] = reverse("lkjip-pdf", args=[instansi.slug, dokumen.data.tahun])
        konteks["url_admin"] = reverse("admin:instansi_instansi_change", args=[instansi.pk])
        for tabel in dokumen.daftar_tabel:
            dasar = (
                tabel.kunci.rsplit("-", 1)[0] if tabel.kunci.startswith("capaian-sasaran") else tabel.kunci
            )
            nama = TAUTAN_DATA.get("capaian-iku" if dasar == "capaian-sasaran" else dasar)
            if nama:
                tabel.tautan = reverse(f"admin:{nama}_changelist")
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
