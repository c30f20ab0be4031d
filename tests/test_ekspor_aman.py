"""No download carries a live formula (OWASP's CSV injection): a name that begins like a
formula stays text, exactly as written, in the planners' templates, the LKjIP workbook and
every list's xlsx and CSV; a signed number stays a number.
"""

import csv
import io
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import RealisasiAnggaran
from inti.ekspor import mirip_rumus
from kinerja.models import Indikator, Program, Realisasi
from sakip.excel import realisasi
from tests.factories import buat_instansi, buat_pemeran

RUMUS = '=HYPERLINK("http://x","klik")'
BERBAHAYA = [RUMUS, "@SUM(1+1)*cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]
ANGKA = "-1.200,87"  # an indicator so named is a number as text, and left alone


class FormulaRuleTests(SimpleTestCase):
    def test_text_a_spreadsheet_would_evaluate_is_caught(self):
        for teks in [*BERBAHAYA, "=5", "\t=1+1", "\r=1+1", "-", "+", "@"]:
            with self.subTest(teks):
                self.assertTrue(mirip_rumus(teks))

    def test_signed_numbers_and_ordinary_text_are_not(self):
        for nilai in ["-3,83", ANGKA, "+5", "-3,83 %", "-Rp 142.706", "Persentase koperasi", "–", ""]:
            with self.subTest(nilai):
                self.assertFalse(mirip_rumus(nilai))
        for nilai in (None, -5, D("-3.83"), 2.5):
            self.assertFalse(mirip_rumus(nilai))


def sel_bernilai(isi: bytes, teks: str) -> list:
    """Every cell of a workbook whose value is `teks`."""
    buku = load_workbook(io.BytesIO(isi))
    return [sel for lembar in buku for baris in lembar.iter_rows() for sel in baris if sel.value == teks]


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a")
        cls.b = buat_instansi("dinas-b")
        cls.perencana, _, _ = buat_pemeran(cls.a, cls.b)
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)
        cls.iku.nama = RUMUS
        cls.iku.save()
        program = Program.objects.get(renstra=cls.iku.renstra)
        for nama in [*BERBAHAYA[1:], ANGKA]:
            Indikator.objects.create(program=program, nama=nama, satuan="%")
        Realisasi.objects.filter(indikator=cls.iku, tahun=2022).update(keterangan="=1+1")

    def setUp(self):
        self.client.force_login(self.perencana)

    def assertTeksTetap(self, isi: bytes, teks: str):
        """`teks` is in the workbook, unchanged, in string cells that stay text when edited
        (Excel's leading apostrophe, `quotePrefix`)."""
        sel = sel_bernilai(isi, teks)
        self.assertTrue(sel, f"{teks!r} is not in the workbook")
        for s in sel:
            self.assertEqual((s.data_type, s.value, s.quotePrefix), ("s", teks, True))

    def test_the_realisation_template_holds_names_and_notes_as_text(self):
        isi = realisasi.templat(self.a, 2022)
        for teks in [*BERBAHAYA, "=1+1"]:
            with self.subTest(teks):
                self.assertTeksTetap(isi, teks)

    def test_the_realisation_template_uploaded_back_unchanged_changes_nothing(self):
        isi = self.client.get(reverse("excel-templat-realisasi", args=[self.a.slug, 2022])).content
        respons = self.client.post(
            reverse("excel-unggah", args=[self.a.slug, 2022]),
            {"jenis": "realisasi", "berkas": SimpleUploadedFile("isian.xlsx", isi), "triwulan": ""},
        )
        pratinjau = self.client.get(respons["Location"])
        self.assertEqual(pratinjau.status_code, 200)  # 422 on a refused file or any problem
        self.assertEqual(pratinjau.context["hasil"].perubahan, [])

    def test_the_lkjip_workbook_holds_names_as_text(self):
        isi = self.client.get(reverse("lkjip-xlsx", args=[self.a.slug, 2022])).content
        self.assertTeksTetap(isi, RUMUS)

    def test_the_indicator_list_xlsx_holds_names_as_text(self):
        isi = self.client.get(reverse("indikator-daftar", args=[self.a.slug]), {"ekspor": "xlsx"}).content
        for teks in BERBAHAYA:
            with self.subTest(teks):
                self.assertTeksTetap(isi, teks)

    def test_the_indicator_list_csv_quotes_formulas_and_keeps_numbers(self):
        respons = self.client.get(reverse("indikator-daftar", args=[self.a.slug]), {"ekspor": "csv"})
        nama = [b[1] for b in csv.reader(io.StringIO(respons.content.decode("utf-8-sig")), delimiter=";")]
        for teks in BERBAHAYA:
            with self.subTest(teks):
                self.assertIn(f"'{teks}", nama)
        self.assertIn(ANGKA, nama)

    def test_the_budget_list_csv_keeps_a_negative_balance_as_written(self):
        RealisasiAnggaran.objects.filter(sub_kegiatan__kegiatan__program__renstra__instansi=self.a).update(
            jumlah=D(1_500_000)
        )
        respons = self.client.get(reverse("anggaran-tahun", args=[self.a.slug, 2022]), {"ekspor": "csv"})
        baris = list(csv.reader(io.StringIO(respons.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(baris[1][-1], "-Rp 1.000.000")
