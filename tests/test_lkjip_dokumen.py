"""The two documents' LKjIP as an inspector reads them: key tables, computed, in HTML and PDF.

The figures asserted here are the documents' own where they add up, and the application's
computed figure where the document's is listed in fixtures/ERRATA.md (the report shows
the computed value, never the document's mistake).
"""

import re
import subprocess
import tempfile
from pathlib import Path

from django.test import TestCase
from django.utils.html import escape
from weasyprint import HTML

from instansi.models import Instansi
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import Teks
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.html_tabel import baca_tabel, baris, cari
from tests.test_lkjip import QUERIES

LB, BL = "koperindag-lampung-barat", "diskopukm-bandar-lampung"


class DokumenTestCase(TestCase):
    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    @classmethod
    def setUpTestData(cls):
        cls.lb = Instansi.objects.get(slug=LB)
        cls.bl = Instansi.objects.get(slug=BL)

    def html(self, instansi, tahun) -> str:
        return html_laporan(susun(kumpulkan(instansi, tahun)))


class ReportQueriesTests(DokumenTestCase):
    def test_both_documents_take_the_same_fixed_number_of_queries(self):
        for instansi, tahun in ((self.lb, 2023), (self.bl, 2022)):
            with self.subTest(instansi.slug), self.assertNumQueries(QUERIES):
                data = kumpulkan(instansi, tahun)
            with self.assertNumQueries(0):
                html_laporan(susun(data))


class NarrativeTests(DokumenTestCase):
    def test_every_narrative_section_of_both_documents_is_in_its_report(self):
        for instansi, tahun in ((self.lb, 2023), (self.bl, 2022)):
            html = self.html(instansi, tahun)
            for narasi in instansi.narasi.filter(tahun=tahun):
                with self.subTest(instansi=instansi.slug, kunci=narasi.kunci):
                    jenis, awal = Teks("", narasi.teks).isi[0]
                    potongan = awal if jenis == "paragraf" else awal[0]
                    self.assertIn(escape(potongan[0].teks)[:80], html)


class LampungBaratTablesTests(DokumenTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tabel = baca_tabel(html_laporan(susun(kumpulkan(cls.lb, 2023))))

    def test_five_chapters_in_order(self):
        html = self.html(self.lb, 2023)
        bab = re.findall(r'<h1 class="bab">(BAB [IV]+ [A-Z ]+)</h1>', html)
        self.assertEqual(
            bab,
            [
                "BAB I PENDAHULUAN",
                "BAB II PERENCANAAN KINERJA",
                "BAB III KAPASITAS ORGANISASI",
                "BAB IV AKUNTABILITAS KINERJA",
                "BAB V PENUTUP",
            ],
        )

    def test_iku_capaian_rounded_half_up(self):
        capaian = cari(self.tabel, "Tabel 4.1", "Capaian Indikator Kinerja Utama")
        self.assertEqual(baris(capaian, "% Koperasi yang Sehat")[-4:], ["%", "30", "33,30", "111,00 %"])
        self.assertEqual(baris(capaian, "PDRB Sektor Perdagangan")[-3:], ["923,27", "1.200,87", "130,07 %"])
        self.assertEqual(baris(capaian, "Persentase Peningkatan Jumlah UMKM")[-1], "292,00 %")

    def test_budget_stages_and_jenis_belanja_add_up_from_their_lines(self):
        kerangka = cari(self.tabel, "Kerangka Pendanaan")
        # RKA and DPA perubahan from the kegiatan lines; the document's totals
        # (18.116.204.032, 18.424.991.230) are errata LB-T2.2-TOTAL-*.
        self.assertEqual(
            baris(kerangka, "TOTAL")[-5:],
            ["96.491.087.326", "18.116.203.932", "18.116.203.932", "17.992.768.412", "18.265.491.430"],
        )
        belanja = cari(self.tabel, "Struktur Dokumen Anggaran")
        self.assertEqual(baris(belanja, "TOTAL")[2:4], ["18.116.204.032", "18.424.991.230"])

    def test_efficiency_per_program_as_a_ratio(self):
        efisiensi = cari(self.tabel, "Tingkat Efisiensi")
        # Realisation, the indicator's capaian, the program's, absorption, efficiency, category.
        self.assertEqual(
            baris(efisiensi, "Program Pengembangan UMKM")[-6:],
            ["0,21", "28,00 %", "28,00 %", "99,14 %", "0,28", "Tidak efisien"],
        )
        # The IKM growth indicator's own 335 % stands in its row; the program's capaian is the
        # mean with its second indicator's 100 %, and that is what the efficiency divides
        # (the document divides 335 %: erratum LB-T4.8-P10-EFISIENSI).
        self.assertEqual(
            baris(efisiensi, "Persentase Pertumbuhan IKM")[-5:],
            ["335,00 %", "217,50 %", "97,00 %", "2,24", "Efisien"],
        )
        self.assertEqual(baris(efisiensi, "Persentase IKM yang memiliki kenaikan omset")[-1], "100,00 %")
        self.assertEqual(
            baris(efisiensi, "Program Pemberdayaan Usaha Menengah")[-4:],
            ["246,67 %", "100,00 %", "2,47", "Efisien"],
        )

    def test_comparison_with_province_and_nation(self):
        pembanding = cari(self.tabel, "Provinsi dan Nasional")
        self.assertEqual(
            baris(pembanding, "PDRB Sektor Perdagangan")[1:4], ["1.200,87", "10.953,62", "19.588.445,60"]
        )


class BandarLampungTablesTests(DokumenTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tabel = baca_tabel(html_laporan(susun(kumpulkan(cls.bl, 2022))))

    def test_chapter_three_tables_are_numbered_in_reading_order(self):
        urutan = [
            "Nilai Hasil Evaluasi",
            "Capaian Kinerja Triwulan",
            "Dibandingkan Tahun Sebelumnya",
            "Target Akhir Renstra",
            "Efisiensi Penggunaan Sumber Daya",
            "Alokasi Anggaran per Sasaran",
            "Anggaran dan Realisasi Keuangan",
        ]
        nomor = []
        for judul in urutan:
            (caption,) = [c for c in self.tabel if judul in c]
            nomor.append(int(re.match(r"Tabel 3\.(\d+) ", caption).group(1)))
        self.assertEqual(nomor, sorted(nomor))
        self.assertEqual(nomor[0], 1)

    def test_capaian_truncated_and_rated_by_the_agency_bands(self):
        capaian = cari(self.tabel, "Tabel 3.4", "Capaian Indikator Kinerja Utama")
        self.assertEqual(baris(capaian, "Koperasi Sehat")[-4:], ["18,11", "18,82", "103,97 %", "Sangat Baik"])
        self.assertEqual(
            baris(capaian, "UMKM yang meningkat labanya")[-4:], ["31,50", "30,54", "96,95 %", "Sangat Baik"]
        )
        self.assertEqual(baris(capaian, "Nilai Sakip OPD")[-3:], ["Belum diukur", "Belum diukur", "–"])

    def test_comparisons_with_last_year_and_the_renstra_end_target(self):
        tahun_lalu = cari(self.tabel, "Dibandingkan Tahun Sebelumnya")
        self.assertEqual(baris(tahun_lalu, "Koperasi Sehat")[-1], "116,97 %")
        self.assertEqual(baris(tahun_lalu, "UMKM yang meningkat labanya")[-1], "134,88 %")
        akhir = cari(self.tabel, "Target Akhir Renstra")
        self.assertEqual(baris(akhir, "Koperasi Sehat")[-2:], ["21,53", "87,45 %"])
        self.assertEqual(baris(akhir, "UMKM yang meningkat labanya")[-2:], ["44,70", "68,32 %"])

    def test_quarters_with_target_zero_are_not_computed(self):
        triwulan = cari(self.tabel, "Capaian Kinerja Triwulan")
        # The cell shows the short mark; the table says once, under it, what it means.
        self.assertIn("–*", baris(triwulan, "Koperasi Sehat"))

    def test_efficiency_as_the_difference_computed_at_full_precision(self):
        efisiensi = cari(self.tabel, "Efisiensi Penggunaan Sumber Daya")
        self.assertEqual(baris(efisiensi, "Koperasi Sehat")[2:5], ["103,97 %", "85,72 %", "18,24 %"])
        self.assertEqual(
            baris(efisiensi, "UMKM yang meningkat labanya")[2:5], ["96,95 %", "76,86 %", "20,09 %"]
        )

    def test_realisation_per_sub_kegiatan_adds_up_to_the_total(self):
        realisasi = cari(self.tabel, "Anggaran dan Realisasi Keuangan")
        # The realisation total from the 26 lines; the document's 6.044.385.157 is erratum BL-T3.14-JUMLAH-*.
        self.assertEqual(
            baris(realisasi, "JUMLAH")[2:], ["7.085.233.615", "6.044.985.157", "85,31 %", "1.040.248.458"]
        )

    def test_evaluation_score_is_the_sum_of_its_components(self):
        evaluasi = cari(self.tabel, "Nilai Hasil Evaluasi")
        self.assertEqual(baris(evaluasi, "Nilai hasil evaluasi")[-2:], ["80,37", "73,30"])
        self.assertEqual(baris(evaluasi, "Predikat")[-2:], ["A", "BB"])


class PdfTests(DokumenTestCase):
    """Bandar Lampung's PDF, laid out once for the class: it takes seconds. Kept on the class
    in setUpClass, because setUpTestData's attributes are deep-copied for each test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.html_bl = html_laporan(susun(kumpulkan(cls.bl, 2022)))
        cls.dokumen = HTML(string=cls.html_bl, base_url=".").render()
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "bl.pdf"
            cls.dokumen.write_pdf(pdf)
            cls.halaman = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split("\f")
            cls.info = subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout

    def halaman_dengan(self, teks: str) -> int:
        return next(n for n, h in enumerate(self.halaman) if teks in h)

    def mulai(self, judul: str) -> int:
        """The page a chapter starts on: the first with a line that is just its title (the
        table of contents lists it with leader dots; later pages carry it as running header)."""
        return next(n for n, h in enumerate(self.halaman) if re.search(rf"^\s*{judul}\s*$", h, re.M))

    def test_the_pdf_has_the_documents_title_author_and_language(self):
        self.assertRegex(
            self.info, r"Title:\s+Laporan Kinerja Instansi Pemerintah \(LAKIP\) Dinas Koperasi dan UKM"
        )
        self.assertRegex(self.info, r"Author:\s+Dinas Koperasi dan UKM Kota Bandar Lampung")
        self.assertIn('<html lang="id">', self.html_bl)

    def test_the_pdf_shows_the_computed_figures(self):
        teks = "\n".join(self.halaman)
        self.assertIn("103,97 %", teks)
        self.assertIn("7.085.233.615", teks)
        self.assertIn("Sangat Baik", teks)

    def test_bookmarks_follow_the_chapters(self):
        judul = [label for label, *_ in self.dokumen.make_bookmark_tree()]
        self.assertIn("BAB I PENDAHULUAN", judul)
        self.assertIn("BAB IV PENUTUP", judul)
        self.assertIn("KATA PENGANTAR", judul)

    def test_tables_that_fit_portrait_stay_portrait(self):
        lebar = [n for n, p in enumerate(self.dokumen.pages) if p.width > p.height]
        # Tabel 3.3 has eight columns, and they fit the portrait text width.
        self.assertFalse(any("Capaian Kinerja Triwulan" in self.halaman[n] for n in lebar))
        self.assertFalse(any("Anggaran dan Realisasi Keuangan per" in self.halaman[n] for n in lebar))

    def test_table_of_contents_gives_the_page_each_chapter_starts_on(self):
        daftar_isi = self.halaman[self.halaman_dengan("DAFTAR ISI")]
        bab_satu = self.mulai("BAB I PENDAHULUAN")
        for judul in ["BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"]:
            with self.subTest(judul):
                tercetak = int(re.search(rf"{judul}\s*\.+\s*(\d+)", daftar_isi).group(1))
                mulai = self.mulai(judul)
                self.assertEqual(tercetak, mulai - bab_satu + 1)
                self.assertRegex(self.halaman[mulai], rf"\n\s*{tercetak}\s*$")

    def test_front_matter_is_numbered_in_roman(self):
        halaman = self.halaman[self.halaman_dengan("DAFTAR TABEL")]
        self.assertRegex(halaman.strip().splitlines()[-1].strip(), r"^[ivx]+$")
