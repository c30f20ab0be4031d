"""The pemda dashboard: every agency of a region with the report's own figures, sorted,
filtered, exported, drawn; the regions side by side; in a fixed number of queries."""

import csv
import io
from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from instansi.models import Pemeriksa
from kinerja.models import Realisasi
from reviu.models import CatatanReviu, Status, StatusLaporan
from sakip.lkjip import rujukan
from sakip.lkjip.data import kumpulkan
from tests.factories import buat_instansi, buat_pemda, buat_pemeran
from tests.test_lhe import jalankan
from tests.test_meja import baris_meja

TAHUN = 2022
# Session and user, the region, the filtered agencies' ids, the fingerprint (2); on a miss
# the agencies with their state and notes, bands, Renstra, the IKU with targets and
# realisations (3), programs with kegiatan and sub kegiatan (3), pagu and budget realisation
# (2), recorded evaluations, final LKE with its recommendations (7), evaluation bands.
NUM_KUERI = 26
NUM_KUERI_NASIONAL = 24
# A hit: session and user, the region, the filtered agencies' ids, the fingerprint (2).
NUM_KUERI_TERSIMPAN = 6
TEMBOLOK = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "dasbor": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "uji-dasbor"},
}


class DasborTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pemda = buat_pemda("kota-dasbor")
        cls.a = buat_instansi("dinas-a", pemda=cls.pemda, ukuran=2, tahun=TAHUN)
        cls.c = buat_instansi("dinas-c", pemda=cls.pemda, tahun=TAHUN)
        cls.b = buat_instansi("dinas-b", tahun=TAHUN)  # another region
        # C measured half as well: its capaian falls, and sorting puts it first ascending.
        Realisasi.objects.filter(indikator__renstra__instansi=cls.c, tahun=TAHUN).update(komponen_a=D(37))
        cls.perencana, _, cls.pemeriksa = buat_pemeran(cls.a, cls.b)
        User = get_user_model()
        cls.pemeriksa_b = User.objects.create_user("pemeriksa-b", password="rahasia-p-2")
        Pemeriksa.objects.create(user=cls.pemeriksa_b, pemda=cls.b.pemda)
        cls.admin = User.objects.create_superuser("admin", password="rahasia-admin-1")
        StatusLaporan.objects.create(
            instansi=cls.c, tahun=TAHUN, status=Status.DISAMPAIKAN, sejak=timezone.now()
        )
        CatatanReviu.objects.create(
            instansi=cls.c,
            tahun=TAHUN,
            label="Laporan",
            teks="Lengkapi sumber data.",
            dibuat_oleh=cls.pemeriksa,
            dibuat_pada=timezone.now(),
        )
        cls.url = reverse("dasbor-pemda", args=[cls.pemda.slug, TAHUN])

    def baris(self, url=None) -> list[list[str]]:
        r = self.client.get(url or self.url)
        self.assertEqual(r.status_code, 200)
        return baris_meja(r.content.decode().replace('id="dasbor"', 'id="meja"', 1))

    def test_each_agency_shows_its_reports_own_figures(self):
        self.client.force_login(self.pemeriksa)
        baris = {b[0]: b for b in self.baris()}
        self.assertEqual(sorted(baris), ["Dinas dinas-a", "Dinas dinas-c"])
        for instansi in (self.a, self.c):
            data = kumpulkan(instansi, TAHUN)
            katalog = rujukan.katalog(data)
            b = baris[instansi.nama]
            for kolom, kode in ((1, "total.capaian_iku"), (2, "total.predikat_iku"), (6, "total.serapan")):
                self.assertEqual(b[kolom], katalog.get(kode).teks(data.pengaturan))
        a = baris[self.a.nama]
        # 74/393 = 18,829… % against the PK's 18,11: 103,97 % truncated, «Sangat Baik»;
        # 1.714.588 of 2.000.000 per sasaran: 85,72 %; efficiency as a difference,
        # 103,97… − 85,72… = 18,24…, truncated as the agency does.
        self.assertEqual(a[1:3], ["103,97 %", "Sangat Baik"])
        self.assertEqual(a[4:10], ["Rp 4.000.000", "Rp 3.429.176", "85,72 %", "18,24", "Efisien", "Draf"])
        # The latest evaluation, 2021: 27,31 + 53,06 = 80,37, strictly above 80: «A».
        self.assertEqual(a[10:14], ["0", "80,37", "A", "2021"])
        self.assertEqual(baris[self.c.nama][9:11], ["Disampaikan", "1"])

    def test_a_final_lke_of_the_year_is_the_latest_evaluation(self):
        pengendali = get_user_model().objects.create_user("pengendali", password="rahasia-pt-1")
        Pemeriksa.objects.create(user=pengendali, pemda=self.pemda)
        # Every criterion answered at the top of its scale by the evaluator: 100, «AA».
        jalankan(self.perencana, self.pemeriksa, pengendali, self.a, TAHUN)
        self.client.force_login(self.pemeriksa)
        baris = {b[0]: b for b in self.baris()}
        self.assertEqual(baris[self.a.nama][11:14], ["100,00", "AA", "2022"])
        self.assertEqual(baris[self.c.nama][11:14], ["80,37", "A", "2021"])

    def test_the_sparkline_names_every_year(self):
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url)
        self.assertContains(
            r, 'aria-label="2018: Belum diukur; 2019: Belum diukur; 2020: Belum diukur; 2021: Belum'
        )
        self.assertContains(r, "2022: 103,97 %")

    def test_the_charts_are_named_by_their_values(self):
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url)
        self.assertContains(
            r,
            'aria-label="Capaian rata-rata IKU per instansi tahun 2022: 2 batang; '
            'tertinggi Dinas dinas-a 103,97 %, terendah Dinas dinas-c 51,98 %."',
        )
        self.assertContains(r, "Penyerapan anggaran per instansi tahun 2022: 2 batang")

    def test_drill_down_to_the_agency_year(self):
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url)
        self.assertContains(r, f'href="{reverse("instansi-tahun", args=[self.a.slug, TAHUN])}"')

    def test_sorted_by_capaian_either_way_and_filtered(self):
        self.client.force_login(self.admin)
        naik = [b[0] for b in self.baris(self.url + "?urut=capaian")]
        self.assertEqual(naik, ["Dinas dinas-c", "Dinas dinas-a"])
        turun = [b[0] for b in self.baris(self.url + "?urut=-capaian")]
        self.assertEqual(turun, ["Dinas dinas-a", "Dinas dinas-c"])
        self.assertEqual([b[0] for b in self.baris(self.url + "?status=disampaikan")], ["Dinas dinas-c"])
        self.assertEqual([b[0] for b in self.baris(self.url + "?nama=DINAS-A")], ["Dinas dinas-a"])

    def test_exports_as_csv_and_xlsx_with_real_numbers(self):
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url + "?urut=-capaian&ekspor=csv")
        self.assertEqual(
            r["Content-Disposition"], f'attachment; filename="dasbor-{self.pemda.slug}-2022.csv"'
        )
        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][:3], ["Instansi", "Capaian IKU", "Predikat"])
        self.assertEqual(rows[1][:2], ["Dinas dinas-a", "103,97 %"])
        r = self.client.get(self.url + "?urut=-capaian&ekspor=xlsx")
        lembar = load_workbook(io.BytesIO(r.content)).active
        self.assertEqual(lembar["A2"].value, "Dinas dinas-a")
        self.assertAlmostEqual(D(str(lembar["B2"].value)), D("103.97"), places=2)
        self.assertEqual(lembar["E2"].value, 4_000_000)

    def test_another_regions_reviewer_gets_404_planners_403(self):
        self.client.force_login(self.pemeriksa_b)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.client.force_login(self.perencana)
        self.assertEqual(self.client.get(self.url).status_code, 403)
        self.assertEqual(self.client.get(reverse("dasbor-nasional", args=[TAHUN])).status_code, 403)

    def test_the_national_view_sets_regions_side_by_side(self):
        self.client.force_login(self.admin)
        url = reverse("dasbor-nasional", args=[TAHUN])
        baris = {b[0]: b for b in self.baris(url)}
        self.assertEqual(len(baris), 2)
        kota = baris[self.pemda.nama]
        # Two agencies; the mean of their means (103,97… and 51,98…); all budget together.
        self.assertEqual(kota[1], "2")
        self.assertEqual(kota[2], "77,98 %")
        self.assertEqual(kota[3:5], ["Rp 6.000.000", "85,73 %"])
        self.assertEqual(kota[5:8], ["1", "0", "1"])
        self.assertContains(self.client.get(url), f'href="{self.url}"')
        # A reviewer sees their own regions only.
        self.client.force_login(self.pemeriksa)
        self.assertEqual([b[0] for b in self.baris(url)], [self.pemda.nama])


class DasborKueriTests(TestCase):
    def test_the_same_queries_for_ten_times_the_agencies(self):
        pemda = buat_pemda("kota-q")
        admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")
        self.client.force_login(admin)
        for n, banyak in enumerate((1, 10)):
            for k in range(banyak - pemda.instansi.count()):
                buat_instansi(f"dinas-{n}-{k}", pemda=pemda, ukuran=2, tahun=TAHUN)
            with self.assertNumQueries(NUM_KUERI):
                r = self.client.get(reverse("dasbor-pemda", args=[pemda.slug, TAHUN]))
            self.assertEqual(r.content.decode().count('<td class="nama">'), banyak)
            with self.assertNumQueries(NUM_KUERI_NASIONAL):
                r = self.client.get(reverse("dasbor-nasional", args=[TAHUN]))
            self.assertContains(r, f'<td class="angka">{banyak}</td>')

    @override_settings(CACHES=TEMBOLOK)
    def test_unchanged_data_is_served_from_the_cache_and_a_write_is_seen_at_once(self):
        pemda = buat_pemda("kota-t")
        a = buat_instansi("dinas-t", pemda=pemda, tahun=TAHUN)
        admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")
        self.client.force_login(admin)
        url = reverse("dasbor-pemda", args=[pemda.slug, TAHUN])
        with self.assertNumQueries(NUM_KUERI):
            self.assertContains(self.client.get(url), "103,97 %")
        with self.assertNumQueries(NUM_KUERI_TERSIMPAN):
            self.assertContains(self.client.get(url), "103,97 %")
        # A planner's save (with its history record) changes the figure on the next request.
        realisasi = Realisasi.objects.get(indikator__renstra__instansi=a, tahun=TAHUN)
        realisasi.komponen_a = D(37)
        realisasi.save()
        with self.assertNumQueries(NUM_KUERI):
            self.assertContains(self.client.get(url), "51,98 %")
