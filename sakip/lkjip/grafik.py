"""The report's charts as SVG, drawn with matplotlib from the gathered data.

The same SVG is inlined in the web page and in the PDF. Drawing is deterministic (fixed
hash salt, no date in the metadata), so an unchanged report gives the same bytes and the
PDF cache (`sakip.models.BerkasPdf`) recognises it. Figures become floats only as plot
coordinates; every number written on a chart is formatted from its Decimal.
"""

import io
import textwrap
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt
from matplotlib.ticker import FuncFormatter

from inti.angka import format_angka
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
BIRU, MERAH, ABU = "#1f4e79", "#b22222", "#7f7f7f"


def _svg(fig) -> str:
    keluaran = io.StringIO()
    fig.savefig(keluaran, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    teks = keluaran.getvalue()
    return teks[teks.index("<svg") :]


def _label(teks: str, lebar: int = 38) -> str:
    baris = textwrap.wrap(teks, lebar)
    return "\n".join(baris[:3]) + (" …" if len(baris) > 3 else "")


def _sumbu_angka(ax, desimal=0, sumbu="x", persen=False):
    akhiran = " %" if persen else ""
    formatter = FuncFormatter(lambda v, _: format_angka(Decimal(str(round(v, 6))), desimal) + akhiran)
    (ax.xaxis if sumbu == "x" else ax.yaxis).set_major_formatter(formatter)


def _label_nilai(ax, data: DataLaporan, nilai: list[Decimal]):
    """Write each bar's percentage at its end, cut the agency's way."""
    p = data.pengaturan
    for y, v in enumerate(nilai):
        teks = format_angka(v, p.desimal, p.pembulatan) + " %"
        ax.annotate(teks, (float(v), y), xytext=(3, 0), textcoords="offset points", va="center")


def capaian_iku(data: DataLaporan) -> list:
    """Capaian of each IKU as a bar against the 100 % line."""
    terukur = [i for s in data.sasaran for i in s.indikator if isinstance(i.ukur.capaian, Decimal)]
    if not terukur:
        return []
    fig, ax = plt.subplots(figsize=(6.3, 0.45 * len(terukur) + 1))
    nilai = [float(i.ukur.capaian) for i in terukur]
    ax.barh(range(len(terukur)), nilai, color=[BIRU if v >= 100 else MERAH for v in nilai])
    ax.axvline(100, color=ABU, linestyle="--", linewidth=1)
    ax.set_yticks(range(len(terukur)), [_label(i.nama) for i in terukur])
    ax.invert_yaxis()
    _label_nilai(ax, data, [i.ukur.capaian for i in terukur])
    _sumbu_angka(ax, persen=True)
    ax.set_xlabel("Capaian terhadap target (garis putus-putus: 100 %)")
    return [Grafik(f"Capaian Indikator Kinerja Utama Tahun {data.tahun}", _svg(fig), kunci="grafik-capaian")]


def tren_realisasi(data: DataLaporan) -> list:
    """Each IKU's realisation over the years the data holds, with this year's target."""
    iku = [
        i
        for s in data.sasaran
        for i in s.indikator
        if sum(isinstance(v, Decimal) for v in i.realisasi_per_tahun.values()) >= 2
    ]
    if not iku:
        return []
    kolom = min(3, len(iku))
    baris = (len(iku) + kolom - 1) // kolom
    fig, axes = plt.subplots(baris, kolom, figsize=(6.3, 2.2 * baris), squeeze=False)
    for ax, i in zip(axes.flat, iku, strict=False):
        tahun = sorted(
            t for t, v in i.realisasi_per_tahun.items() if isinstance(v, Decimal) and t <= data.tahun
        )
        ax.plot(tahun, [float(i.realisasi_per_tahun[t]) for t in tahun], marker="o", color=BIRU)
        if isinstance(i.ukur.target, Decimal):
            ax.axhline(float(i.ukur.target), color=ABU, linestyle="--", linewidth=1)
        ax.set_title(_label(i.nama, 30), fontsize=7)
        ax.set_xticks(tahun, [str(t) for t in tahun])
        _sumbu_angka(ax, desimal=1, sumbu="y")
    for ax in list(axes.flat)[len(iku) :]:
        ax.axis("off")
    fig.tight_layout()
    return [
        Grafik(
            "Tren Realisasi Indikator Kinerja Utama (garis putus-putus: target tahun ini)",
            _svg(fig),
            kunci="grafik-tren",
        )
    ]


def penyerapan_program(data: DataLaporan) -> list:
    """Budget absorption per program."""
    program = [p for p in data.program if isinstance(p.penyerapan(), Decimal)]
    if not program:
        return []
    fig, ax = plt.subplots(figsize=(6.3, 0.4 * len(program) + 1))
    nilai = [float(p.penyerapan()) for p in program]
    ax.barh(range(len(program)), nilai, color=BIRU)
    ax.set_yticks(range(len(program)), [_label(p.objek.nama, 45) for p in program])
    ax.invert_yaxis()
    ax.set_xlim(0, max(100, *nilai) * 1.12)
    _label_nilai(ax, data, [p.penyerapan() for p in program])
    _sumbu_angka(ax, persen=True)
    ax.set_xlabel("Realisasi anggaran terhadap pagu")
    return [
        Grafik(f"Penyerapan Anggaran per Program Tahun {data.tahun}", _svg(fig), kunci="grafik-penyerapan")
    ]
