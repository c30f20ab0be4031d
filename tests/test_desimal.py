"""An indicator says how many decimals it is shown with, and every screen and the report
follow it: one target no longer reads «31,5», «31,50» and «27,5000» on different pages."""

from decimal import Decimal as D

from django.test import TestCase
from django.urls import reverse

from kinerja.models import Indikator, Target
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.factories import buat_instansi, buat_pemeran
from tests.test_tahan import isian

TAHUN = 2022


class DesimalIndikatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a")
        cls.perencana, _, _ = buat_pemeran(cls.a, buat_instansi("dinas-b"))
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)
        Target.objects.filter(indikator=cls.iku, tahun=TAHUN, sumber="pk_murni").update(nilai=D("31.5"))
        Indikator.objects.filter(pk=cls.iku.pk).update(desimal=2)

    def setUp(self):
        self.client.force_login(self.perencana)

    def test_every_screen_and_the_report_show_the_indicators_decimals(self):
        halaman = {
            "tahun": reverse("instansi-tahun", args=[self.a.slug, TAHUN]),
            "PK": reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN]),
            "realisasi": reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk]),
            "indikator": reverse("indikator-ubah", args=[self.a.slug, self.iku.pk]),
            "laporan": reverse("lkjip-html", args=[self.a.slug, TAHUN]),
        }
        for nama, url in halaman.items():
            with self.subTest(nama):
                isi = self.client.get(url).content.decode()
                self.assertIn("31,50", isi)
                self.assertNotIn(">31,5<", isi)
                self.assertNotIn('value="31,5"', isi)

    def test_without_a_stated_number_whole_stays_whole_and_fractions_follow_the_agency(self):
        Indikator.objects.filter(pk=self.iku.pk).update(desimal=None)
        Target.objects.filter(indikator=self.iku, tahun=TAHUN, sumber="pk_murni").update(nilai=D("30"))
        html = html_laporan(susun(kumpulkan(self.a, TAHUN)))
        self.assertIn(">30<", html)

    def test_the_planner_states_the_decimals_on_the_indicators_page(self):
        url = reverse("indikator-ubah", args=[self.a.slug, self.iku.pk])
        data = isian(self.client.get(url))
        self.assertEqual(self.client.post(url, data | {"desimal": "1"}).status_code, 302)
        self.assertEqual(Indikator.objects.get(pk=self.iku.pk).desimal, 1)
        self.assertContains(self.client.get(reverse("instansi-tahun", args=[self.a.slug, TAHUN])), "31,5<")
