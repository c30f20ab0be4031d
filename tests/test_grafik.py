"""The report's charts draw every name as written: a `$` is a dollar sign, never mathtext."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from instansi.models import Keanggotaan
from kinerja.models import Indikator, Program
from sakip.lkjip import grafik
from sakip.lkjip.data import kumpulkan
from tests.factories import buat_instansi

# matplotlib would read the first as an unknown TeX command (a 500) and typeset the second.
IKU = r"Biaya $\foo$ per unit"
PROGRAM = "Rp $ 5 juta $"


class DollarSignTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()
        Indikator.objects.filter(renstra__instansi=cls.instansi, iku=True).update(nama=IKU)
        Program.objects.filter(renstra__instansi=cls.instansi).update(nama=PROGRAM)
        cls.staf = get_user_model().objects.create_user("staf", password="rahasia-panjang")
        Keanggotaan.objects.create(user=cls.staf, instansi=cls.instansi)

    def test_each_chart_writes_the_names_literally_in_its_svg(self):
        data = kumpulkan(self.instansi, 2022)
        for gambar, nama in (
            (grafik.capaian_iku, IKU),
            (grafik.tren_realisasi, IKU),
            (grafik.penyerapan_program, PROGRAM),
        ):
            with self.subTest(gambar.__name__):
                (hasil,) = gambar(data)
                self.assertIn(f">{nama}</text>", hasil.svg)

    def test_the_report_with_such_names_renders_as_html_and_pdf(self):
        self.client.force_login(self.staf)
        html = self.client.get(reverse("lkjip-html", args=[self.instansi.slug, 2022]))
        self.assertContains(html, f">{PROGRAM}</text>")
        pdf = self.client.get(reverse("lkjip-pdf", args=[self.instansi.slug, 2022]))
        self.assertEqual(pdf.status_code, 200)
        self.assertTrue(pdf.content.startswith(b"%PDF"))
