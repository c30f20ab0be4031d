"""The pemda dashboard in a real browser (headless Chromium from Debian, as tests/test_browser.py):
a reviewer signs in, the dashboard loads with its charts, a column header sorts the rows, and
the browser refused nothing under the Content-Security-Policy."""

from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from instansi.models import Pemeriksa
from kinerja.models import Realisasi
from tests.factories import buat_instansi, buat_pemda
from tests.peramban import UjiPeramban, masuk

TAHUN = 2022


class DashboardInBrowserTests(UjiPeramban):
    def setUp(self):
        pemda = buat_pemda("kota-dasbor")
        buat_instansi("dinas-a", pemda=pemda, tahun=TAHUN)
        c = buat_instansi("dinas-c", pemda=pemda, tahun=TAHUN)
        Realisasi.objects.filter(indikator__renstra__instansi=c, tahun=TAHUN).update(komponen_a=D(37))
        pemeriksa = get_user_model().objects.create_user("pemeriksa-kota", password="sandi-kota-123")
        Pemeriksa.objects.create(user=pemeriksa, pemda=pemda)
        self.url = self.live_server_url + reverse("dasbor-pemda", args=[pemda.slug, TAHUN])

    def nama_baris(self) -> list[str]:
        return [td.text for td in self.browser.find_elements(By.CSS_SELECTOR, "#dasbor tbody td.nama")]

    def test_a_reviewer_loads_the_dashboard_and_sorts_it_by_capaian(self):
        b = self.browser
        b.get(self.live_server_url + reverse("masuk"))
        b.find_element(By.NAME, "username").send_keys("pemeriksa-kota")
        b.find_element(By.NAME, "password").send_keys("sandi-kota-123")
        b.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(b, 5).until(EC.url_to_be(self.live_server_url + reverse("beranda")))
        b.get(self.url)
        self.assertEqual(self.nama_baris(), ["Dinas dinas-a", "Dinas dinas-c"])
        self.assertEqual(len(b.find_elements(By.CSS_SELECTOR, "figure.grafik svg[role=img]")), 2)
        # Ascending capaian first, then descending: the header's link each time.
        for harapan in (["Dinas dinas-c", "Dinas dinas-a"], ["Dinas dinas-a", "Dinas dinas-c"]):
            b.find_element(By.LINK_TEXT, "Capaian IKU").click()
            WebDriverWait(b, 5).until(lambda _, h=harapan: self.nama_baris() == h)
        self.assertIn("urut=-capaian", b.current_url)
        ditolak = [m for m in b.get_log("browser") if "Content Security Policy" in m["message"]]
        self.assertEqual(ditolak, [])

    def test_the_table_fits_a_1280_screen_and_scrolls_in_its_own_box_on_a_phone(self):
        b = self.browser
        masuk(b, self.live_server_url, "pemeriksa-kota", "sandi-kota-123")
        lebar = """const k = document.querySelector('#dasbor').parentElement;
            const m = document.querySelector('main');
            return [k.scrollWidth > k.clientWidth, m.scrollWidth > m.clientWidth,
                    document.documentElement.scrollWidth > document.documentElement.clientWidth];"""
        try:
            # (the table's box, the page's main box, the page itself) wider than shown
            for layar, harapan in ((1280, [False, False, False]), (390, [True, False, False])):
                with self.subTest(layar):
                    b.set_window_size(layar, 900)
                    b.get(self.url)
                    self.assertEqual(b.execute_script(lebar), harapan)
        finally:
            b.set_window_size(1280, 1600)
