"""Rendering an assembled LKjIP to HTML, and to PDF with WeasyPrint from the same HTML.

`pdf_dari_html` is the one place that calls WeasyPrint. The PDF is PDF/A-3a: archival
(PDF/A-3: fonts embedded, XMP metadata, a colour profile) and at conformance level «a»,
tagged (headings, lists, tables, figures with their alt text, the document's language),
so a screen reader and an archive both get what they need from one file. Its page labels
follow the printed numbering: the cover, then i, ii, … for the front matter, then 1, 2, …
from Bab I (`_label_halaman`).

Before rendering, each table's print orientation is decided from its measured content
(`tata_letak`): a table goes landscape only when it cannot fit the portrait text width,
even in the smaller type of a dense table (`Tabel.rapat`).

The PDF of an unchanged report is not laid out twice, nor its HTML built to find out:
`pdf_laporan` keeps the last PDF of each agency's year with the report's fingerprint
(`sidik.sidik_laporan`, read in a few small queries) in `BerkasPdf.versi`, and serves it
again while the fingerprint is the same.
The web page is kept the same way, in the cache «lkjip» (`halaman_web`): under the agency,
the year, the fingerprint and what differs per reader (whether they may change the data),
without the review panel, which is per request and goes in afterwards (`pasang_panel`).
"""

import contextlib
import functools
import gc
import threading
from decimal import Decimal

import pydyf
from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML

from instansi.models import Instansi
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import Tabel
from sakip.lkjip.sidik import sidik_laporan
from sakip.lkjip.susun import Dokumen, susun
from sakip.models import BerkasPdf
from sakip.templatetags.lkjip import tampil_nilai

VARIAN_PDF = "pdf/a-3a"

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


# The printed text column of a portrait A4 page (laporan.css's margins), in points; the
# table type and the smaller type of a dense portrait table (figure.rapat), in points, with
# what a cell's padding and borders add to its text.
LEBAR_TEGAK = 439
HURUF_TABEL, RUANG_SEL = Decimal("8.5"), 9
HURUF_RAPAT, RUANG_RAPAT = Decimal(7), 6
# A text cell wraps, but not narrower than this (in em) or its longest word: a name
# squeezed into a sliver makes a table pages long.
TEKS_MIN = Decimal(6)
_SEMPIT = set(".,:;()/-' ")


@functools.lru_cache(maxsize=65536)
def _em(teks: str) -> Decimal:
    """A text's width in em of a Times-like face: digits ½ em, punctuation and spaces ¼,
    capitals ⅔, other letters a little under ½. Counted in hundredths as integers (exact,
    and a ten-times report measures some 50 000 cells) and remembered per text."""
    seratus = 0
    for c in teks:
        seratus += 25 if c in _SEMPIT else 50 if c.isdigit() else 67 if c.isupper() else 45
    return Decimal(seratus) / 100


def _lebar_kolom(tabel: Tabel, pengaturan) -> list[Decimal]:
    """Each column's narrowest comfortable width, in em: numbers do not wrap, text wraps
    to its longest word (and not narrower than TEKS_MIN, unless the whole text is)."""
    kolom = max((sum(s.colspan for s in b) for b in tabel.kepala + tabel.baris + tabel.kaki), default=0)
    lebar = [Decimal(0)] * kolom
    for baris in tabel.kepala + tabel.baris + tabel.kaki:
        posisi = 0
        for s in baris:
            # A spanning cell or one pushed right by a row span above is skipped: its width
            # is shared by columns the other rows measure.
            if s.colspan == 1 and posisi < kolom:
                teks = tampil_nilai(s, pengaturan)
                if s.angka:
                    perlu = _em(teks)
                else:
                    perlu = max([_em(k) for k in teks.split()] + [min(_em(teks), TEKS_MIN)])
                lebar[posisi] = max(lebar[posisi], perlu)
            posisi += s.colspan
    return lebar


def tata_letak(tabel: Tabel, pengaturan) -> None:
    """Decide how a table prints from its columns' measured widths: portrait when they fit
    the text column, portrait in smaller type (`Tabel.rapat`) when they fit so, else
    landscape (`Tabel.lebar`). What a builder guessed from its column count is replaced."""
    kolom = _lebar_kolom(tabel, pengaturan)
    biasa = sum(k * HURUF_TABEL + RUANG_SEL for k in kolom) <= LEBAR_TEGAK
    rapat = sum(k * HURUF_RAPAT + RUANG_RAPAT for k in kolom) <= LEBAR_TEGAK
    tabel.lebar, tabel.rapat = not rapat, rapat and not biasa


# Where the web page's panel goes: a comment no text of the report can write (theirs is escaped).
TEMPAT_PANEL = mark_safe("<!-- panel -->")


def html_laporan(
    dokumen: Dokumen, web: bool = False, boleh_ubah: bool = False, halaman_awal: str = "", panel: str = ""
) -> str:
    """The report as one HTML document; `web` adds the PDF download, and for those who may
    change the data (`boleh_ubah`) a link from each table to the screen that changes it.
    `halaman_awal`, rendered HTML, opens the front matter (the publication's «Pernyataan
    Telah Direviu»: `publikasi` renders it, this layer does not know it). `panel`, rendered
    HTML, goes above the web page's cover (the reviewer's notes, from the layer above)."""
    html = _html_laporan(dokumen, web, boleh_ubah, halaman_awal)
    return pasang_panel(html, panel) if web else html


def pasang_panel(html: str, panel: str) -> str:
    """The web page `_html_laporan` made, with `panel` (rendered HTML, "" for none) in its place."""
    isi = format_html('<section class="alat panel" id="panel-web">{}</section>', panel) if panel else ""
    return html.replace(TEMPAT_PANEL, isi, 1)


def halaman_web(instansi: Instansi, tahun: int, boleh_ubah: bool) -> str:
    """The report's web page with the place of its panel (`pasang_panel`), from the cache
    «lkjip» while the report's fingerprint stands: a hit reads the fingerprint and the page
    and builds nothing. Raises `LaporanTidakAda` as `kumpulkan` does."""
    kunci = f"web:{instansi.pk}:{tahun}:{int(boleh_ubah)}:{sidik_laporan(instansi, tahun)}"
    tembolok = caches["lkjip"]
    html = tembolok.get(kunci)
    if html is None:
        with tanpa_gc():
            html = _html_laporan(susun(kumpulkan(instansi, tahun)), web=True, boleh_ubah=boleh_ubah)
        tembolok.set(kunci, html)
    return html


_GC = {"pemakai": 0, "nyala": False}
_KUNCI_GC = threading.Lock()


@contextlib.contextmanager
def tanpa_gc():
    """No cyclic garbage collection while a report is built. A build at 10x keeps some
    million objects alive until it ends (model rows, catalogue entries, cells), and every
    collection triggered by its allocations walks them again: on sakip_bench at 10x that
    was about 1 s of the page's 2,4 s CPU, for no memory back (peak RSS 263 MB with the
    collector, 264 MB without). What the build leaves in cycles is collected as usual
    afterwards. The collector is process-wide: builds overlapping in threads count, and
    the last to end turns it back on (only if it was on when the first began)."""
    with _KUNCI_GC:
        if _GC["pemakai"] == 0:
            _GC["nyala"] = gc.isenabled()
            gc.disable()
        _GC["pemakai"] += 1
    try:
        yield
    finally:
        with _KUNCI_GC:
            _GC["pemakai"] -= 1
            if _GC["pemakai"] == 0 and _GC["nyala"]:
                gc.enable()


def _html_laporan(dokumen: Dokumen, web: bool, boleh_ubah: bool, halaman_awal: str = "") -> str:
    pengaturan = dokumen.data.pengaturan
    for tabel in [i for i in dokumen.ikhtisar if isinstance(i, Tabel)] + dokumen.daftar_tabel:
        tata_letak(tabel, pengaturan)
    konteks = {"dokumen": dokumen, "data": dokumen.data, "pengaturan": dokumen.data.pengaturan, "web": web}
    konteks["halaman_awal"] = halaman_awal
    konteks["panel"] = TEMPAT_PANEL if web else ""
    if web:
        instansi = dokumen.data.instansi
        konteks["url_pdf"] = reverse("lkjip-pdf", args=[instansi.slug, dokumen.data.tahun])
        if boleh_ubah:
            konteks["url_tahun"] = reverse("instansi-tahun", args=[instansi.slug, dokumen.data.tahun])
            for tabel in dokumen.daftar_tabel:
                tabel.tautan = _tautan_data(dokumen, tabel.kunci)
    return render_to_string("lkjip/laporan.html", konteks)


def _label_halaman(dokumen, pdf) -> None:
    """Page labels as printed: «Sampul» for the cover, i, ii, … from the first front-matter
    page, 1, 2, … from the first chapter page (the named pages of laporan.css)."""
    nama = [halaman._page_box.page_type.name for halaman in dokumen.pages]
    angka = pydyf.Array()
    for awal, gaya in ((nama.index(n), g) for n, g in (("depan", "/r"), ("isi", "/D")) if n in nama):
        angka.extend([awal, pydyf.Dictionary({"S": gaya, "St": 1})])
    if angka and angka[0] > 0:
        angka[:0] = [0, pydyf.Dictionary({"P": pydyf.String("Sampul")})]
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": angka})


def pdf_dari_html(html: str, gaya: str = "") -> bytes:
    """Lay the HTML out as a PDF/A-3a; title, author and language come from the HTML head.
    `gaya` is print CSS for this PDF alone (the publication's verification line in every
    page's foot, which the HTML cannot hold: it prints the HTML's own hash)."""
    tambahan = [CSS(string=gaya)] if gaya else None
    return HTML(string=html, base_url=".").write_pdf(
        stylesheets=tambahan, pdf_variant=VARIAN_PDF, finisher=_label_halaman
    )


def pdf_tersimpan(instansi: Instansi, tahun: int, kunci: str | None = None) -> bytes | None:
    """The stored PDF of the agency-year while it is the report's current one, else None:
    a few small queries, nothing built."""
    kunci = kunci or sidik_laporan(instansi, tahun)
    isi = BerkasPdf.objects.filter(instansi=instansi, tahun=tahun, versi=kunci).values_list("isi", flat=True)
    isi = isi.first()
    return None if isi is None else bytes(isi)


def pdf_laporan(instansi: Instansi, tahun: int) -> bytes:
    """The agency's LKjIP for `tahun` as PDF, from the store while its fingerprint is unchanged."""
    kunci = sidik_laporan(instansi, tahun)
    tersimpan = pdf_tersimpan(instansi, tahun, kunci)
    if tersimpan is not None:
        return tersimpan
    isi = pdf_dari_html(html_laporan(susun(kumpulkan(instansi, tahun))))
    BerkasPdf.objects.update_or_create(instansi=instansi, tahun=tahun, defaults={"versi": kunci, "isi": isi})
    return isi
