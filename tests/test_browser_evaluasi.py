"""A whole year's evaluation in a real browser (headless Chromium from Debian, as
tests/test_browser.py): the planner self-assesses with evidence (a link to the PK and an
uploaded PDF), hands over; the evaluator scores every criterion and writes a
recommendation; the pengendali teknis approves and makes it final; the LHE's PDF downloads;
the planner records the recommendation's follow-up. No page breaks a rule of the
Content-Security-Policy."""

import time
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from evaluasi.models import BuktiDukung, EvaluasiLke, KomponenLke, TindakLanjutLke
from instansi.models import Keanggotaan, Pemeriksa
from tests.factories import buat_instansi
from tests.matriks.evaluasi_bukti import PDF
from tests.peramban import UjiPeramban, tunggu_halaman_baru

TAHUN = 2022
SANDI = "sandi-rahasia-123"


class EvaluasiInBrowserTests(UjiPeramban):
    def setUp(self):
        # A live-server test before this one emptied every table, the instruments the data
        # migration loaded included: the migration's own loader (idempotent) puts them back.
        # The emptying also made the content types anew under new ids; on SQLite, which
        # reuses ids, the cached ones then point at the wrong rows (a foreign-key failure).
        import_module("evaluasi.migrations.0002_instrumen_acuan").isi(apps, None)
        ContentType.objects.clear_cache()
        User = get_user_model()
        self.a = buat_instansi("dinas-a")
        Keanggotaan.objects.create(
            user=User.objects.create_user("perencana", password=SANDI), instansi=self.a
        )
        for nama in ("evaluator", "pengendali"):
            Pemeriksa.objects.create(user=User.objects.create_user(nama, password=SANDI), pemda=self.a.pemda)

    def buka(self, nama, *args):
        self.browser.get(self.live_server_url + reverse(nama, args=[self.a.slug, TAHUN, *args]))

    def masuk(self, nama):
        b = self.browser
        b.delete_all_cookies()
        b.get(self.live_server_url + reverse("masuk"))
        b.find_element(By.NAME, "username").send_keys(nama)
        b.find_element(By.NAME, "password").send_keys(SANDI)
        b.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(b, 5).until(EC.url_to_be(self.live_server_url + reverse("beranda")))

    def kirim(self, pemilih="button.utama"):
        """Submit and wait for the answer page, so what is read next is never the old page."""
        tombol = self.browser.find_element(By.CSS_SELECTOR, pemilih)
        tombol.click()
        tunggu_halaman_baru(self.browser, tombol)

    def pesan(self) -> str:
        return self.browser.find_element(By.CSS_SELECTOR, ".pesan").text

    def langkah(self, kode):
        self.buka("evaluasi-langkah", kode)
        self.kirim("form button.utama")
        WebDriverWait(self.browser, 5).until(
            EC.url_to_be(self.live_server_url + reverse("evaluasi-lke", args=[self.a.slug, TAHUN]))
        )

    def jawab_semua(self, pilih):
        """Answer every criterion of every component with `pilih(options)`'s index."""
        for k in KomponenLke.objects.filter(evaluasi__instansi=self.a, evaluasi__tahun=TAHUN):
            self.buka("evaluasi-komponen", k.pk)
            for kolom in self.browser.find_elements(By.CSS_SELECTOR, "select[name$=nilai_skala]"):
                Select(kolom).select_by_index(pilih(len(Select(kolom).options)))
            self.kirim("form button.utama")
            self.assertIn("tersimpan", self.pesan())

    def pelanggaran_csp(self) -> list[str]:
        return [
            e["message"] for e in self.browser.get_log("browser") if "Content Security Policy" in e["message"]
        ]

    def test_an_evaluation_from_self_assessment_to_the_lhe_and_its_follow_up(self):
        b = self.browser
        # The planner starts the evaluation on the 12/2015 instrument and answers the first component.
        self.masuk("perencana")
        self.buka("evaluasi-lke")
        Select(b.find_element(By.NAME, "instrumen")).select_by_visible_text(
            next(o.text for o in Select(b.find_element(By.NAME, "instrumen")).options if "12/2015" in o.text)
        )
        self.kirim("form button.utama")
        evaluasi = EvaluasiLke.objects.get(instansi=self.a, tahun=TAHUN)
        self.jawab_semua(lambda n: 1)
        # Evidence: a link to the year's PK, and a PDF uploaded.
        kriteria = evaluasi.komponen.first().sub_komponen.first().kriteria.first()
        self.buka("bukti-kriteria", kriteria.pk)
        Select(b.find_element(By.NAME, "tautan_pilihan")).select_by_visible_text(
            f"Perjanjian Kinerja {TAHUN}: target"
        )
        self.kirim("#form-bukti button")
        self.assertIn("tersimpan", self.pesan())
        berkas = Path(self.unduhan) / "reviu-lkjip.pdf"
        berkas.write_bytes(PDF)
        b.find_element(By.NAME, "berkas_baru").send_keys(str(berkas))
        self.kirim("#form-bukti button")
        daftar = b.find_element(By.ID, "daftar-bukti").text
        self.assertIn(f"Perjanjian Kinerja {TAHUN}: target", daftar)
        self.assertIn("reviu-lkjip.pdf", daftar)
        self.assertEqual(BuktiDukung.objects.filter(kriteria=kriteria).count(), 2)
        self.langkah("serahkan")

        # The evaluator scores every criterion one step below the top, and recommends.
        self.masuk("evaluator")
        self.jawab_semua(lambda n: 2)
        self.buka("rekomendasi-lke")
        b.find_element(By.NAME, "r-teks").send_keys("Dokumentasikan proses pengukuran kinerja.")
        self.kirim("#form-rekomendasi button")
        self.assertIn("ditambahkan", self.pesan())

        # The pengendali teknis approves and makes it final.
        self.masuk("pengendali")
        self.langkah("setujui")
        self.langkah("finalkan")
        evaluasi.refresh_from_db()
        self.assertEqual(evaluasi.status, "final")

        # The planner downloads the LHE and records the follow-up.
        self.masuk("perencana")
        self.buka("lhe-html")
        self.assertIn("Nilai hasil evaluasi", b.find_element(By.ID, "nilai-akhir").text)
        b.find_element(By.LINK_TEXT, "Unduh PDF").click()
        unduhan = Path(self.unduhan) / f"LHE-{self.a.slug}-{TAHUN}.pdf"
        batas = time.monotonic() + 30
        while not unduhan.exists() and time.monotonic() < batas:
            time.sleep(0.2)
        self.assertTrue(unduhan.read_bytes().startswith(b"%PDF-"))
        self.buka("tindak-lanjut-lke")
        b.find_element(By.LINK_TEXT, "Catat tindak lanjut").click()
        b.find_element(By.NAME, "tindak_lanjut").send_keys("Pengukuran didokumentasikan setiap triwulan.")
        b.find_element(By.NAME, "rencana_aksi").send_keys("Menyusun SOP pengukuran kinerja.")
        b.execute_script("document.getElementsByName('batas_waktu')[0].value = '2023-06-30'")
        Select(b.find_element(By.NAME, "status")).select_by_visible_text("Selesai")
        self.kirim("#form-isian button")
        self.assertIn("tersimpan", self.pesan())
        self.assertIn("Selesai", b.find_element(By.ID, "daftar-tindak-lanjut").text)
        tindak = TindakLanjutLke.objects.get(rekomendasi__evaluasi=evaluasi)
        self.assertEqual((tindak.status, str(tindak.batas_waktu)), ("selesai", "2023-06-30"))
        self.assertEqual(self.pelanggaran_csp(), [])
