"""A house a newcomer can live in: what a first-time user met, and must not meet again.

A second `make run` must keep what the user changed (data and passwords); a new agency's
planner must find the way from the start page to a first Renstra; a new agency gets rating
bands; the report explains its target rule in a readable sentence; the PDF link says that
the first PDF takes a few seconds.
"""

import re
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, TransactionTestCase
from django.urls import reverse

from anggaran.models import BelanjaJenis, Pagu
from instansi.models import Instansi, Keanggotaan, PredikatCapaian
from instansi.pengaturan import PITA_BAKU
from kinerja.models import Realisasi, Renstra
from sakip.beranda import isi_tahun
from tests.factories import buat_instansi, buat_pemda, buat_pemeran

BL = "diskopukm-bandar-lampung"
LB = "koperindag-lampung-barat"


def jalankan(*args) -> str:
    keluar = StringIO()
    call_command(*args, stdout=keluar)
    return keluar.getvalue()


class MakeRunTwiceTests(TestCase):
    """What `make run` does on every start: muat_dokumen, then siapkan_admin --pengguna-contoh."""

    def test_a_second_run_keeps_a_realisation_the_user_changed(self):
        keluaran = jalankan("muat_dokumen")
        self.assertIn("dimuat", keluaran)
        self.assertEqual(set(Instansi.objects.values_list("slug", flat=True)), {BL, LB})
        realisasi = Realisasi.objects.get(indikator__renstra__instansi__slug=BL, pk=200027)
        self.assertEqual(realisasi.nilai, D("26.21"))
        realisasi.nilai = D("27.50")
        realisasi.save()

        keluaran = jalankan("muat_dokumen")

        self.assertIn("tidak dimuat ulang", keluaran)
        realisasi.refresh_from_db()
        self.assertEqual(realisasi.nilai, D("27.50"))

    def test_a_loaded_row_has_a_first_history_record_so_its_first_change_shows_the_figure_before(self):
        jalankan("muat_dokumen")
        realisasi = Realisasi.objects.get(indikator__renstra__instansi__slug=BL, pk=200027)
        (awal,) = realisasi.history.all()
        self.assertEqual((awal.history_type, awal.nilai), ("+", D("26.21")))
        self.assertEqual(awal.history_change_reason, "Dimuat dari bandar_lampung_2022.json")
        realisasi.nilai = D("27.50")
        realisasi.save()
        baru, lama = realisasi.history.all()[:2]
        self.assertEqual((lama.nilai, baru.nilai), (D("26.21"), D("27.50")))

    def test_it_loads_a_document_whose_agency_is_missing_and_leaves_the_other(self):
        lb = Path(settings.BASE_DIR) / "fixtures" / "lampung_barat_2023.json"
        jalankan("muat_dokumen", str(lb))
        Instansi.objects.filter(slug=LB).update(nama="Nama yang diubah pengguna")
        jalankan("muat_dokumen")
        self.assertEqual(Instansi.objects.get(slug=LB).nama, "Nama yang diubah pengguna")
        self.assertTrue(Instansi.objects.filter(slug=BL).exists())

    def test_a_second_run_keeps_every_existing_password(self):
        buat_instansi()
        pertama = jalankan("siapkan_admin", "--pengguna-contoh")
        sandi = dict(re.findall(r"^(\S+) / kata sandi: (\S+)$", pertama, re.M))
        self.assertEqual(set(sandi), {"admin", "perencana-dinas-contoh", "pemeriksa-pemda-dinas-contoh"})
        perencana = get_user_model().objects.get(username="perencana-dinas-contoh")
        perencana.set_password("sandi-pilihan-sendiri")
        perencana.save()

        kedua = jalankan("siapkan_admin", "--pengguna-contoh")

        self.assertNotIn("kata sandi:", kedua)
        self.assertIn("perencana-dinas-contoh: sudah ada, kata sandi tidak diubah", kedua)
        perencana.refresh_from_db()
        self.assertTrue(perencana.check_password("sandi-pilihan-sendiri"))
        admin = get_user_model().objects.get(username="admin")
        self.assertTrue(admin.is_superuser and admin.check_password(sandi["admin"]))
        pemeriksa = get_user_model().objects.get(username="pemeriksa-pemda-dinas-contoh")
        self.assertTrue(pemeriksa.check_password(sandi["pemeriksa-pemda-dinas-contoh"]))

    def test_an_agency_added_later_gets_its_planner_with_a_printed_password(self):
        jalankan("siapkan_admin", "--pengguna-contoh")
        baru = buat_instansi("dinas-baru")
        keluaran = jalankan("siapkan_admin", "--pengguna-contoh")
        sandi = dict(re.findall(r"^(\S+) / kata sandi: (\S+)$", keluaran, re.M))
        self.assertEqual(set(sandi), {"perencana-dinas-baru", "pemeriksa-pemda-dinas-baru"})
        perencana = get_user_model().objects.get(username="perencana-dinas-baru")
        self.assertTrue(perencana.check_password(sandi["perencana-dinas-baru"]))
        self.assertEqual(perencana.keanggotaan.get().instansi, baru)


class StartPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.baru = Instansi.objects.create(
            pemda=buat_pemda("kota-baru"), slug="dinas-baru", nama="Dinas Baru"
        )
        cls.perencana_baru = User.objects.create_user("perencana-baru", password="rahasia-baru-1")
        Keanggotaan.objects.create(user=cls.perencana_baru, instansi=cls.baru)
        cls.lama = buat_instansi("dinas-lama", tahun=2022)  # Renstra 2021–2026, data in 2021 and 2022
        cls.perencana_lama = User.objects.create_user("perencana-lama", password="rahasia-lama-1")
        Keanggotaan.objects.create(user=cls.perencana_lama, instansi=cls.lama)
        cls.admin = User.objects.create_superuser("admin", password="rahasia-admin-1")

    def test_a_new_agency_is_led_to_its_first_renstra(self):
        self.client.force_login(self.perencana_baru)
        respons = self.client.get(reverse("beranda"))
        self.assertContains(respons, "Belum ada Renstra")
        self.assertContains(respons, f'href="{reverse("renstra-tambah", args=[self.baru.slug])}"')
        self.assertContains(respons, f'href="{reverse("rencana", args=[self.baru.slug])}"')
        # The link leads somewhere: the form for the first Renstra, and saving it opens its years.
        self.assertEqual(self.client.get(reverse("renstra-tambah", args=[self.baru.slug])).status_code, 200)
        Renstra.objects.create(instansi=self.baru, tahun_awal=2025, tahun_akhir=2029)
        respons = self.client.get(reverse("beranda"))
        self.assertNotContains(respons, "Belum ada Renstra")
        self.assertContains(respons, f'href="{reverse("instansi-tahun", args=[self.baru.slug, 2025])}"')
        self.assertEqual(
            self.client.get(reverse("instansi-tahun", args=[self.baru.slug, 2025])).status_code, 200
        )

    def test_a_reader_is_not_offered_to_create_a_renstra(self):
        pembaca = get_user_model().objects.create_user("pemeriksa-baru", password="rahasia-p-1")
        self.baru.pemda.pemeriksa.create(user=pembaca)
        self.client.force_login(pembaca)
        respons = self.client.get(reverse("beranda"))
        self.assertContains(respons, "Belum ada Renstra")
        self.assertNotContains(respons, reverse("renstra-tambah", args=[self.baru.slug]))

    def test_an_agency_with_data_shows_which_of_its_years_hold_data(self):
        BelanjaJenis.objects.create(
            instansi=self.lama, tahun=2024, jenis=BelanjaJenis.Jenis.values[0], murni=D(1_000_000)
        )
        self.client.force_login(self.perencana_lama)
        respons = self.client.get(reverse("beranda"))
        tahun = {
            int(t): (kelas, " ".join(isi.split()))
            for kelas, url, t, isi in re.findall(
                r'<li class="(\w+)"><a href="([^"]+)">(\d{4})</a>\s*<span class="isi">([^<]*)</span>',
                respons.content.decode(),
            )
            if url == reverse("instansi-tahun", args=[self.lama.slug, int(t)])
        }
        # The factory's agency: targets and realisations in 2022, a realisation in 2021, budget
        # rows in 2022; the belanja above in 2024. Every year of its Renstra 2021–2026 opens.
        self.assertEqual(
            tahun,
            {
                2021: ("berisi", "realisasi"),
                2022: ("berisi", "target · realisasi · anggaran"),
                2023: ("kosong", "belum ada data"),
                2024: ("berisi", "anggaran"),
                2025: ("kosong", "belum ada data"),
                2026: ("kosong", "belum ada data"),
            },
        )
        self.assertNotContains(respons, "Belum ada Renstra")
        self.assertEqual(
            self.client.get(reverse("instansi-tahun", args=[self.lama.slug, 2022])).status_code, 200
        )

    def test_budget_rows_alone_make_a_year_hold_data(self):
        Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__instansi=self.lama).update(tahun=2025)
        self.assertEqual(isi_tahun([self.lama.pk])[self.lama.pk, 2025], ["anggaran"])
        self.assertEqual(isi_tahun([self.baru.pk]), {})

    def test_the_start_page_takes_the_same_queries_for_one_and_three_agencies(self):
        self.client.force_login(self.admin)
        self.client.get(reverse("beranda"))  # the session's first read is not the page's
        # session, user, agencies, Renstra, years with data, regions reviewed
        with self.assertNumQueries(6):
            self.assertContains(self.client.get(reverse("beranda")), "Dinas Baru")
        buat_instansi("dinas-ketiga", ukuran=3)
        self.assertEqual(Instansi.objects.count(), 3)
        with self.assertNumQueries(6):
            self.assertContains(self.client.get(reverse("beranda")), "dinas-ketiga")

    def test_a_planner_takes_as_few_queries_as_an_admin(self):
        self.client.force_login(self.perencana_lama)
        with self.assertNumQueries(6):
            self.client.get(reverse("beranda"))


class DefaultBandsTests(TestCase):
    def test_a_new_agency_gets_the_common_bands(self):
        with self.captureOnCommitCallbacks(execute=True):
            instansi = Instansi.objects.create(pemda=buat_pemda(), slug="dinas-baru", nama="Dinas Baru")
        self.assertEqual(
            list(instansi.predikat.values_list("label", "batas_bawah", "batas_atas")),
            [
                ("Sangat Baik", D(85), None),
                ("Berhasil", D(70), D(85)),
                ("Cukup Baik", D(55), D(70)),
                ("Tidak Baik", None, D(55)),
            ],
        )

    def test_an_agency_that_brings_its_bands_keeps_only_them(self):
        with self.captureOnCommitCallbacks(execute=True):
            instansi = Instansi.objects.create(pemda=buat_pemda(), slug="dinas-baru", nama="Dinas Baru")
            PredikatCapaian.objects.create(instansi=instansi, label="Baik", batas_bawah=50)
            PredikatCapaian.objects.create(instansi=instansi, label="Kurang", batas_atas=50)
        self.assertEqual(sorted(instansi.predikat.values_list("label", flat=True)), ["Baik", "Kurang"])

    def test_saving_an_existing_agency_adds_no_bands(self):
        instansi = buat_instansi()
        sebelum = list(instansi.predikat.values_list("label", flat=True))
        with self.captureOnCommitCallbacks(execute=True):
            instansi.nama = "Dinas yang berganti nama"
            instansi.save()
        self.assertEqual(list(instansi.predikat.values_list("label", flat=True)), sebelum)

    def test_the_documents_load_with_their_own_bands_only(self):
        with self.captureOnCommitCallbacks(execute=True):
            jalankan("muat_dokumen")
        bl = Instansi.objects.get(slug=BL)
        self.assertEqual(bl.predikat.count(), 4)
        self.assertEqual(Instansi.objects.get(slug=LB).predikat.count(), 0)

    def test_the_default_bands_are_valid(self):
        from instansi.pengaturan import validasi_pita

        self.assertEqual(len(validasi_pita(PITA_BAKU)), 4)

    def test_a_new_agencys_report_rates_its_capaian(self):
        from instansi.pengaturan import cari_predikat

        self.assertEqual(cari_predikat(D("103.97"), PITA_BAKU), "Sangat Baik")
        self.assertEqual(cari_predikat(D("60"), PITA_BAKU), "Cukup Baik")


class DefaultBandsOutsideATransactionTests(TransactionTestCase):
    """Where a save commits at once (a shell, `make run`), as in the browser tests."""

    def test_the_factory_ends_with_its_own_bands_only(self):
        instansi = buat_instansi()
        self.assertEqual(
            sorted(instansi.predikat.values_list("label", flat=True)),
            ["Berhasil", "Sangat Baik", "Tidak Baik"],
        )

    def test_an_agency_created_in_a_shell_has_bands_at_once(self):
        instansi = Instansi.objects.create(pemda=buat_pemda(), slug="dinas-shell", nama="Dinas Shell")
        self.assertEqual(instansi.predikat.count(), 4)


class ReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()
        cls.perencana = get_user_model().objects.create_user("perencana", password="rahasia-panjang")
        Keanggotaan.objects.create(user=cls.perencana, instansi=cls.instansi)

    def setUp(self):
        self.client.force_login(self.perencana)
        self.respons = self.client.get(reverse("lkjip-html", args=[self.instansi.slug, 2022]))

    def test_the_target_rule_reads_as_a_sentence(self):
        self.assertContains(
            self.respons,
            "Target yang dipakai: PK (Perjanjian Kinerja) perubahan; bila tidak ada, PK murni; "
            "bila tidak ada juga, target Renstra tahun berjalan.",
        )
        self.assertNotContains(self.respons, "bila tidak ada Perjanjian Kinerja, bila tidak ada")

    def test_the_pdf_link_says_a_missing_pdf_is_made_in_the_background(self):
        html = self.respons.content.decode()
        tautan = re.search(r'<a href="([^"]+)" data-pdf="([^"]+)">Unduh PDF</a>', html)
        self.assertEqual(tautan.group(1), reverse("lkjip-pdf", args=[self.instansi.slug, 2022]))
        catatan = re.search(rf'<span id="{tautan.group(2)}"[^>]*>([^<]*)</span>', html).group(1)
        self.assertIn("bila belum atau datanya berubah, dibuat di latar, biasanya 5–40 detik", catatan)
        # The note changes on click through a static script, as the Content-Security-Policy wants.
        skrip = re.search(r'<script src="([^"]*sakip/pdf[^"]*\.js)" defer></script>', html).group(1)
        self.assertNotRegex(html, r"<script>|\son[a-z]+=")
        berkas = Path(settings.BASE_DIR) / "static" / "sakip" / "pdf.js"
        self.assertIn("halaman kemajuannya akan terbuka", berkas.read_text(encoding="utf-8"))
        self.assertIn("sakip/pdf", skrip)

    def test_the_pdf_itself_has_no_link_nor_script(self):
        from sakip.lkjip.data import kumpulkan
        from sakip.lkjip.render import html_laporan
        from sakip.lkjip.susun import susun

        html = html_laporan(susun(kumpulkan(self.instansi, 2022)))
        self.assertNotIn("pdf.js", html)
        self.assertNotIn("dibuat di latar", html)


class AnonymousStartPageTests(TestCase):
    def test_a_visitor_is_asked_to_sign_in_without_a_query(self):
        with self.assertNumQueries(0):
            respons = self.client.get(reverse("beranda"))
        self.assertContains(respons, f'href="{reverse("masuk")}"')


class YearPagePdfTests(TestCase):
    def test_the_year_pages_pdf_link_says_the_first_pdf_takes_a_few_seconds(self):
        a = buat_instansi("dinas-a")
        perencana, _, _ = buat_pemeran(a, buat_instansi("dinas-b"))
        self.client.force_login(perencana)
        r = self.client.get(reverse("instansi-tahun", args=[a.slug, 2022]))
        self.assertContains(r, 'data-pdf="pdf-status"')
        self.assertContains(r, "bila belum, dibuat di latar, biasanya 5–40 detik")
        self.assertContains(r, "sakip/pdf.js")
