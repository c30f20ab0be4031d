"""A reviewer's and an admin's ways to their work: the start page leads to the desk, the
dashboards and each reviewed region's «PDF seluruh instansi»; the dashboards lead to the
desk and the bulk PDFs; the desk leads to the dashboards. A planner sees none of them."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from tests.factories import buat_instansi, buat_pemda, buat_pemeran


class JalanPemeriksaTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pemda = buat_pemda("pemda-uji")
        a = buat_instansi("dinas-a", pemda=cls.pemda)
        cls.perencana, _, cls.pemeriksa = buat_pemeran(a, buat_instansi("dinas-b"))
        cls.admin = get_user_model().objects.create_superuser("admin-uji", password="rahasia-admin-1")
        # The year under review is last year's: its LKjIP is written and reviewed this year.
        cls.tahun = timezone.localdate().year - 1

    def tautan(self, *nama_args):
        return [reverse(nama, args=args) for nama, *args in nama_args]

    def test_a_reviewer_reaches_the_desk_the_dashboards_and_the_bulk_pdfs_from_the_start_page(self):
        self.client.force_login(self.pemeriksa)
        halaman = self.client.get(reverse("beranda"))
        self.assertContains(halaman, f"Reviu LKjIP {self.tahun}")
        for url in self.tautan(
            ("meja-reviu", self.tahun),
            ("dasbor-nasional", self.tahun),
            ("dasbor-pemda", self.pemda.slug, self.tahun),
            ("pdf-pemda", self.pemda.slug, self.tahun),
        ):
            self.assertContains(halaman, f'href="{url}"')
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def test_an_admin_reaches_the_desk_and_the_dashboards_and_a_planner_nothing(self):
        self.client.force_login(self.admin)
        halaman = self.client.get(reverse("beranda"))
        for url in self.tautan(("meja-reviu", self.tahun), ("dasbor-nasional", self.tahun)):
            self.assertContains(halaman, f'href="{url}"')
        self.client.force_login(self.perencana)
        halaman = self.client.get(reverse("beranda"))
        self.assertNotContains(halaman, "Reviu LKjIP")
        self.assertNotContains(halaman, reverse("meja-reviu", args=[self.tahun]))

    def test_the_dashboards_lead_to_the_desk_and_the_bulk_pdfs_and_the_desk_to_the_dashboards(self):
        self.client.force_login(self.pemeriksa)
        dasbor = self.client.get(reverse("dasbor-pemda", args=[self.pemda.slug, 2022]))
        for url in self.tautan(("meja-reviu", 2022), ("pdf-pemda", self.pemda.slug, 2022)):
            self.assertContains(dasbor, f'href="{url}"')
        nasional = self.client.get(reverse("dasbor-nasional", args=[2022]))
        self.assertContains(nasional, f'href="{reverse("meja-reviu", args=[2022])}"')
        meja = self.client.get(reverse("meja-reviu", args=[2022]))
        self.assertContains(meja, f'href="{reverse("dasbor-nasional", args=[2022])}"')
