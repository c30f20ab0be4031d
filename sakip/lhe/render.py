"""The LHE as HTML and PDF: one template for both (`templates/lhe/laporan.html`, over the
LKjIP's print stylesheet), laid out by the LKjIP's one WeasyPrint call (`pdf_dari_html`,
PDF/A-3a: archival and tagged like the report it evaluates). No query: `data` holds all."""

from django.template.loader import render_to_string

from evaluasi import hitung
from sakip.lhe.data import DataLhe
from sakip.lkjip.render import pdf_dari_html


def html_lhe(data: DataLhe, *, web: bool = False, kembali: str = "") -> str:
    return render_to_string(
        "lhe/laporan.html",
        {
            "data": data,
            "e": data.evaluasi,
            "selisih": hitung.selisih(data.mandiri.nilai, data.evaluator.nilai),
            "setuju": data.terakhir("setujui"),
            "final": data.terakhir("finalkan"),
            "web": web,
            "kembali": kembali,
        },
    )


def pdf_lhe(data: DataLhe) -> bytes:
    return pdf_dari_html(html_lhe(data))
