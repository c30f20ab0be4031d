"""The printed LKjIP as an archive and a reader get it: PDF/A-3a, page labels as printed,
bookmarks down to tables and figures, charts that tell the truth, no page wasted.

Both fixtures' PDFs are made once for the class through `render.pdf_dari_html` (the one
place that calls WeasyPrint) and read back with poppler's tools, as an outsider would.
"""

import re
import subprocess
import tempfile
import zlib
from decimal import Decimal
from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase, TestCase
from django.utils.html import escape
from matplotlib.colors import to_hex

from instansi.models import Instansi, PengaturanLaporan
from instansi.pengaturan import PITA_BAKU
from kinerja.hitung import TidakTerhitung
from kinerja.models import Realisasi
from sakip.lkjip import grafik
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import ANGKA, PERSEN, RUPIAH, Sel, Tabel, teks_sel
from sakip.lkjip.render import html_laporan, pdf_dari_html, tata_letak
from sakip.lkjip.susun import susun
from sakip.templatetags.lkjip import tabel_html
from tests.factories import buat_instansi

LB, BL = ("koperindag-lampung-barat", 2023), ("diskopukm-bandar-lampung", 2022)
# A page's first line that starts a chapter or a front-matter section (a page before it
# may be short: the next one starts on a fresh page by rule).
AWAL_BAB = re.compile(r"^(BAB [IVX]+\b|LAMPIRAN$|KATA PENGANTAR|IKHTISAR EKSEKUTIF|DAFTAR ISI)")


def _jalankan(*perintah: str) -> str:
    return subprocess.run(perintah, capture_output=True, text=True, check=True).stdout


def _isi_pdf(pdf: bytes) -> str:
    """The PDF's objects as text, compressed streams inflated (WeasyPrint packs its
    dictionaries into object streams)."""
    bagian = [pdf.decode("latin-1")]
    for cocok in re.finditer(rb"stream\r?\n", pdf):
        try:
            bagian.append(zlib.decompressobj().decompress(pdf[cocok.end() :]).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(bagian)


def _teks_pdf(nilai: str) -> str:
    """A PDF string, literal `(…)` or UTF-16 hex `<FEFF…>`, as text."""
    if nilai.startswith("<"):
        return bytes.fromhex(nilai[1:-1]).decode("utf-16")
    return nilai[1:-1]


class CetakTestCase(TestCase):
    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pdf, cls.html, cls.halaman, cls.kotak, cls.meta, cls.info, cls.tanda = ({} for _ in range(7))
        with tempfile.TemporaryDirectory() as tmp:
            for slug, tahun in (LB, BL):
                cls.html[slug] = html_laporan(susun(kumpulkan(Instansi.objects.get(slug=slug), tahun)))
                cls.pdf[slug] = pdf_dari_html(cls.html[slug])
                berkas = Path(tmp) / f"{slug}.pdf"
                berkas.write_bytes(cls.pdf[slug])
                cls.halaman[slug] = _jalankan("pdftotext", "-layout", str(berkas), "-").split("\f")
                cls.kotak[slug] = _jalankan("pdftotext", "-bbox", str(berkas), "-")
                cls.meta[slug] = _jalankan("pdfinfo", "-meta", str(berkas))
                cls.info[slug] = _jalankan("pdfinfo", str(berkas))
                # pdftohtml's XML lists the bookmarks (<outline>) with their titles.
                xml = _jalankan("pdftohtml", "-xml", "-stdout", "-i", "-q", str(berkas))
                cls.tanda[slug] = re.findall(r'<item page="\d+">([^<]+)</item>', xml)

    def test_the_pdf_declares_pdf_a_3a_and_is_tagged(self):
        for slug, _ in (LB, BL):
            with self.subTest(slug):
                self.assertIn('pdfaid:part="3"', self.meta[slug])
                self.assertIn('pdfaid:conformance="A"', self.meta[slug])
                self.assertRegex(self.info[slug], r"Tagged:\s+yes")
                self.assertRegex(_isi_pdf(self.pdf[slug]), r"/Lang \(id\)")

    def test_page_labels_are_the_printed_numbers(self):
        for slug, _ in (LB, BL):
            with self.subTest(slug):
                label = re.search(
                    r"/PageLabels\s*<<\s*/Nums\s*\[(.*?)\]\s*>>", _isi_pdf(self.pdf[slug]), re.S
                )
                awal = [int(n) for n in re.findall(r"(\d+)\s*<<", label.group(1))]
                gaya = re.findall(r"/S\s*/(\w)|/P\s*\((\w+)\)", label.group(1))
                self.assertEqual([g or p for g, p in gaya], ["Sampul", "r", "D"])
                depan, isi = awal[1], awal[2]
                self.assertEqual(depan, 1)
                halaman = self.halaman[slug]
                # The first front-matter page prints «i», the first chapter page «1».
                self.assertEqual(halaman[depan].strip().splitlines()[-1].strip(), "i")
                self.assertRegex(halaman[isi], r"(?m)^\s*BAB I PENDAHULUAN\s*$")
                self.assertEqual(halaman[isi].strip().splitlines()[-1].strip(), "1")
                self.assertNotRegex(halaman[isi - 1], r"(?m)^\s*BAB I PENDAHULUAN\s*$")

    def test_bookmarks_reach_tables_and_figures(self):
        for slug, _ in (LB, BL):
            with self.subTest(slug):
                tanda = self.tanda[slug]
                self.assertIn("BAB II PERENCANAAN KINERJA", tanda)
                self.assertTrue(any(t.startswith("Tabel 2.1 ") for t in tanda))
                self.assertTrue(any(t.startswith("Grafik ") for t in tanda))
        self.assertTrue(
            any(t.startswith("Gambar 3.1 Kondisi Sumber Daya Manusia") for t in self.tanda[LB[0]])
        )

    def test_charts_carry_their_alt_text_into_the_pdf(self):
        alt = [
            _teks_pdf(a) for a in re.findall(r"/Alt\s*(\([^)]*\)|<[0-9A-Fa-f]+>)", _isi_pdf(self.pdf[LB[0]]))
        ]
        self.assertTrue(
            any(a.startswith("Grafik batang capaian 5 indikator kinerja utama tahun 2023") for a in alt)
        )
        self.assertIn('role="img" aria-label="Grafik batang capaian 5 indikator', self.html[LB[0]])

    def test_no_page_is_less_than_a_third_full_except_before_a_chapter_or_landscape_page(self):
        for slug, _ in (LB, BL):
            halaman = re.findall(
                r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', self.kotak[slug], re.S
            )
            baris_pertama = [
                next((h for h in teks.splitlines() if h.strip()), "") for teks in self.halaman[slug]
            ]
            for n, (lebar, tinggi, isi) in enumerate(halaman[1:-1], start=1):
                lebar, tinggi = float(lebar), float(tinggi)
                # Text inside the margins (laporan.css: 30 mm above on portrait pages, 25 mm
                # elsewhere), the running header and the page number left out.
                atas, bawah = (85.0, tinggi - 71.0) if tinggi > lebar else (71.0, tinggi - 71.0)
                kata = [
                    tuple(map(float, k)) for k in re.findall(r'yMin="([\d.]+)" [^>]*yMax="([\d.]+)"', isi)
                ]
                terbawah = max((y1 for y0, y1 in kata if y0 >= atas and y1 <= bawah), default=atas)
                penuh = (terbawah - atas) / (bawah - atas)
                # A landscape page is a page of its own: the one before it may be short.
                lebar_berikut = float(halaman[n + 1][0]) > float(halaman[n + 1][1])
                if penuh < 1 / 3 and not AWAL_BAB.match(baris_pertama[n + 1].strip()) and not lebar_berikut:
                    self.fail(f"{slug} halaman {n + 1}: {penuh:.0%} terisi, {baris_pertama[n].strip()[:60]}")

    def test_no_list_item_carries_a_bullet_and_its_own_number(self):
        for slug, _ in (LB, BL):
            with self.subTest(slug):
                html = self.html[slug]
                self.assertIn('<ol class="butir urut">', html)
                for daftar in re.findall(r'<ul class="butir">(.*?)</ul>', html, re.S):
                    self.assertNotRegex(daftar, r"<li>\s*(\d+|[a-zA-Z])[.)]\s")


class TataLetakTests(SimpleTestCase):
    """A table goes landscape only when it cannot fit portrait, even in smaller type."""

    pengaturan = PengaturanLaporan()

    def tabel(self, kolom: int, jenis=ANGKA, nilai=Decimal("1234567")) -> Tabel:
        return Tabel(
            "Contoh",
            [teks_sel(*(f"Kolom {k}" for k in range(kolom)), tebal=True)],
            [[Sel("Program Peningkatan Pelayanan"), *(Sel(nilai, jenis) for _ in range(kolom - 1))]] * 5,
        )

    def test_a_narrow_table_stays_portrait_even_with_eight_columns(self):
        tabel = self.tabel(8, PERSEN, Decimal("103.97"))
        tata_letak(tabel, self.pengaturan)
        self.assertEqual((tabel.lebar, tabel.rapat), (False, False))

    def test_a_table_just_too_wide_is_set_portrait_in_smaller_type(self):
        tabel = self.tabel(8, RUPIAH, Decimal("18424991230"))
        tata_letak(tabel, self.pengaturan)
        self.assertEqual((tabel.lebar, tabel.rapat), (False, True))

    def test_a_table_that_cannot_fit_portrait_goes_landscape(self):
        tabel = self.tabel(12, RUPIAH, Decimal("18424991230"))
        tata_letak(tabel, self.pengaturan)
        self.assertEqual((tabel.lebar, tabel.rapat), (True, False))

    def test_the_print_class_follows(self):
        tabel = self.tabel(8, RUPIAH, Decimal("18424991230"))
        tata_letak(tabel, self.pengaturan)
        html = tabel_html(tabel, self.pengaturan)
        self.assertIn('class="tabel rapat utuh"', html)


class TidakTerhitungTests(SimpleTestCase):
    def test_a_table_says_once_what_its_non_computable_cells_mean(self):
        nol = TidakTerhitung.PEMBAGI_NOL
        tabel = Tabel(
            "Capaian Triwulan",
            [teks_sel("Indikator", "TW I", "TW II", "TW III")],
            [[Sel("Koperasi sehat"), Sel(nol, PERSEN), Sel(nol, PERSEN), Sel(Decimal(50), PERSEN)]],
            [[Sel("Rata-rata"), Sel(nol, PERSEN), Sel(TidakTerhitung.BELUM_DIUKUR, PERSEN), Sel("")]],
        )
        html = tabel_html(tabel, PengaturanLaporan())
        self.assertEqual(html.count(">–*</td>"), 3)
        self.assertEqual(html.count("Tidak dapat dihitung"), 1)
        self.assertIn('<p class="catatan-tabel">–* Tidak dapat dihitung karena pembaginya', html)
        self.assertIn(">Belum diukur</td>", html)

    def test_a_table_without_such_cells_has_no_note(self):
        tabel = Tabel("Contoh", [teks_sel("A")], [[Sel(Decimal(1), ANGKA)]])
        html = tabel_html(tabel, PengaturanLaporan())
        self.assertNotIn("catatan-tabel", html)


class GrafikTests(TestCase):
    """What the charts draw, read from the figures before they become SVG."""

    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi(ukuran=3)
        # 30 of 393 koperasi sehat against 18,11 %: capaian 42 %, «Tidak Baik» beside the
        # others' «Sangat Baik».
        Realisasi.objects.filter(indikator__nama="Persentase koperasi sehat 1", tahun=2022).update(
            komponen_a=30
        )

    def gambar(self, fungsi, data):
        figur = []

        def simpan(fig, *_):
            figur.append(fig)
            return "<svg></svg>"

        with mock.patch.object(grafik, "_svg", side_effect=simpan):
            hasil = fungsi(data)
        return hasil, figur

    def test_quantities_start_at_zero(self):
        data = kumpulkan(self.instansi, 2022)
        for fungsi, sumbu in (
            (grafik.capaian_iku, 0),
            (grafik.penyerapan_program, 0),
            (grafik.tren_realisasi, 1),
        ):
            with self.subTest(fungsi.__name__):
                _, (fig,) = self.gambar(fungsi, data)
                for ax in fig.axes:
                    batas = ax.get_xlim() if sumbu == 0 else ax.get_ylim()
                    self.assertEqual(min(batas), 0)

    def test_a_bars_colour_follows_its_predikat(self):
        data = kumpulkan(self.instansi, 2022)
        terukur = [i for s in data.sasaran for i in s.indikator if isinstance(i.ukur.capaian, Decimal)]
        self.assertGreater(len({i.ukur.predikat for i in terukur}), 1, "the cast needs two predikat")
        _, (fig,) = self.gambar(grafik.capaian_iku, data)
        (ax,) = fig.axes
        warna = grafik.warna_pita(data.pita)
        self.assertEqual(
            [to_hex(b.get_facecolor()) for b in ax.patches], [warna[i.ukur.predikat] for i in terukur]
        )

    def test_bands_get_distinct_colours_highest_first(self):
        warna = grafik.warna_pita(list(PITA_BAKU))
        self.assertEqual(len(set(warna.values())), len(PITA_BAKU))
        self.assertEqual(warna["Sangat Baik"], to_hex(grafik.PALET_PITA(0.0)))
        self.assertEqual(warna["Tidak Baik"], to_hex(grafik.PALET_PITA(1.0)))

    def test_year_labels_are_thinned_so_they_never_overprint(self):
        tahun = list(range(2010, 2023))
        dipilih = grafik._label_tahun(tahun, 1.6)
        self.assertEqual(dipilih[-1], 2022)
        self.assertLessEqual(len(dipilih) * 5 * grafik.HURUF, 1.6)

    def test_every_chart_has_a_sentence_of_alt_text_with_its_values(self):
        data = kumpulkan(self.instansi, 2022)
        for fungsi in (grafik.capaian_iku, grafik.tren_realisasi, grafik.penyerapan_program):
            with self.subTest(fungsi.__name__):
                (hasil,) = fungsi(data)
                self.assertRegex(hasil.alt, r"^Grafik .+\d.+\.$")
                self.assertIn(f"<title>{escape(hasil.alt)}</title>", hasil.svg)
