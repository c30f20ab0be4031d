"""Times LKjIP generation for both fixtures: HTML, its charts, PDF, and WeasyPrint alone.

Run: `.venv/bin/python benchmarks/lkjip.py [--runs 5]`. It builds a throw-away SQLite
database in a temporary folder, loads both fixtures, and prints a Markdown table of median
wall-clock times, the steps taking turns in each round (the results are kept in
benchmarks/README.md). "WeasyPrint alone" lays out
HTML rendered beforehand, as the PDF/A-3a the application serves (`render.pdf_dari_html`);
the ratio PDF ÷ WeasyPrint shows what our data gathering, charts and templates add on top
of the layout engine. "Charts" is the part of the HTML spent drawing the matplotlib charts.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RAGAM = [("koperindag-lampung-barat", 2023), ("diskopukm-bandar-lampung", 2022)]


def waktu(fungsi) -> float:
    mulai = time.perf_counter()
    fungsi()
    return time.perf_counter() - mulai


def bergilir(fungsi: dict, runs: int) -> dict[str, list[float]]:
    """Each function's times over `runs` rounds, the functions taking turns within a round:
    on a shared machine a load that comes and goes then weighs on neighbours alike, and the
    ratio of two within a round holds even when the absolute times do not."""
    hasil = {nama: [] for nama in fungsi}
    for _ in range(runs):
        for nama, f in fungsi.items():
            hasil[nama].append(waktu(f))
    return hasil


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings_test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", "lampung_barat_2023", "bandar_lampung_2022", verbosity=0)

    print(f"median of {args.runs} runs, seconds\n")
    print(
        "| fixture | pages | HTML (data + templates) | of which charts | PDF (HTML + WeasyPrint) "
        "| WeasyPrint alone | ratio |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for slug, tahun in RAGAM:
        print(ukur(slug, tahun, args.runs))


def ukur(slug: str, tahun: int, runs: int) -> str:
    """One fixture's row: medians of HTML, charts, PDF and WeasyPrint on the pre-rendered
    HTML, and the median of each round's PDF ÷ WeasyPrint."""
    from weasyprint import HTML

    from instansi.models import Instansi
    from sakip.lkjip.blok import BLOK, GRAFIK
    from sakip.lkjip.data import kumpulkan
    from sakip.lkjip.render import html_laporan, pdf_dari_html
    from sakip.lkjip.susun import susun

    instansi = Instansi.objects.get(slug=slug)

    def html():
        return html_laporan(susun(kumpulkan(instansi, tahun)))

    teks = html()
    halaman = len(HTML(string=teks, base_url=".").render().pages)
    data = kumpulkan(instansi, tahun)
    t = bergilir(
        {
            "grafik": lambda: [BLOK[k](data) for k in GRAFIK],
            "html": html,
            "pdf": lambda: pdf_dari_html(html()),
            "weasy": lambda: pdf_dari_html(teks),
        },
        runs,
    )
    m = {nama: statistics.median(w) for nama, w in t.items()}
    rasio = statistics.median(p / w for p, w in zip(t["pdf"], t["weasy"], strict=True))
    return (
        f"| {slug} {tahun} | {halaman} | {m['html']:.3f} | {m['grafik']:.3f} | {m['pdf']:.3f} "
        f"| {m['weasy']:.3f} | {rasio:.2f} |"
    )


if __name__ == "__main__":
    main()
