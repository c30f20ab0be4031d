"""A planner at work in a real browser: headless Chromium from Debian (tests/peramban.py),
against a live server."""

import io
from decimal import Decimal as D
from pathlib import Path

from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from instansi.models import Instansi, Keanggotaan
from kinerja.models import Indikator, Realisasi
from sakip.excel import realisasi
from tests.peramban import UjiPeramban, masuk, pelanggaran_csp, tunggu_halaman_baru


class PlannerInBrowserTests(UjiPeramban):
    fixtures = ["bandar_lampung_2022", "lampung_barat_2023"]

    def setUp(self):
        User = get_user_model()
        self.bl = Instansi.objects.get(slug="diskopukm-bandar-lampung")
        Keanggotaan.objects.create(
            user=User.objects.create_user("perencana-bl", password="sandi-bl-123"), instansi=self.bl
        )
        Keanggotaan.objects.create(
            user=User.objects.create_user("perencana-lb", password="sandi-lb-123"),
            instansi=Instansi.objects.get(slug="koperindag-lampung-barat"),
        )
        self.iku = Indikator.objects.get(
            renstra__instansi=self.bl, iku=True, nama__icontains="koperasi sehat"
        )
        self.url = self.live_server_url + reverse("realisasi", args=[self.bl.slug, 2022, self.iku.pk])

    def masuk(self, nama, sandi):
        masuk(self.browser, self.live_server_url, nama, sandi)

    def ketik(self, nama, teks):
        kolom = self.browser.find_element(By.NAME, nama)
        kolom.clear()
        kolom.send_keys(teks)

    def tunggu_pratinjau(self, teks):
        WebDriverWait(self.browser, 5).until(EC.text_to_be_present_in_element((By.ID, "pratinjau"), teks))

    def test_a_planner_enters_a_realisation_sees_its_capaian_saves_and_finds_it_at_home(self):
        self.masuk("perencana-bl", "sandi-bl-123")
        b = self.browser
        b.get(self.url)
        # A ratio is entered as its counts: 1.883 of 10.000 is 18,83 %.
        self.ketik("komponen_a", "1.883")
        self.ketik("komponen_b", "10.000")
        self.tunggu_pratinjau("103,97 %")
        self.assertIn("Sangat Baik", b.find_element(By.ID, "pratinjau").text)
        b.find_element(By.CSS_SELECTOR, "#form-realisasi button[type=submit]").click()
        WebDriverWait(b, 5).until(EC.presence_of_element_located((By.ID, "kinerja")))
        baris = [
            r.text
            for r in b.find_elements(By.CSS_SELECTOR, "#kinerja tr")
            if "koperasi sehat" in r.text.lower()
        ]
        self.assertIn("103,97 %", baris[0])
        self.assertEqual(
            Realisasi.objects.get(indikator=self.iku, tahun=2022, triwulan=None).komponen_a, D(1883)
        )

        # A malformed number: the preview says what is wrong, and saving changes nothing.
        b.get(self.url)
        self.ketik("komponen_a", "18.83.1")
        self.tunggu_pratinjau("«18.83.1»")
        halaman_lama = b.find_element(By.TAG_NAME, "main")
        b.find_element(By.CSS_SELECTOR, "#form-realisasi button[type=submit]").click()
        # The preview already shows the message; wait for the server's answer page to replace it.
        tunggu_halaman_baru(b, halaman_lama)
        self.assertIn("«18.83.1» bukan angka yang sah", b.find_element(By.TAG_NAME, "main").text)
        self.assertEqual(
            Realisasi.objects.get(indikator=self.iku, tahun=2022, triwulan=None).komponen_a, D(1883)
        )

    def test_a_planner_uploads_a_filled_template_previews_applies_and_sees_the_new_capaian(self):
        self.masuk("perencana-bl", "sandi-bl-123")
        buku = load_workbook(io.BytesIO(realisasi.templat(self.bl, 2022)))
        lembar = buku[realisasi.LEMBAR]
        baris = next(n for n in range(2, lembar.max_row + 1) if lembar.cell(n, 1).value == self.iku.pk)
        lembar.cell(baris, realisasi.KOLOM.index("Komponen A") + 1).value = 75  # of 393 koperasi
        berkas = Path(self.profil) / "isian.xlsx"
        buku.save(berkas)
        b = self.browser
        b.get(self.live_server_url + reverse("excel-unggah", args=[self.bl.slug, 2022]))
        b.find_element(By.NAME, "berkas").send_keys(str(berkas))
        b.find_element(By.CSS_SELECTOR, "button[type=submit].utama").click()
        perubahan = WebDriverWait(b, 5).until(EC.presence_of_element_located((By.ID, "perubahan"))).text
        self.assertIn("74 / 393", perubahan)
        self.assertIn("75 / 393", perubahan)
        b.find_element(By.CSS_SELECTOR, "button[type=submit].utama").click()
        WebDriverWait(b, 5).until(EC.presence_of_element_located((By.ID, "kinerja")))
        baris_tabel = [
            r.text
            for r in b.find_elements(By.CSS_SELECTOR, "#kinerja tr")
            if "koperasi sehat" in r.text.lower()
        ]
        self.assertIn("105,37 %", baris_tabel[0])  # 75 / 393 = 19,08… of 18,11, truncated

    def test_pages_break_no_rule_of_the_content_security_policy_and_the_preview_still_works(self):
        self.masuk("perencana-bl", "sandi-bl-123")
        b = self.browser
        pelanggaran_csp(b)
        b.get(self.url)
        self.ketik("komponen_a", "1.883")
        self.ketik("komponen_b", "10.000")
        self.tunggu_pratinjau("103,97 %")
        self.assertEqual(pelanggaran_csp(b), [])
        # The quarter travels too: the agreement's first-quarter target is 0, the year's 18,11.
        b.get(self.url + "?triwulan=1")
        self.ketik("nilai", "18,83")
        self.tunggu_pratinjau("pembagi nol")
        self.assertEqual(pelanggaran_csp(b), [])
        # The report inlines its charts as SVG, with their own style attributes and <style>.
        for halaman, isi in (
            (reverse("lkjip-html", args=[self.bl.slug, 2022]), "figure.grafik svg"),
            (reverse("instansi-tahun", args=[self.bl.slug, 2022]), "#kinerja"),
        ):
            b.get(self.live_server_url + halaman)
            self.assertTrue(b.find_elements(By.CSS_SELECTOR, isi), halaman)
            self.assertEqual(pelanggaran_csp(b), [], halaman)

    def test_another_agencys_planner_finds_nothing_at_that_address(self):
        self.masuk("perencana-lb", "sandi-lb-123")
        self.browser.get(self.url)
        self.assertIn("Halaman tidak ditemukan", self.browser.find_element(By.TAG_NAME, "h1").text)

    def test_a_refused_budget_cell_keeps_the_grid_within_the_page_at_desktop_width(self):
        from kinerja.models import Program

        self.masuk("perencana-lb", "sandi-lb-123")
        b = self.browser
        b.set_window_size(1400, 1000)
        self.addCleanup(b.set_window_size, 1280, 1600)
        lb = Instansi.objects.get(slug="koperindag-lampung-barat")
        program = Program.objects.filter(renstra__instansi=lb).order_by("urutan").first()
        b.get(self.live_server_url + reverse("anggaran-program", args=[lb.slug, 2023, program.pk]))
        kolom = b.find_elements(By.CSS_SELECTOR, "#anggaran input[name$='-jumlah']")[0]
        kolom.clear()
        kolom.send_keys("12.34.5abc")
        b.find_element(By.CSS_SELECTOR, "button.utama").click()
        WebDriverWait(b, 5).until(EC.presence_of_element_located((By.ID, "galat")))
        tabel, wadah = b.execute_script(
            "const t = document.getElementById('anggaran');"
            "return [t.getBoundingClientRect().width, t.parentElement.clientWidth];"
        )
        self.assertLessEqual(tabel, wadah)  # «Lebih/(kurang)» and the refused cell in view
        self.assertIn("bukan angka", b.find_element(By.CSS_SELECTOR, "#anggaran .galat").text)

    def test_the_report_does_not_scroll_sideways_at_phone_width(self):
        self.masuk("perencana-bl", "sandi-bl-123")
        b = self.browser
        b.set_window_size(390, 900)
        self.addCleanup(b.set_window_size, 1280, 1600)
        b.get(self.live_server_url + reverse("lkjip-html", args=[self.bl.slug, 2022]))
        lebar, layar = b.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];"
        )
        self.assertLessEqual(lebar, layar)
