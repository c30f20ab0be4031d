"""The LKjIP built from data: fixed query count, no query while rendering, PDF cache, access."""

import tempfile
from decimal import Decimal as D
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from instansi.models import Keanggotaan, Pemeriksa
from kinerja.models import Realisasi
from sakip.lkjip import render
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import html_laporan, pdf_laporan
from sakip.lkjip.susun import susun
from sakip.models import BerkasPdf
from tests.factories import buat_instansi

QUERIES = 36  # the action plan; organisation units, positions, images; final LKE evaluations (7)


class QueryCountTests(TestCase):
    def test_report_data_takes_the_same_queries_for_ten_times_the_data(self):
        kecil = buat_instansi("kecil", ukuran=1)
        besar = buat_instansi("besar", ukuran=10)
        for instansi in (kecil, besar):
            with self.subTest(instansi.slug), self.assertNumQueries(QUERIES):
                kumpulkan(instansi, 2022)

    def test_assembling_and_rendering_make_no_query(self):
        data = kumpulkan(buat_instansi(ukuran=3), 2022)
        with self.assertNumQueries(0):
            html = html_laporan(susun(data), web=True)
        self.assertIn("BAB III AKUNTABILITAS KINERJA", html)

    def test_an_agency_without_renstra_for_the_year_has_no_report(self):
        with self.assertRaises(LaporanTidakAda):
            kumpulkan(buat_instansi(), 2030)


class ReportContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi(ukuran=2)

    def test_capaian_is_computed_and_cut_the_agencys_way(self):
        html = html_laporan(susun(kumpulkan(self.instansi, 2022)))
        # 74 / 393 koperasi of a PK target of 18,11: 103,97 % truncated, rated by the agency's bands.
        self.assertIn("103,97 %", html)
        self.assertIn("Sangat Baik", html)
        self.assertIn("dipotong ke 2 desimal", html)
        # The evaluation score is the sum of its components, with the predikat of the scale.
        self.assertIn("80,37", html)
        # Budget: 4 sub kegiatan of Rp 1.000.000, each spending 857.294.
        self.assertIn("4.000.000", html)
        self.assertIn("85,72 %", html)

    def test_it_says_how_it_computes(self):
        dokumen = susun(kumpulkan(self.instansi, 2022))
        teks = " ".join(dokumen.cara_hitung)
        self.assertIn("(2 × target − realisasi) ÷ target × 100", teks)
        self.assertIn("Selisih", teks)
        self.assertIn("≥ 85 % Sangat Baik", teks)

    def test_tables_and_charts_are_numbered_per_chapter(self):
        dokumen = susun(kumpulkan(self.instansi, 2022))
        nomor = [t.nomor for t in dokumen.daftar_tabel]
        self.assertEqual(len(nomor), len(set(nomor)))
        self.assertTrue(all(n.startswith("Tabel ") for n in nomor))
        # In the document's order, each chapter counts again from 1: Tabel 2.1, 2.2 … 3.1, 3.2 …
        for jenis, daftar in (("Tabel", nomor), ("Grafik", [g.nomor for g in dokumen.daftar_grafik])):
            per_bab: dict[str, list[int]] = {}
            for n in daftar:
                bab, urut = n.removeprefix(f"{jenis} ").rsplit(".", 1)
                per_bab.setdefault(bab, []).append(int(urut))
            for bab, urutan in per_bab.items():
                self.assertEqual(urutan, list(range(1, len(urutan) + 1)), f"{jenis} bab {bab}")
        self.assertLess(nomor.index("Tabel 2.2"), nomor.index("Tabel 3.1"))
        self.assertIn("Tabel 1.1", nomor)
        self.assertIn("Grafik 3.1", [g.nomor for g in dokumen.daftar_grafik])


class PdfCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()

    def test_an_unchanged_report_is_not_rendered_twice(self):
        with mock.patch.object(render, "pdf_dari_html", wraps=render.pdf_dari_html) as pdf:
            pertama = pdf_laporan(self.instansi, 2022)
            kedua = pdf_laporan(self.instansi, 2022)
            self.assertEqual(pdf.call_count, 1)
            self.assertEqual(pertama, kedua)
            self.assertTrue(pertama.startswith(b"%PDF"))

            realisasi = Realisasi.objects.get(tahun=2021)
            realisasi.nilai = D("17.00")
            realisasi.save()
            pdf_laporan(self.instansi, 2022)
            self.assertEqual(pdf.call_count, 2)
        self.assertEqual(BerkasPdf.objects.count(), 1)


@override_settings(
    CACHES={**settings.CACHES, "lkjip": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)
class HalamanTersimpanTests(TestCase):
    """The web page is kept under the report's fingerprint and what differs per reader; the
    review panel, per request, is not kept with it."""

    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()
        cls.staf = get_user_model().objects.create_user("staf", password="rahasia-panjang")
        Keanggotaan.objects.create(user=cls.staf, instansi=cls.instansi)
        cls.pemeriksa = get_user_model().objects.create_user("pemeriksa", password="rahasia-panjang")
        Pemeriksa.objects.create(user=cls.pemeriksa, pemda=cls.instansi.pemda)
        cls.url = reverse("lkjip-html", args=[cls.instansi.slug, 2022])

    def setUp(self):
        caches["lkjip"].clear()

    def test_a_hit_builds_nothing_and_a_write_is_seen_at_once(self):
        self.client.force_login(self.staf)
        pertama = self.client.get(self.url).content
        dilarang = mock.Mock(side_effect=AssertionError("built on a hit"))
        with mock.patch.object(render, "kumpulkan", dilarang), mock.patch.object(render, "susun", dilarang):
            self.assertEqual(self.client.get(self.url).content, pertama)
        realisasi = Realisasi.objects.get(tahun=2021)
        realisasi.nilai = D("17.00")
        realisasi.save()
        with mock.patch.object(render, "kumpulkan", wraps=kumpulkan) as bangun:
            kedua = self.client.get(self.url).content
        self.assertEqual(bangun.call_count, 1)
        self.assertNotEqual(kedua, pertama)

    def test_a_reader_who_may_not_change_the_data_gets_a_page_without_its_links(self):
        self.client.force_login(self.staf)
        self.assertContains(self.client.get(self.url), "ubah data")
        self.client.force_login(self.pemeriksa)
        self.assertNotContains(self.client.get(self.url), "ubah data")
        self.client.force_login(self.staf)
        self.assertContains(self.client.get(self.url), "ubah data")

    def test_the_panel_is_the_requests_own(self):
        self.client.force_login(self.staf)
        for panel in ("<p>Catatan pertama</p>", "", "<p>Catatan kedua</p>"):
            with mock.patch("sakip.lkjip.views.render_to_string", return_value=mark_safe(panel)):
                html = self.client.get(self.url).content.decode()
            self.assertEqual(html.count('id="panel-web"'), 1 if panel else 0)
            self.assertEqual(html.count(panel or "<!-- panel -->"), 1 if panel else 0)


class ViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()
        cls.staf = get_user_model().objects.create_user("staf", password="rahasia-panjang")
        Keanggotaan.objects.create(user=cls.staf, instansi=cls.instansi)
        cls.url = reverse("lkjip-html", args=[cls.instansi.slug, 2022])

    def test_anonymous_visitors_are_sent_to_login(self):
        respons = self.client.get(self.url)
        self.assertEqual(respons.status_code, 302)
        self.assertTrue(respons["Location"].startswith(reverse("masuk")))

    def test_planners_read_the_report_with_links_to_its_data_and_pdf(self):
        self.client.force_login(self.staf)
        respons = self.client.get(self.url)
        self.assertContains(respons, "IKHTISAR EKSEKUTIF")
        self.assertContains(respons, reverse("lkjip-pdf", args=[self.instansi.slug, 2022]))
        self.assertContains(respons, f'href="{reverse("anggaran-tahun", args=[self.instansi.slug, 2022])}"')
        self.assertContains(respons, f'href="{reverse("instansi-tahun", args=[self.instansi.slug, 2022])}"')
        self.assertNotContains(respons, "/admin/")

    def test_a_reviewer_reads_the_report_without_links_to_change_its_data(self):
        pemeriksa = get_user_model().objects.create_user("pemeriksa", password="rahasia-panjang")
        Pemeriksa.objects.create(user=pemeriksa, pemda=self.instansi.pemda)
        self.client.force_login(pemeriksa)
        respons = self.client.get(self.url)
        self.assertContains(respons, "IKHTISAR EKSEKUTIF")
        self.assertNotContains(respons, "ubah data")
        self.assertNotContains(respons, reverse("anggaran-tahun", args=[self.instansi.slug, 2022]))

    def test_planners_download_the_pdf(self):
        self.client.force_login(self.staf)
        respons = self.client.get(reverse("lkjip-pdf", args=[self.instansi.slug, 2022]))
        self.assertEqual(respons["Content-Type"], "application/pdf")
        self.assertTrue(respons.content.startswith(b"%PDF"))

    def test_unknown_agency_or_year_is_404(self):
        self.client.force_login(self.staf)
        self.assertEqual(self.client.get(reverse("lkjip-html", args=["tidak-ada", 2022])).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("lkjip-html", args=[self.instansi.slug, 2035])).status_code, 404
        )


class CommandTests(TestCase):
    def test_it_writes_html_and_pdf_files(self):
        instansi = buat_instansi()
        with tempfile.TemporaryDirectory() as tmp:
            html = Path(tmp) / "l.html"
            call_command(
                "lkjip", instansi.slug, "2022", "--format", "html", "--output", str(html), stdout=mock.Mock()
            )
            self.assertIn("BAB I PENDAHULUAN", html.read_text())
            pdf = Path(tmp) / "l.pdf"
            call_command("lkjip", instansi.slug, "2022", "--output", str(pdf), stdout=mock.Mock())
            self.assertTrue(pdf.read_bytes().startswith(b"%PDF"))

    def test_it_names_what_is_missing(self):
        with self.assertRaisesMessage(CommandError, "tidak-ada"):
            call_command("lkjip", "tidak-ada", "2022", stdout=mock.Mock())
