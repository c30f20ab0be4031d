"""Times LKjIP generation for both fixtures: HTML, PDF, and WeasyPrint alone.

Run: `.venv/bin/python benchmarks/lkjip.py [--runs 5]`. It builds a throw-away SQLite
database in a temporary folder, loads both fixtures, and prints a Markdown table of median
wall-clock times (the results are kept in benchmarks/README.md). "WeasyPrint alone" lays out
HTML rendered beforehand; the ratio PDF ÷ WeasyPrint shows what our data gathering and
templates add on top of the layout engine.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RAGAM = [("koperindag-lampung-barat", 2023), ("diskopukm-bandar-lampung", 2022)]


def median_waktu(fungsi, runs: int) -> float:
    waktu = []
    for _ in range(runs):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


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
        "| fixture | pages | HTML (data + templates) | PDF (HTML + WeasyPrint) | WeasyPrint alone | ratio |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for slug, tahun in RAGAM:
        print(ukur(slug, tahun, args.runs))


def ukur(slug: str, tahun: int, runs: int) -> str:
    """One fixture's row: medians of HTML, PDF and WeasyPrint on the pre-rendered HTML."""
    from weasyprint import HTML

    from instansi.models import Instansi
    from sakip.lkjip.data import kumpulkan
    from sakip.lkjip.render import html_laporan, pdf_dari_html
    from sakip.lkjip.susun import susun

    instansi = Instansi.objects.get(slug=slug)

    def html():
        return html_laporan(susun(kumpulkan(instansi, tahun)))

    teks = html()
    halaman = len(HTML(string=teks, base_url=".").render().pages)
    t_html = median_waktu(html, runs)
    t_pdf = median_waktu(lambda: pdf_dari_html(html()), runs)
    t_weasy = median_waktu(lambda: pdf_dari_html(teks), runs)
    return (
        f"| {slug} {tahun} | {halaman} | {t_html:.3f} | {t_pdf:.3f} | {t_weasy:.3f} | {t_pdf / t_weasy:.2f} |"
    )


if __name__ == "__main__":
    main()
