"""Nothing of the source documents missing: the tables the two documents print, brought back
from data, with the documents' key figures, and a «Sumber» under every table.

Each test names the source element it proves present (fixtures/README.md, «Dokumen sumber dan
laporan yang dihasilkan», lists them all). Figures are read as the report shows them, the
agency's way (Bandar Lampung truncates, Lampung Barat rounds half up).
"""

from django.test import TestCase

from instansi.models import Instansi
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import Tabel
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.html_tabel import baca_tabel, baris, cari

LB, BL = "koperindag-lampung-barat", "diskopukm-bandar-lampung"


class Kelengkapan:
    """What both reports are checked for; each document's class names its agency and year."""

    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]
    slug: str
    tahun: int

    @classmethod
    def setUpTestData(cls):
        # Charts are left undrawn: this is about the tables, and drawing takes seconds.
        dokumen = susun(kumpulkan(Instansi.objects.get(slug=cls.slug), cls.tahun), dengan_grafik=False)
        cls.semua_tabel = [
            i
            for bagian in [*(bg for b in dokumen.bab for bg in b.bagian), *dokumen.lampiran]
            for i in bagian.isi
        ]
        cls.semua_tabel = [i for i in cls.semua_tabel if isinstance(i, Tabel)]
        cls.lampiran = {bg.judul: bg for bg in dokumen.lampiran}
        cls.tabel = baca_tabel(html_laporan(dokumen))

    def lampiran_tabel(self, judul: str) -> Tabel:
        """The one table of the lampiran titled `judul`."""
        (tabel,) = [i for i in self.lampiran[judul].isi if isinstance(i, Tabel)]
        return tabel

    def tabel_lampiran(self, judul: str) -> list[list[str]]:
        """The rows of that table as the report shows them."""
        return cari(self.tabel, self.lampiran_tabel(judul).nomor + " ")

    def test_every_table_says_where_its_data_comes_from(self):
        self.assertTrue(self.semua_tabel)
        for tabel in self.semua_tabel:
            with self.subTest(tabel.nomor, judul=tabel.judul):
                self.assertTrue(tabel.sumber.strip())


class LampungBaratTests(Kelengkapan, TestCase):
    slug, tahun = LB, 2023

    def test_second_tabel_2_3_lists_the_sasaran_programs_and_kegiatan_state_with_formulation(self):
        tabel = cari(self.tabel, "Indikator Kinerja Sasaran, Program dan Kegiatan")
        self.assertEqual(
            baris(tabel, "Meningkatnya akuntabilitas kinerja OPD"),
            [
                "1",
                "Meningkatnya akuntabilitas kinerja OPD",
                "Nilai SAKIP OPD",
                "Nilai sakip hasil review inspektorat",
                "77,93",
                "poin",
            ],
        )
        self.assertEqual(
            baris(tabel, "Terlaksananya kegiatan metrologi legal")[-3:], ["dokumen data UTTP", "185", "unit"]
        )
        self.assertEqual(
            baris(tabel, "C", "Meningkatnya PDRB Sektor Industri")[-2:], ["358,37", "Milyar rupiah"]
        )

    def test_the_renstra_end_target_comparison_is_there_with_a_dash_for_the_target_not_given(self):
        tabel = cari(self.tabel, "Target Akhir Renstra")
        self.assertEqual(
            baris(tabel, "PDRB Sektor Perdagangan")[-5:], ["923,27", "1.200,87", "130,07 %", "–", "–"]
        )

    def test_the_scale_of_efficiency_categories_is_shown(self):
        tabel = cari(self.tabel, "Skala Predikat")
        self.assertEqual(baris(tabel, "Efisien"), ["Tingkat efisiensi", "1,00", "–", "Efisien"])
        self.assertEqual(baris(tabel, "Tidak efisien"), ["Tingkat efisiensi", "–", "1,00", "Tidak efisien"])

    def test_sasaran_compared_with_the_two_years_before_as_tabel_4_2_and_4_4(self):
        sasaran_1 = cari(self.tabel, "Realisasi Sasaran 1 Tahun 2021–2023")
        self.assertEqual(baris(sasaran_1, "% Koperasi yang Sehat")[1:4], ["29,03", "32,20", "30"])
        sasaran_2 = cari(self.tabel, "Realisasi Sasaran 2 Tahun 2021–2023")
        self.assertEqual(
            baris(sasaran_2, "PDRB Sektor Perdagangan")[1:5], ["961,79", "1.200", "923,27", "1.200,87"]
        )

    def test_efficiency_shows_the_programs_capaian_beside_its_indicators(self):
        tabel = cari(self.tabel, "Tingkat Efisiensi")
        self.assertEqual(
            baris(tabel, "Persentase Pertumbuhan IKM")[-5:],
            ["335,00 %", "217,50 %", "97,00 %", "2,24", "Efisien"],
        )

    def test_sources_follow_the_document(self):
        sumber = {t.kunci: t.sumber for t in self.semua_tabel}
        self.assertEqual(sumber["sarana"], "Pengelola Barang Dinas Koperindag Tahun 2023")
        self.assertEqual(sumber["belanja-jenis"], "Dokumen Anggaran Dinas Koperindag Tahun 2023")
        self.assertIn("Dinas Koperasi UKM Provinsi Lampung ; 2023", sumber["pembanding"])
        self.assertEqual(sumber["iku"], "Renstra Dinas Koperindag 2023–2026")
        self.assertIn("Data BPS", sumber["capaian-sasaran-2"])


class BandarLampungTests(Kelengkapan, TestCase):
    slug, tahun = BL, 2022

    def test_tabel_1_8_lists_each_iku_with_its_formulation(self):
        tabel = cari(self.tabel, "Tabel 1.", "Formulasi Perhitungannya")
        self.assertEqual(
            baris(tabel, "UMKM yang meningkat labanya")[-1],
            "Jumlah UMKM yang meningkat labanya / Jumlah UKM dalam pengawasan x 100%",
        )

    def test_tabel_2_1_matrix_puts_three_sasaran_under_the_one_tujuan(self):
        tabel = cari(self.tabel, "Matriks Keterkaitan")
        self.assertEqual(len(tabel), 4)  # heading + one row per sasaran indicator
        self.assertEqual(
            tabel[1][:2],
            [
                "Meningkatnya daya saing koperasi dan UMKM dalam pertumbuhan Ekonomi",
                "Meningkatnya kinerja kelembagaan dan usaha koperasi yang profesional dan Akuntabel",
            ],
        )

    def test_tabel_2_3_lists_every_sub_kegiatan_under_its_program_and_sasaran(self):
        tabel = cari(self.tabel, "Program dan Kegiatan untuk Mencapai Tujuan dan Sasaran")
        self.assertEqual(len(tabel) - 1, 26)  # the document: 7 programs, 12 kegiatan, 26 sub kegiatan
        self.assertIn(
            "Program Penilaian Kesehatan KSP/USP Koperasi", baris(tabel, "Penilaian Kesehatan KSP/USP")
        )

    def test_tabel_3_10_gives_the_sakip_score_of_2020_and_2021(self):
        tabel = cari(self.tabel, "Realisasi Sasaran 3 Tahun 2020–2022")
        self.assertEqual(tabel[1], ["2020", "2021", "Target", "Realisasi", "Capaian"])
        self.assertEqual(baris(tabel, "Nilai Sakip OPD")[1:4], ["80,37", "73,31", "80,70"])

    def test_each_sasaran_has_its_comparisons_as_in_bab_iii(self):
        sebelum = cari(self.tabel, "Realisasi Sasaran 1 Tahun 2020–2022")
        self.assertEqual(baris(sebelum, "Koperasi Sehat")[1:3], ["8,28", "16,09"])
        self.assertEqual(baris(sebelum, "Koperasi Sehat")[-1], "116,97 %")
        akhir = cari(self.tabel, "Capaian Sasaran 2 terhadap Target Akhir")
        self.assertEqual(baris(akhir, "UMKM yang meningkat labanya")[-2:], ["44,70", "68,32 %"])

    def test_lampiran_1_is_the_renstra_matrix_with_every_years_target(self):
        matriks = self.tabel_lampiran("Matriks Renstra")
        self.assertEqual(
            baris(matriks, "Koperasi Sehat")[-6:], ["16,96", "18,11", "19,12", "20,34", "21,53", "21,53"]
        )
        self.assertEqual(baris(matriks, "Nilai Sakip OPD")[-1], "81,50")

    def test_lampiran_2_lists_each_iku_with_its_penanggung_jawab(self):
        iku = self.tabel_lampiran("Indikator Kinerja Utama")
        for indikator, penanggung_jawab in (
            ("Koperasi Sehat", "Bidang Kelembagaan dan Pengawasan"),
            ("UMKM yang meningkat labanya", "Bidang Pemberdayaan Usaha Mikro"),
            ("Nilai Sakip OPD", "Dinas Koperasi dan UKM Kota Bandar Lampung"),
        ):
            with self.subTest(indikator):
                self.assertEqual(baris(iku, indikator)[-1], penanggung_jawab)

    def test_lampiran_6_is_the_cascade_from_tujuan_to_sub_kegiatan(self):
        tabel = self.lampiran_tabel("Cascading Kinerja dan Peta Proses Bisnis")
        tingkat = [b[0].nilai for b in tabel.baris if b and b[0].nilai in TINGKAT]
        self.assertEqual(
            {t: tingkat.count(t) for t in TINGKAT},
            {"Tujuan": 1, "Sasaran": 3, "Program": 7, "Kegiatan": 12, "Sub Kegiatan": 26},
        )


TINGKAT = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
