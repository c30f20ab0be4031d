"""The report's diagrams, drawn from the gathered data with Graphviz: the cascade (pohon
kinerja), the programs with their budget and the IKU they serve, the organisation chart.

Each diagram is written as DOT with the `graphviz` package, which quotes every name a
planner typed, and laid out by Graphviz's `dot` (Debian's graphviz, installed by `make`)
as SVG: our code says what is connected to what and never where anything stands. The same
data gives the same DOT and `dot` lays one input out the same way every time, so the SVG
bytes are stable and the PDF cache (`sakip.models.BerkasPdf`) recognises an unchanged
report. Text is set in DejaVu Sans, which `dot` measures and WeasyPrint embeds; long names
are wrapped. A diagram that would be unreadably small on a portrait page goes on a
landscape page (`Diagram.landscape`, the class the tables use). Like the charts, the
diagrams are blocks of `sakip.lkjip.blok.BLOK` numbered «Gambar x.y».
"""

import hashlib
import re
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from html import escape

import graphviz
from django.core.cache import caches

from inti.angka import format_nilai, format_rupiah
from sakip.lkjip.data import DataLaporan, IndikatorTerukur
from sakip.lkjip.isi import Grafik

HURUF = "DejaVu Sans"
BATAS_WAKTU = 30  # seconds: a diagram of any agency is laid out in well under one
# The page box a diagram may fill, in points (A4 less the margins of laporan.css and room
# for the caption): portrait 155 × 225 mm, landscape 247 × 145 mm.
TEGAK = (439.0, 638.0)
MELINTANG = (700.0, 411.0)
WARNA = {
    "tujuan": "#dbe7f3",
    "sasaran": "#e3efda",
    "program": "#fdf0d5",
    "kegiatan": "#f7f7f7",
    "sub_kegiatan": "#ffffff",
    "iku": "#e3efda",
    "unit": "#f4f6f8",
}
LABEL_TINGKAT = {
    "tujuan": "TUJUAN",
    "sasaran": "SASARAN",
    "program": "PROGRAM",
    "kegiatan": "KEGIATAN",
    "sub_kegiatan": "SUB KEGIATAN",
}


@dataclass
class Diagram(Grafik):
    """A diagram: a picture labelled «Gambar» that may need a landscape page."""

    label: str = "Gambar"
    landscape: bool = False


def _bungkus(teks: str, lebar: int) -> str:
    """Text for an HTML-like label: escaped, wrapped at `lebar` characters the way
    `textwrap.wrap` does without breaking words or at hyphens (each line takes the words
    that fit, a longer word a line of its own), which at 10x spent a third of the
    cascade diagrams' time in its general chunking for these single-spaced words."""
    baris: list[str] = []
    for kata in teks.split():
        if baris and len(baris[-1]) + 1 + len(kata) <= lebar:
            baris[-1] += " " + kata
        else:
            baris.append(kata)
    return '<BR ALIGN="LEFT"/>'.join(escape(b) for b in baris)


def _label(judul: str, nama: str, rincian: list[str] = (), lebar: int = 34) -> str:
    """A box's label: a small heading (its level), the name in bold, then its details
    (indicators with targets, holders) in a smaller size."""
    baris = []
    if judul:
        baris.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="6.5" COLOR="#555555">{escape(judul)}</FONT></TD></TR>'
        )
    baris.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><B>{_bungkus(nama, lebar)}</B></TD></TR>')
    for r in rincian:
        teks = _bungkus(r, lebar + 8)
        baris.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="7">{teks}</FONT></TD></TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(baris)}</TABLE>>'


def _graf(kunci: str, arah: str) -> graphviz.Digraph:
    g = graphviz.Digraph(name=kunci)
    # ids prefixed by the diagram's key: several SVGs share one HTML page.
    g.attr(rankdir=arah, id=kunci, fontname=HURUF, nodesep="0.12", ranksep="0.3", bgcolor="transparent")
    g.attr("node", shape="box", style="rounded,filled", fontname=HURUF, fontsize="8", margin="0.06,0.04")
    g.attr("edge", color="#555555", arrowsize="0.6")
    return g


def _simpul(g: graphviz.Digraph, kunci: str, nama: str, label: str, warna: str) -> None:
    g.node(nama, label=label, fillcolor=warna, id=f"{kunci}-{nama}")


def _garis(g: graphviz.Digraph, kunci: str, dari: str, ke: str) -> None:
    g.edge(dari, ke, id=f"{kunci}-{dari}-{ke}")


_UKURAN = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def _dot(sumber: str) -> str:
    """`dot`'s SVG of a DOT source, from the cache «grafik» while the source is the same: a
    report draws a diagram per sasaran, each a process of its own (a tenth of a ten-times
    report's time), and its data changes far less often than it is read."""
    simpanan = caches["grafik"]
    kunci = "dot-" + hashlib.sha256(sumber.encode()).hexdigest()
    svg = simpanan.get(kunci)
    if svg is None:
        try:
            hasil = subprocess.run(
                ["dot", "-Tsvg"], input=sumber.encode(), capture_output=True, timeout=BATAS_WAKTU, check=True
            )
        except FileNotFoundError:
            raise RuntimeError("Graphviz (dot) tidak terpasang: jalankan «make system-deps».") from None
        svg = hasil.stdout.decode()
        simpanan.set(kunci, svg, timeout=None)
    return svg


def _gambar(g: graphviz.Digraph) -> tuple[str, bool]:
    """Lay the graph out with `dot`: (the SVG sized to its page, whether it needs landscape)."""
    svg = _dot(g.source)
    svg = svg[svg.index("<svg") :]
    ukuran = _UKURAN.search(svg)
    lebar, tinggi = float(ukuran[1]), float(ukuran[2])
    # Scale down to the page, never up; landscape where that keeps the text clearly larger.
    tegak = min(1.0, TEGAK[0] / lebar, TEGAK[1] / tinggi)
    melintang = min(1.0, MELINTANG[0] / lebar, MELINTANG[1] / tinggi)
    landscape = melintang > tegak * 1.15
    skala = melintang if landscape else tegak
    svg = svg.replace(ukuran[0], f'<svg width="{lebar * skala:.1f}pt" height="{tinggi * skala:.1f}pt"', 1)
    return svg, landscape


def _target(data: DataLaporan, i: IndikatorTerukur) -> str:
    """«name: target 30 %» — an indicator with this year's target, as the tables show it."""
    target = i.ukur.target
    if not isinstance(target, Decimal):
        return i.nama
    p = data.pengaturan
    nilai = format_nilai(target, p.desimal, p.pembulatan, tetap=i.indikator.desimal)
    return f"{i.nama}: target\u00a0{nilai}\u00a0{i.indikator.satuan}".rstrip()


def _rincian(data: DataLaporan, tingkat: str, objek) -> list[str]:
    return [f"• {_target(data, i)}" for i in data.indikator_dari(tingkat, objek)]


def _diagram(g: graphviz.Digraph, judul: str, kunci: str, alt: str) -> Diagram:
    svg, landscape = _gambar(g)
    return Diagram(judul, svg, kunci=kunci, alt=alt, landscape=landscape)


def pohon_kinerja(data: DataLaporan) -> list:
    """The cascade from the Renstra's tujuan through the sasaran to the programs, each with
    its indicators and this year's targets (Bandar Lampung's Gambar 1.2)."""
    if not data.sasaran:
        return []
    kunci = "pohon-kinerja"
    g = _graf(kunci, "LR")
    tujuan = {}
    for s in data.sasaran:
        if s.sasaran.tujuan_id is not None:
            tujuan.setdefault(s.sasaran.tujuan_id, s.sasaran.tujuan)
    for pk, t in tujuan.items():
        label = _label(LABEL_TINGKAT["tujuan"], t.uraian, _rincian(data, "tujuan", t))
        _simpul(g, kunci, f"t{pk}", label, WARNA["tujuan"])
    for s in data.sasaran:
        nama = f"s{s.sasaran.pk}"
        rincian = [f"• {_target(data, i)}" for i in s.indikator]
        _simpul(g, kunci, nama, _label(LABEL_TINGKAT["sasaran"], s.sasaran.uraian, rincian), WARNA["sasaran"])
        if s.sasaran.tujuan_id is not None:
            _garis(g, kunci, f"t{s.sasaran.tujuan_id}", nama)
    for p in data.program:
        nama = f"p{p.objek.pk}"
        label = _label(LABEL_TINGKAT["program"], p.objek.nama, _rincian(data, "program", p.objek), lebar=40)
        _simpul(g, kunci, nama, label, WARNA["program"])
        if p.objek.sasaran_id is not None:
            _garis(g, kunci, f"s{p.objek.sasaran_id}", nama)
    alt = (
        f"Pohon kinerja: {len(tujuan)} tujuan, {len(data.sasaran)} sasaran dengan indikatornya, "
        f"dan {len(data.program)} program yang mendukungnya."
    )
    return [
        _diagram(
            g, f"Cascading Kinerja: Keterkaitan Tujuan, Sasaran dan Program Tahun {data.tahun}", kunci, alt
        )
    ]


def _cabang(data: DataLaporan, g: graphviz.Digraph, kunci: str, program) -> int:
    """A program with its kegiatan and sub kegiatan, each with its indicators; the number of
    boxes drawn."""
    jumlah = 1
    nama_p = f"p{program.objek.pk}"
    label = _label(LABEL_TINGKAT["program"], program.objek.nama, _rincian(data, "program", program.objek))
    _simpul(g, kunci, nama_p, label, WARNA["program"])
    for k in program.anak:
        nama_k = f"k{k.objek.pk}"
        label = _label(LABEL_TINGKAT["kegiatan"], k.objek.nama, _rincian(data, "kegiatan", k.objek))
        _simpul(g, kunci, nama_k, label, WARNA["kegiatan"])
        _garis(g, kunci, nama_p, nama_k)
        jumlah += 1
        for sub in k.anak:
            nama_s = f"u{sub.objek.pk}"
            label = _label(
                LABEL_TINGKAT["sub_kegiatan"], sub.objek.nama, _rincian(data, "sub_kegiatan", sub.objek)
            )
            _simpul(g, kunci, nama_s, label, WARNA["sub_kegiatan"])
            _garis(g, kunci, nama_k, nama_s)
            jumlah += 1
    return jumlah


def cascading_sasaran(data: DataLaporan) -> list:
    """For each sasaran, the programs, kegiatan and sub kegiatan that serve it, each with
    its indicators and targets (Bandar Lampung's Gambar 1.5 and 1.6, Lampiran 6); programs
    tied to no sasaran get a diagram of their own. Each diagram's key names its sasaran
    (`cascading-sasaran-<pk>`), so a narrative can place it by itself."""
    hasil = []
    for s in data.sasaran:
        if not s.program:
            continue
        kunci = f"cascading-sasaran-{s.sasaran.pk}"
        g = _graf(kunci, "LR")
        rincian = [f"• {_target(data, i)}" for i in s.indikator]
        label = _label(LABEL_TINGKAT["sasaran"], s.sasaran.uraian, rincian)
        _simpul(g, kunci, f"s{s.sasaran.pk}", label, WARNA["sasaran"])
        kotak = 1
        for p in s.program:
            kotak += _cabang(data, g, kunci, p)
            _garis(g, kunci, f"s{s.sasaran.pk}", f"p{p.objek.pk}")
        sasaran_iku = ", ".join(i.nama for i in s.indikator) or s.sasaran.uraian
        alt = f"Sasaran «{s.sasaran.uraian}» dengan {len(s.program)} program pendukungnya; {kotak} kotak."
        hasil.append(
            _diagram(g, f"Cascading Program/Kegiatan dalam Upaya Mencapai Target {sasaran_iku}", kunci, alt)
        )
    lepas = [p for p in data.program if p.objek.sasaran_id is None]
    if lepas:
        kunci = "cascading-sasaran-lain"
        g = _graf(kunci, "LR")
        kotak = sum(_cabang(data, g, kunci, p) for p in lepas)
        alt = f"{len(lepas)} program yang tidak terkait sasaran tertentu, dengan kegiatannya; {kotak} kotak."
        hasil.append(_diagram(g, "Cascading Program/Kegiatan Pendukung Seluruh Sasaran", kunci, alt))
    return hasil


def program_anggaran_iku(data: DataLaporan) -> list:
    """Each program with its budget (the DPA in force) and the IKU of the sasaran it serves
    (Bandar Lampung's Gambar 1.3 «Program dan Anggaran yang mendukung IKU»)."""
    if not data.program:
        return []
    kunci = "program-anggaran-iku"
    g = _graf(kunci, "LR")
    g.attr(ranksep="0.6")
    iku = {s.sasaran.pk: s for s in data.sasaran}
    lepas = False
    for s in data.sasaran:
        rincian = [f"• {_target(data, i)}" for i in s.indikator]
        label = _label("INDIKATOR KINERJA UTAMA", s.sasaran.uraian, rincian)
        _simpul(g, kunci, f"s{s.sasaran.pk}", label, WARNA["iku"])
    for p in data.program:
        nama = f"p{p.objek.pk}"
        label = _label(
            LABEL_TINGKAT["program"], p.objek.nama, [f"Anggaran {format_rupiah(p.pagu_akhir())}"], lebar=40
        )
        _simpul(g, kunci, nama, label, WARNA["program"])
        if p.objek.sasaran_id in iku:
            _garis(g, kunci, nama, f"s{p.objek.sasaran_id}")
        else:
            lepas = True
            _garis(g, kunci, nama, "lain")
    if lepas:
        _simpul(
            g,
            kunci,
            "lain",
            _label("", "Program rutin pendukung keberhasilan tujuan dan sasaran"),
            WARNA["iku"],
        )
    alt = (
        f"{len(data.program)} program dengan anggarannya, masing-masing dihubungkan ke indikator "
        f"kinerja utama sasaran yang didukungnya."
    )
    return [_diagram(g, f"Program dan Anggaran yang Mendukung IKU Tahun {data.tahun}", kunci, alt)]


def _pemangku(j) -> str:
    if j.pemangku:
        nip = f" (NIP {j.nip})" if j.nip else ""
        return f"{j.nama}: {j.pemangku}{nip}"
    return f"{j.nama} ({j.jumlah} orang)" if j.jumlah != 1 else j.nama


def bagan_organisasi(data: DataLaporan) -> list:
    """The organisation chart: every unit under the unit it answers to, with its positions
    and who holds them (Lampung Barat's Bagan 1.1, Bandar Lampung's Gambar 1.1)."""
    if not data.unit_organisasi:
        return []
    kunci = "bagan-organisasi"
    g = _graf(kunci, "TB")
    g.attr(splines="ortho", nodesep="0.2", ranksep="0.35")
    g.attr("node", style="filled", fillcolor=WARNA["unit"])
    g.attr("edge", arrowhead="none")
    for u in data.unit_organisasi:
        rincian = [_pemangku(j) for j in data.jabatan.get(u.pk, [])]
        _simpul(g, kunci, f"u{u.pk}", _label("", u.nama, rincian, lebar=24), WARNA["unit"])
        if u.induk_id is not None:
            _garis(g, kunci, f"u{u.induk_id}", f"u{u.pk}")
    jumlah = sum(j.jumlah for daftar in data.jabatan.values() for j in daftar)
    alt = (
        f"Bagan struktur organisasi {data.instansi.nama} tahun {data.tahun}: "
        f"{len(data.unit_organisasi)} unit dan {jumlah} jabatan, tiap unit di bawah unit atasannya."
    )
    return [_diagram(g, f"Bagan Struktur Organisasi {data.instansi.nama}", kunci, alt)]
