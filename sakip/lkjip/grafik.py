"""The report's charts as SVG, drawn with matplotlib from the gathered data.

The same SVG is inlined in the web page and in the PDF, with its alt text as the SVG's
`<title>`: the accessible name a browser reads and the one WeasyPrint writes into the
tagged PDF. Drawing is deterministic (fixed hash salt, no date in the metadata), so an
unchanged report gives the same bytes and the PDF cache (`sakip.models.BerkasPdf`)
recognises it. Figures become floats only as plot coordinates; every number written on a
chart is formatted from its Decimal.

Layout is fixed, not measured: every size is computed here in inches (label column, a row
per bar, a line per title line) and the axes are placed where that says, so matplotlib
draws each figure once (no `tight_layout`, no `bbox_inches="tight"`, both of which draw it
a second time to measure) and tick labels are written once, not formatted per draw.
Quantities start at zero; a bar's colour is its predikat's (`warna_pita`).

A chart is drawn once per change of what it shows, not per request: each chart first
collects the values it draws, and `_tergambar` keeps the SVG in the cache `grafik` under
the SHA-256 of those values, this module's code and matplotlib's version
(sakip/settings.py says where that cache lives).
"""

import hashlib
import html
import io
import re
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import matplotlib
from django.core.cache import caches

matplotlib.use("Agg")

from matplotlib import pyplot as plt
from matplotlib.colors import LinearSegmentedColormap, to_hex
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from instansi.models import KomposisiPegawai
from instansi.pengaturan import Pita
from inti.angka import format_angka, format_nilai, jumlah_ada
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.isi import Grafik

plt.rcParams.update(
    {
        "svg.hashsalt": "sakip",
        "svg.fonttype": "none",
        # Names are typed by planners: "Rp $ 5 juta $" is money, not TeX, and a name
        # with "$\foo$" must not fail the report. Every text is drawn as written.
        "text.parse_math": False,
        "font.family": "DejaVu Sans",
        "font.size": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
BIRU, ABU = "#1f4e79", "#7f7f7f"
# Rating bands carry no colour of their own: the highest band takes the palette's first
# colour (green), the lowest its last (red), the ones between evenly spaced along it. Dark
# enough at every step for white paper and black value labels beside the bar.
PALET_PITA = LinearSegmentedColormap.from_list("pita", ["#1a7f37", "#1f4e79", "#c77700", "#b22222"])

LEBAR = 6.3  # inches: the printed text width of an A4 portrait page at 100 %
GARIS = 8 / 72 * 1.25  # inches: one line of 8 pt text
HURUF = 8 / 72 * 0.55  # inches: an average DejaVu Sans character at 8 pt


def warna_pita(pita: list[Pita]) -> dict[str, str]:
    """Each band's colour by its rank, highest band first (see PALET_PITA)."""
    urut = sorted(pita, key=lambda p: (p.batas_bawah is not None, p.batas_bawah or 0), reverse=True)
    if len(urut) == 1:
        return {urut[0].label: to_hex(PALET_PITA(0.0))}
    return {p.label: to_hex(PALET_PITA(n / (len(urut) - 1))) for n, p in enumerate(urut)}


_TAG = re.compile(r"<[^>!?][^>]*>")
_GAYA = re.compile(r'style="([^"]*)"')
_RUJUK_ID = re.compile(r'(\bid="|href="#|url\(#)')


def _svg(fig, alt: str, kunci: str) -> str:
    """The figure as an SVG element for the page (`svg_bernama`)."""
    keluaran = io.StringIO()
    fig.savefig(keluaran, format="svg", metadata={"Date": None})
    plt.close(fig)
    return svg_bernama(keluaran.getvalue(), alt, kunci)


# What else decides a chart's bytes besides its values: the code that draws it.
VERSI_GAMBAR = hashlib.sha256(Path(__file__).read_bytes() + matplotlib.__version__.encode()).hexdigest()


def _tergambar(gambar, masukan: tuple, alt: str, kunci: str) -> str:
    """The SVG of `gambar(*masukan)` (a function returning a figure) as `_svg` makes it,
    from the cache while the same values were drawn before: drawing is most of a report's
    time (2–4 s for a ten-times agency), and a report is read far more often than changed."""
    sidik = hashlib.sha256(repr((VERSI_GAMBAR, gambar.__name__, masukan, alt, kunci)).encode()).hexdigest()
    simpanan = caches["grafik"]
    svg = simpanan.get(sidik)
    if svg is None:
        svg = _svg(gambar(*masukan), alt, kunci)
        simpanan.set(sidik, svg, timeout=None)
    return svg


def svg_bernama(teks: str, alt: str, kunci: str) -> str:
    """An SVG document as an element of the report, named by `alt`: role img and a <title>
    first child (the accessible name in the page, the figure's /Alt in the tagged PDF), ids
    prefixed by `kunci`. For every picture drawn as SVG, the diagrams too."""
    teks = _TAG.sub(lambda tag: _tag(tag.group(0), kunci), teks[teks.index("<svg") :])
    akhir_tag = teks.index(">") + 1
    nama = html.escape(alt)
    return f'{teks[: akhir_tag - 1]} role="img" aria-label="{nama}"><title>{nama}</title>{teks[akhir_tag:]}'


def _tag(tag: str, kunci: str) -> str:
    """One tag made fit for the page: ids prefixed by the chart's key, as matplotlib numbers
    them per figure (axes_1, patch_1…) and two charts must not share one; style attributes
    as presentation attributes, because WeasyPrint also reads an inline SVG's styles as HTML
    CSS and warns about every SVG-only property in them, hundreds per report."""
    tag = _RUJUK_ID.sub(lambda m: f"{m.group(1)}{kunci}-", tag)
    return _GAYA.sub(lambda m: " ".join(_atribut(d) for d in m.group(1).split(";") if ":" in d), tag)


def _atribut(deklarasi: str) -> str:
    """`fill: #1f4e79` → `fill="#1f4e79"`."""
    nama, nilai = deklarasi.split(":", 1)
    return f'{nama.strip()}="{nilai.strip()}"'


def _bungkus(teks: str, lebar_inci: float, ukuran: float = 8) -> list[str]:
    """`teks` wrapped whole to the width, in lines: nothing of a name is cut off."""
    return textwrap.wrap(teks, max(8, int(lebar_inci / (HURUF * ukuran / 8)))) or [""]


def _tik(ax, batas_atas: float, sumbu: str, desimal: int = 0, akhiran: str = "", bawah: float = 0.0):
    """Ticks from `bawah` to `batas_atas`, labelled once, the Indonesian way."""
    pencari = MaxNLocator(5, integer=desimal == 0 and not akhiran)
    tik = [t for t in pencari.tick_values(bawah, batas_atas) if bawah <= t <= batas_atas]
    label = [format_angka(Decimal(str(round(t, 6))), desimal) + akhiran for t in tik]
    if sumbu == "x":
        ax.set_xlim(bawah, batas_atas)
        ax.set_xticks(tik, label)
    else:
        ax.set_ylim(bawah, batas_atas)
        ax.set_yticks(tik, label)


@dataclass
class Batang:
    """One bar: its label, value, colour and the text written at its end."""

    label: str
    nilai: Decimal
    warna: str
    teks: str


def _panel_batang(
    kelompok: list[tuple[str, list[Batang]]],
    sumbu: str,
    persen: bool = False,
    garis_100: bool = False,
    legenda: dict[str, str] | None = None,
):
    """Horizontal bars, one panel per group stacked down the page, laid out in inches: a
    label column wide enough for names wrapped whole, a row per bar as tall as its label,
    room at the right for the value written at the bar's end, and a line at the bottom for
    the legend (label → colour), if any."""
    kiri, kanan, judul_h, sumbu_h = 2.5, 0.7, 2 * GARIS, 3.2 * GARIS
    lebar_sumbu = LEBAR - kiri - kanan
    tinggi_panel = []
    for judul, batang in kelompok:
        baris = [max(1, len(_bungkus(b.label, kiri - 0.15))) for b in batang]
        tinggi_panel.append(((judul_h if judul else 0.1), [max(0.26, n * GARIS + 0.08) for n in baris]))
    legenda_h = 3.2 * GARIS if legenda else 0
    tinggi = sum(j + sum(b) + sumbu_h for j, b in tinggi_panel) + legenda_h + 0.1
    fig = plt.figure(figsize=(LEBAR, tinggi))
    if legenda:
        fig.legend(
            handles=[Patch(color=w, label=label) for label, w in legenda.items()],
            loc="lower left",
            bbox_to_anchor=(kiri / LEBAR, 0),
            ncols=len(legenda),
            frameon=False,
            title="Predikat:",
            alignment="left",
        )
    atas = tinggi - 0.05
    for (judul, batang), (judul_tinggi, baris) in zip(kelompok, tinggi_panel, strict=True):
        h = sum(baris)
        ax = fig.add_axes((kiri / LEBAR, (atas - judul_tinggi - h) / tinggi, lebar_sumbu / LEBAR, h / tinggi))
        tengah, y = [], 0.0
        for b in baris:
            tengah.append(y + b / 2)
            y += b
        ax.barh(
            tengah,
            [float(b.nilai) for b in batang],
            height=[b - 0.08 for b in baris],
            color=[b.warna for b in batang],
        )
        ax.set_ylim(h, 0)
        ax.set_yticks(tengah, ["\n".join(_bungkus(b.label, kiri - 0.15)) for b in batang])
        ax.tick_params(axis="y", length=0)
        terbesar = max([float(b.nilai) for b in batang] + ([100.0] if garis_100 else [1.0]))
        # The value label needs about 0.6 inch beyond the longest bar.
        _tik(ax, terbesar * lebar_sumbu / (lebar_sumbu - 0.6), "x", akhiran=" %" if persen else "")
        if garis_100:
            ax.axvline(100, color=ABU, linestyle="--", linewidth=1)
        for t, b in zip(tengah, batang, strict=True):
            ax.annotate(b.teks, (float(b.nilai), t), xytext=(3, 0), textcoords="offset points", va="center")
        if judul:
            ax.set_title(judul, loc="left", fontsize=8, fontweight="bold", pad=4)
        ax.set_xlabel(sumbu)
        atas -= judul_tinggi + h + sumbu_h
    return fig


def _persen(data: DataLaporan, nilai: Decimal) -> str:
    p = data.pengaturan
    return format_angka(nilai, p.desimal, p.pembulatan) + " %"


def _nilai(data: DataLaporan, i, nilai: Decimal) -> str:
    """An indicator's value as its tables show it (`sakip.lkjip.isi.nilai_indikator`)."""
    p = data.pengaturan
    return format_nilai(nilai, p.desimal, p.pembulatan, i.indikator.desimal)


def capaian_iku(data: DataLaporan) -> list:
    """Capaian of each IKU as a bar against the 100 % line, coloured by its predikat."""
    terukur = [i for s in data.sasaran for i in s.indikator if isinstance(i.ukur.capaian, Decimal)]
    if not terukur:
        return []
    warna = warna_pita(data.pita)
    batang = [
        Batang(i.nama, i.ukur.capaian, warna.get(i.ukur.predikat, BIRU), _persen(data, i.ukur.capaian))
        for i in terukur
    ]
    dipakai = {i.ukur.predikat: warna[i.ukur.predikat] for i in terukur if i.ukur.predikat in warna}
    masukan = ([("", batang)], "Capaian terhadap target (garis putus-putus: 100 %)", True, True, dipakai)
    judul = f"Capaian Indikator Kinerja Utama Tahun {data.tahun}"
    alt = (
        f"Grafik batang capaian {len(terukur)} indikator kinerja utama tahun {data.tahun} terhadap "
        "targetnya, dengan garis 100 %: "
        + "; ".join(
            f"{i.nama} {_persen(data, i.ukur.capaian)}" + (f" ({i.ukur.predikat})" if i.ukur.predikat else "")
            for i in terukur
        )
        + "."
    )
    svg = _tergambar(_panel_batang, masukan, alt, "grafik-capaian")
    return [Grafik(judul, svg, kunci="grafik-capaian", alt=alt)]


def _label_tahun(tahun: list[int], lebar_inci: float) -> list[int]:
    """The years to label on an axis this wide: all when they fit, else every n-th (and the
    last), so that no two labels overprint."""
    muat = max(2, int(lebar_inci / (5 * HURUF)))
    langkah = -(-len(tahun) // muat)
    pilih = tahun[::-1][::langkah][::-1]
    return pilih


def tren_realisasi(data: DataLaporan) -> list:
    """Each IKU's realisation over the years the data holds, with this year's target."""
    seri, kalimat = [], []
    for s in data.sasaran:
        for i in s.indikator:
            tahun = sorted(
                t for t, v in i.realisasi_per_tahun.items() if isinstance(v, Decimal) and t <= data.tahun
            )
            if len(tahun) < 2:
                continue
            nilai = [i.realisasi_per_tahun[t] for t in tahun]
            target = i.ukur.target if isinstance(i.ukur.target, Decimal) else None
            seri.append((i.nama, tahun, nilai, target))
            kalimat.append(
                f"{i.nama}: "
                + ", ".join(f"{t} {_nilai(data, i, v)}" for t, v in zip(tahun, nilai, strict=True))
                + (f" (target {data.tahun} {_nilai(data, i, target)})" if target is not None else "")
            )
    if not seri:
        return []
    alt = (
        f"Grafik garis realisasi {len(seri)} indikator kinerja utama per tahun, dengan target tahun "
        f"{data.tahun} sebagai garis putus-putus: " + "; ".join(kalimat) + "."
    )
    return [
        Grafik(
            "Tren Realisasi Indikator Kinerja Utama (garis putus-putus: target tahun ini)",
            _tergambar(_panel_tren, (seri,), alt, "grafik-tren"),
            kunci="grafik-tren",
            alt=alt,
        )
    ]


def _panel_tren(seri: list[tuple[str, list[int], list[Decimal], Decimal | None]]):
    """A small line chart per series (name, years, values, target or None), three to a row."""
    kolom = min(3, len(seri))
    baris = -(-len(seri) // kolom)
    kiri, celah, bawah_h = 0.55, 0.35, 2.2 * GARIS
    lebar_panel = (LEBAR - kiri - (kolom - 1) * celah - 0.1) / kolom
    judul = [_bungkus(nama, lebar_panel + 0.3, 7) for nama, *_ in seri]
    tinggi_plot = 1.45
    judul_baris = [
        max(len(j) for j in judul[r * kolom : (r + 1) * kolom]) * GARIS * 7 / 8 + 0.12 for r in range(baris)
    ]
    tinggi = sum(judul_baris) + baris * (tinggi_plot + bawah_h) + 0.05
    fig = plt.figure(figsize=(LEBAR, tinggi))
    for n, (_, tahun, nilai, target) in enumerate(seri):
        r, k = divmod(n, kolom)
        atas = tinggi - sum(judul_baris[: r + 1]) - r * (tinggi_plot + bawah_h)
        ax = fig.add_axes(
            (
                (kiri + k * (lebar_panel + celah)) / LEBAR,
                (atas - tinggi_plot) / tinggi,
                lebar_panel / LEBAR,
                tinggi_plot / tinggi,
            )
        )
        ax.plot(tahun, [float(v) for v in nilai], marker="o", color=BIRU)
        semua = [float(v) for v in nilai]
        if target is not None:
            ax.axhline(float(target), color=ABU, linestyle="--", linewidth=1)
            semua.append(float(target))
        # A quantity's axis starts at zero (a negative growth takes it below); the margin
        # above keeps the top point off the panel's edge.
        puncak = max([*semua, 0.0])
        dasar = min([*semua, 0.0])
        desimal = 0 if puncak - dasar >= 5 else 1
        _tik(ax, puncak + (puncak - dasar) * 0.1 or 1.0, "y", desimal, bawah=dasar)
        ax.set_xlim(tahun[0] - 0.4, tahun[-1] + 0.4)
        ax.set_xticks(_label_tahun(tahun, lebar_panel), [str(t) for t in _label_tahun(tahun, lebar_panel)])
        ax.set_title("\n".join(judul[n]), fontsize=7, pad=3)
    return fig


def penyerapan_program(data: DataLaporan) -> list:
    """Budget absorption per program."""
    program = [p for p in data.program if isinstance(p.penyerapan(), Decimal)]
    if not program:
        return []
    batang = [Batang(p.objek.nama, p.penyerapan(), BIRU, _persen(data, p.penyerapan())) for p in program]
    alt = (
        f"Grafik batang penyerapan anggaran {len(program)} program tahun {data.tahun}, realisasi "
        "terhadap pagu: " + "; ".join(f"{b.label} {b.teks}" for b in batang) + "."
    )
    masukan = ([("", batang)], "Realisasi anggaran terhadap pagu", True)
    judul = f"Penyerapan Anggaran per Program Tahun {data.tahun}"
    return [
        Grafik(
            judul,
            _tergambar(_panel_batang, masukan, alt, "grafik-penyerapan"),
            kunci="grafik-penyerapan",
            alt=alt,
        )
    ]


def sdm(data: DataLaporan) -> list:
    """The staff's composition, one panel per SDM dimension the agency records (Lampung
    Barat's Gambar 3.1): each row's count over all its columns."""
    kelompok = []
    for dimensi, label in KomposisiPegawai.Dimensi.choices:
        per_uraian: dict[str, list[int | None]] = {}
        for p in data.pegawai:
            if p.dimensi == dimensi:
                per_uraian.setdefault(p.uraian, []).append(p.jumlah)
        batang = [
            Batang(u, Decimal(n), BIRU, f"{format_angka(Decimal(n), 0)} orang")
            for u, daftar in per_uraian.items()
            if (n := jumlah_ada(daftar)) is not None
        ]
        if batang:
            kelompok.append((label, batang))
    if not kelompok:
        return []
    judul = f"Kondisi Sumber Daya Manusia {data.instansi.nama} Tahun {data.tahun}"
    alt = (
        f"Grafik batang jumlah pegawai {data.instansi.nama} tahun {data.tahun} menurut "
        + "; menurut ".join(
            f"{label.lower()}: " + ", ".join(f"{b.label} {b.teks}" for b in batang)
            for label, batang in kelompok
        )
        + "."
    )
    svg = _tergambar(_panel_batang, (kelompok, "Jumlah pegawai (orang)"), alt, "grafik-sdm")
    return [Grafik(judul, svg, kunci="grafik-sdm", label="Gambar", alt=alt)]
