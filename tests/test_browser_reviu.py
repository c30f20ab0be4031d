"""A report's review and publication in a real browser (headless Chromium, tests/peramban.py):
Bandar Lampung's 2022 LKjIP, with the document's real inconsistencies as automatic findings,
taken by its planner and the region's reviewer through the pages only, from submission to the
public record. The planner submits with the findings explained (refused without a reason);
the reviewer finds it first on the desk, notes an indicator and returns it, which unlocks the
year; the planner answers beside the indicator and resubmits; the reviewer closes the note,
accepts and publishes; an anonymous visitor downloads the PDF and verifies its SHA-256.
The database is read only to set up and to check what the pages said at the end. No page
breaks a rule of the Content-Security-Policy.
"""

import hashlib
import urllib.request

from django.contrib.auth import get_user_model
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from instansi.models import Instansi, Keanggotaan, KunciTahun, Pemeriksa
from kinerja.models import Indikator
from publikasi.models import Terbitan
from reviu.models import CatatanReviu, PeristiwaLaporan, StatusCatatan
from tests.factories import buat_instansi
from tests.peramban import UjiPeramban, masuk, pelanggaran_csp

TAHUN = 2022
SANDI = "sandi-rahasia-123"
ALASAN = "Sub kegiatan Rp 170.000.000 tanpa belanja: kegiatannya dibiayai Dinas lain, sesuai dokumen LKjIP."
CATATAN = "Target 2022 di PK berbeda dengan Renstra; jelaskan mana yang dipakai."
JAWABAN = "Target PK murni 18,11 % yang dipakai, sesuai perjanjian yang ditandatangani."
# Publishing lays the whole report out as a PDF (WeasyPrint) within the request.
TUNGGU_TERBIT = 90


class ReviuInBrowserTests(UjiPeramban):
    fixtures = ["bandar_lampung_2022"]

    def setUp(self):
        User = get_user_model()
        self.bl = Instansi.objects.get(slug="diskopukm-bandar-lampung")
        # Another agency of the region, alphabetically first, still a draft: the desk must
        # put the report waiting for review before it.
        lain = buat_instansi("bappeda-bandar-lampung", pemda=self.bl.pemda)
        Instansi.objects.filter(pk=lain.pk).update(nama="Badan Perencanaan Pembangunan Daerah")
        perencana = User.objects.create_user("perencana", password=SANDI)
        Keanggotaan.objects.create(user=perencana, instansi=self.bl)
        Pemeriksa.objects.create(
            user=User.objects.create_user(
                "pemeriksa", password=SANDI, first_name="Drs. Ahmad", last_name="Pemeriksa"
            ),
            pemda=self.bl.pemda,
        )
        self.iku = Indikator.objects.get(
            renstra__instansi=self.bl, iku=True, nama__icontains="koperasi sehat"
        )

    # What a person does: sign in, open a page, press a button, read what the page says.

    def masuk(self, nama):
        masuk(self.browser, self.live_server_url, nama, SANDI)

    def buka(self, nama, *args):
        self.browser.get(self.live_server_url + reverse(nama, args=[self.bl.slug, TAHUN, *args]))

    def klik(self, teks):
        self.browser.find_element(By.PARTIAL_LINK_TEXT, teks).click()

    def tekan(self, teks):
        self.browser.find_element(By.XPATH, f"//button[normalize-space()='{teks}']").click()

    def tunggu_teks(self, pemilih, teks, detik=10):
        WebDriverWait(self.browser, detik).until(
            EC.text_to_be_present_in_element((By.CSS_SELECTOR, pemilih), teks)
        )

    def teks(self, pemilih) -> str:
        return self.browser.find_element(By.CSS_SELECTOR, pemilih).text

    def transisi(self, nama, alasan="") -> str:
        """From the review page: the step's link, its confirmation page, «Ya, …». Returns
        what the confirmation page said before the button was pressed."""
        self.klik(f"{nama} laporan")
        self.tunggu_teks("h1", f"{nama} laporan {TAHUN}?")
        konfirmasi = self.teks("main")
        if alasan:
            self.browser.find_element(By.NAME, "catatan").send_keys(alasan)
        self.tekan(f"Ya, {nama.lower()}")
        return konfirmasi

    def status_reviu(self, label, detik=10):
        """Wait for the review page to show the report in state `label`; its status line."""
        self.tunggu_teks("#status .status", label, detik)
        return self.teks("#status")

    def test_a_report_from_submission_with_findings_to_its_verified_public_pdf(self):
        b = self.browser
        pelanggaran_csp(b)

        # 1. The planner reads the findings, is refused a submission without a reason, then
        # submits with one; the year is locked.
        self.masuk("perencana")
        self.buka("reviu-laporan")
        self.assertIn("Draf", self.status_reviu("Draf"))
        judul_temuan = self.teks("h2#temuan")
        self.assertRegex(judul_temuan, r"Temuan otomatis \([1-9]\d*\)")
        b.find_element(By.XPATH, "//summary[contains(., 'Keluaran tercapai tanpa belanja')]").click()
        self.assertIn("Pagu Rp 170.000.000, realisasi anggaran Rp 0", self.teks(".temuan"))
        konfirmasi = self.transisi("Sampaikan")
        self.assertIn(f"Data tahun {TAHUN} dikunci", konfirmasi)
        self.assertIn("Catatan (wajib)", konfirmasi)
        self.tunggu_teks(".errorlist", "temuan otomatis")
        self.assertIn("tuliskan mengapa", self.teks(".errorlist"))
        self.assertIn("Draf", self.teks("main p .status"))
        b.find_element(By.NAME, "catatan").send_keys(ALASAN)
        self.tekan("Ya, sampaikan")
        baris = self.status_reviu("Disampaikan")
        self.assertIn("data tahun ini terkunci bagi perencana", baris)
        self.assertIn("tercatat", self.teks(".pesan"))
        self.assertIn(ALASAN, self.teks("#riwayat + table"))
        self.buka("realisasi", self.iku.pk)
        self.assertIn(f"tahun {TAHUN} telah dikunci", self.teks("#hanya-baca"))
        self.assertEqual(pelanggaran_csp(b), [])

        # 2. The reviewer finds the report first on the desk, notes an indicator, returns it.
        self.masuk("pemeriksa")
        b.get(self.live_server_url + reverse("meja-reviu", args=[TAHUN]))
        pertama = b.find_elements(By.CSS_SELECTOR, "#meja tbody tr")[0].text
        self.assertIn(self.bl.nama, pertama)
        self.assertIn("Disampaikan", pertama)
        self.klik(self.bl.nama)
        self.status_reviu("Disampaikan")
        Select(b.find_element(By.NAME, "tempat")).select_by_visible_text(self.iku.nama)
        b.find_element(By.NAME, "teks").send_keys(CATATAN)
        self.tekan("Simpan catatan")
        self.tunggu_teks("h2#catatan", "Catatan reviu (1 terbuka)")
        self.assertIn(f"Indikator: {self.iku.nama}", self.teks("ul.catatan"))
        konfirmasi = self.transisi("Kembalikan")
        self.assertIn(f"Kunci data tahun {TAHUN} dibuka: perencana dapat memperbaiki data.", konfirmasi)
        self.assertIn(f"Catatan reviu terbuka (1)\nIndikator «{self.iku.nama}»: {CATATAN}", konfirmasi)
        self.status_reviu("Dikembalikan")
        self.assertNotIn("terkunci", self.teks("#status"))
        self.assertEqual(pelanggaran_csp(b), [])

        # 3. The planner sees the note beside the indicator, answers it and resubmits.
        self.masuk("perencana")
        self.buka("realisasi", self.iku.pk)
        samping = self.teks("#catatan-reviu")
        self.assertIn("Terbuka", samping)
        self.assertIn(CATATAN, samping)
        self.assertTrue(b.find_elements(By.CSS_SELECTOR, "#form-realisasi button.utama"))  # unlocked
        self.klik("jawab atau tanggapi")
        b.find_element(By.NAME, "jawaban").send_keys(JAWABAN)
        self.tekan("Kirim jawaban")
        self.tunggu_teks("ul.catatan", "Dijawab")
        self.assertIn(JAWABAN, self.teks("ul.catatan"))
        self.transisi("Sampaikan", "Catatan reviu telah dijawab; temuan lain tetap seperti penjelasan awal.")
        self.assertIn("terkunci", self.status_reviu("Disampaikan"))
        self.assertEqual(pelanggaran_csp(b), [])

        # 4. The reviewer closes the note, accepts and publishes.
        self.masuk("pemeriksa")
        self.buka("reviu-laporan")
        self.klik("buka catatan")
        self.tunggu_teks("h1", "Catatan reviu")
        self.assertIn(JAWABAN, self.teks("main"))
        self.tekan("Tutup catatan")
        self.tunggu_teks("ul.catatan", "Ditutup")
        self.assertIn("Catatan reviu (0 terbuka)", self.teks("h2#catatan"))
        self.transisi("Terima")
        self.status_reviu("Diterima")
        self.transisi("Terbitkan")
        self.status_reviu("Diterbitkan", TUNGGU_TERBIT)
        self.assertIn("Terbitan publik (versi 1)", self.teks("main"))
        self.assertEqual(pelanggaran_csp(b), [])

        # 5. An anonymous visitor finds the report, downloads its PDF and verifies its hash.
        b.delete_all_cookies()
        b.get(self.live_server_url + reverse("beranda"))
        self.klik("LKjIP yang diterbitkan")
        self.klik(self.bl.pemda.nama)
        self.klik(self.bl.nama)
        self.tunggu_teks("h1", f"Laporan Kinerja {self.bl.nama} Tahun {TAHUN}")
        self.assertIn("Versi terkini: versi 1", self.teks("main"))
        self.assertIn("Direviu oleh\nDrs. Ahmad Pemeriksa", self.teks("dl.rincian"))
        alamat_pdf = b.find_element(By.CSS_SELECTOR, "ul.unduhan").find_element(By.LINK_TEXT, "PDF")
        with urllib.request.urlopen(alamat_pdf.get_attribute("href")) as respons:
            self.assertEqual(respons.headers["Content-Type"], "application/pdf")
            pdf = respons.read()
        self.assertTrue(pdf.startswith(b"%PDF-"))
        sidik = hashlib.sha256(pdf).hexdigest()
        self.assertIn(sidik, self.teks("dl.rincian"))  # the page states the file's SHA-256
        self.klik("Periksa keaslian sebuah berkas")
        b.find_element(By.NAME, "sidik").send_keys(sidik)
        self.tekan("Periksa")
        self.tunggu_teks(".hasil", "Ini versi terkini.")
        hasil = self.teks(".hasil")
        self.assertIn("Berkas PDF ini milik laporan yang diterbitkan", hasil)
        self.assertIn(f"LKjIP {self.bl.nama} Tahun {TAHUN}", hasil)
        self.assertIn("versi 1", hasil)
        self.assertEqual(pelanggaran_csp(b), [])

        # What the pages said is what was recorded.
        peristiwa = PeristiwaLaporan.objects.filter(instansi=self.bl, tahun=TAHUN)
        self.assertEqual(
            list(peristiwa.values_list("transisi", flat=True)),
            ["sampaikan", "kembalikan", "sampaikan", "terima", "terbitkan"],
        )
        sampaikan = peristiwa.filter(transisi="sampaikan").first()
        self.assertEqual(sampaikan.catatan, ALASAN)
        self.assertIn("tercapai-tanpa-belanja", {t["kode"] for t in sampaikan.temuan})
        catatan = CatatanReviu.objects.get(instansi=self.bl, tahun=TAHUN)
        self.assertEqual(
            (catatan.objek, catatan.kunci, catatan.status, catatan.jawaban),
            ("indikator", str(self.iku.pk), StatusCatatan.DITUTUP, JAWABAN),
        )
        self.assertTrue(KunciTahun.objects.filter(instansi=self.bl, tahun=TAHUN).exists())
        terbitan = Terbitan.objects.get(instansi=self.bl, tahun=TAHUN)
        self.assertEqual((terbitan.versi, terbitan.sha256_pdf), (1, sidik))
        self.assertEqual(terbitan.direviu_oleh, "Drs. Ahmad Pemeriksa")
