"""Background jobs: the PDF download, a pemda's bulk generation and a big upload as jobs;
progress, failure, «Coba lagi», the sweep of jobs whose worker died; the command line; and
real workers: the database backend's `db_worker` and RQ's `rqworker` against the Redis on
127.0.0.1:6379, each a subprocess on the test database, one killed with SIGKILL mid-job.

Most tests run jobs with the immediate backend of the test settings; those that need a queue
switch to the database backend, and the worker tests to the backend their worker serves.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from io import BytesIO, StringIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from instansi.models import Pemeriksa
from kinerja.models import Realisasi
from pekerjaan import jalankan, tugas
from pekerjaan.antrean import Hasil, kerjakan, sapu, segarkan_induk
from pekerjaan.models import Pekerjaan
from pekerjaan.tugas import xlsx_lkjip
from sakip.excel import realisasi
from sakip.models import BerkasPdf, UnggahanExcel
from tests.factories import buat_instansi, buat_pemda, buat_pemeran
from tests.peramban import chromium

AKAR = Path(__file__).resolve().parent.parent
TAHUN = 2022
Status = Pekerjaan.Status


def backend_db(antrean="default"):
    return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": [antrean]}}


class DenganPemeran:
    @classmethod
    def setUpTestData(cls):
        cls.pemda = buat_pemda("pemda-uji")
        cls.a = buat_instansi("dinas-a", pemda=cls.pemda)
        cls.b = buat_instansi("dinas-b")
        cls.perencana, cls.perencana_b, cls.pemeriksa = buat_pemeran(cls.a, cls.b)
        cls.url_pdf = reverse("lkjip-pdf", args=[cls.a.slug, TAHUN])


class PdfDownloadTests(DenganPemeran, TestCase):
    def test_a_pdf_not_yet_made_is_made_by_a_job_that_reports_its_progress(self):
        self.client.force_login(self.perencana)
        respons = self.client.get(self.url_pdf)
        self.assertTrue(respons.content.startswith(b"%PDF"))
        p = Pekerjaan.objects.get(nama_tugas="pdf_lkjip", instansi=self.a, tahun=TAHUN)
        self.assertEqual((p.status, p.selesai_n, p.total, p.percobaan), (Status.SELESAI, 1, 1, 1))
        self.assertEqual(
            (p.oleh, p.tautan_hasil, p.pesan), (self.perencana, self.url_pdf, "PDF selesai dibuat.")
        )

    def test_a_current_pdf_is_served_from_the_store_without_a_job(self):
        self.client.force_login(self.perencana)
        pertama = self.client.get(self.url_pdf).content
        kedua = self.client.get(self.url_pdf)
        self.assertEqual(kedua.content, pertama)
        self.assertEqual(Pekerjaan.objects.count(), 1)

    @override_settings(TASKS=backend_db())
    def test_with_a_queue_the_download_leads_to_the_progress_page_and_the_report_finds_the_job_again(self):
        self.client.force_login(self.perencana)
        respons = self.client.get(self.url_pdf)
        p = Pekerjaan.objects.get()
        self.assertRedirects(respons, reverse("pekerjaan", args=[p.pk]))
        self.assertEqual(p.status, Status.ANTRI)
        # A second click, or a reload of the download, waits for the same job.
        self.assertRedirects(self.client.get(self.url_pdf), reverse("pekerjaan", args=[p.pk]))
        self.assertEqual(Pekerjaan.objects.count(), 1)
        halaman = self.client.get(reverse("pekerjaan", args=[p.pk]))
        self.assertContains(halaman, 'role="progressbar"')
        self.assertContains(halaman, "pekerjaan/kemajuan.js")
        self.assertContains(halaman, reverse("pekerjaan-status", args=[p.pk]))
        laporan = self.client.get(reverse("lkjip-html", args=[self.a.slug, TAHUN]))
        self.assertContains(laporan, reverse("pekerjaan-status", args=[p.pk]))
        status = self.client.get(reverse("pekerjaan-status", args=[p.pk])).json()
        self.assertEqual(
            (status["status"], status["selesai"], status["total"], status["aktif"]), ("antri", 0, 1, True)
        )
        self.assertEqual(status["status_label"], "Menunggu giliran")

    def test_a_year_without_a_report_is_404_and_starts_nothing(self):
        self.client.force_login(self.perencana)
        self.assertEqual(self.client.get(reverse("lkjip-pdf", args=[self.a.slug, 2035])).status_code, 404)
        self.assertFalse(Pekerjaan.objects.exists())

    def test_the_report_page_shows_no_job_when_none_runs(self):
        self.client.force_login(self.perencana)
        self.assertNotContains(
            self.client.get(reverse("lkjip-html", args=[self.a.slug, TAHUN])), "progressbar"
        )

    def test_a_job_is_seen_by_who_may_read_its_agency_and_no_one_else(self):
        p = jalankan("pdf_lkjip", oleh=self.perencana, judul="PDF", instansi=self.a, tahun=TAHUN)
        url = reverse("pekerjaan-status", args=[p.pk])
        for user, kode in ((self.perencana, 200), (self.pemeriksa, 200), (self.perencana_b, 404)):
            self.client.force_login(user)
            self.assertEqual(self.client.get(url).status_code, kode)


class WorkbookTests(DenganPemeran, TestCase):
    def test_an_ordinary_report_gets_its_workbook_in_the_request(self):
        self.client.force_login(self.perencana)
        respons = self.client.get(reverse("lkjip-xlsx", args=[self.a.slug, TAHUN]))
        self.assertTrue(respons.content.startswith(b"PK"))
        self.assertFalse(Pekerjaan.objects.exists())

    @override_settings(PEKERJAAN_AMBANG_INDIKATOR_XLSX=0, TASKS=backend_db())
    def test_a_big_reports_workbook_is_made_by_a_job_and_kept_with_it(self):
        self.client.force_login(self.perencana)
        url = reverse("lkjip-xlsx", args=[self.a.slug, TAHUN])
        respons = self.client.get(url)
        p = Pekerjaan.objects.get(nama_tugas="xlsx_lkjip")
        self.assertRedirects(respons, reverse("pekerjaan", args=[p.pk]))
        # What the worker does, here: run the task for the job's current run.
        xlsx_lkjip.call(p.pk, p.putaran)
        p.refresh_from_db()
        self.assertEqual(p.status, Status.SELESAI)
        self.assertEqual(p.tautan_hasil, reverse("pekerjaan-berkas", args=[p.pk]))
        unduhan = self.client.get(p.tautan_hasil)
        self.assertTrue(unduhan.content.startswith(b"PK"))
        self.assertIn(f"LKjIP-{self.a.slug}-{TAHUN}-tabel.xlsx", unduhan["Content-Disposition"])
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(p.tautan_hasil).status_code, 404)


class ProgressAndFailureTests(DenganPemeran, TestCase):
    def pekerjaan(self, **isian):
        isian = {
            "status": Status.BERJALAN,
            "percobaan": 1,
            "detak": timezone.now() - timedelta(minutes=5),
        } | isian
        return Pekerjaan.objects.create(
            nama_tugas="pdf_lkjip", judul="PDF A", instansi=self.a, tahun=TAHUN, total=1,
            putaran=Pekerjaan.putaran_baru(), **isian,
        )  # fmt: skip

    def test_a_job_whose_worker_stopped_beating_runs_again_and_ends(self):
        p = self.pekerjaan()
        self.assertEqual(sapu(), 1)
        p.refresh_from_db()
        # The immediate backend ran it again at once: the second attempt made the PDF.
        self.assertEqual((p.status, p.percobaan), (Status.SELESAI, 2))
        self.assertTrue(BerkasPdf.objects.filter(instansi=self.a, tahun=TAHUN).exists())

    @override_settings(TASKS=backend_db())
    def test_the_sweep_says_why_it_runs_a_job_again(self):
        p = self.pekerjaan()
        sapu()
        p.refresh_from_db()
        self.assertEqual(p.status, Status.ANTRI)
        self.assertIn("Pekerja terhenti di tengah jalan", p.pesan)
        self.assertIn("percobaan ke-2 dari 3", p.pesan)

    def test_a_job_out_of_attempts_fails_with_the_reason_and_a_live_one_is_left_alone(self):
        mati = self.pekerjaan(percobaan=settings.PEKERJAAN_PERCOBAAN_MAKS)
        hidup = self.pekerjaan(detak=timezone.now())
        sapu()
        mati.refresh_from_db()
        hidup.refresh_from_db()
        self.assertEqual(mati.status, Status.GAGAL)
        self.assertIn("Pekerja terhenti di tengah jalan", mati.galat)
        self.assertIn("setelah 3 kali percobaan", mati.galat)
        self.assertEqual(hidup.status, Status.BERJALAN)

    def test_reading_a_job_sweeps_it(self):
        p = self.pekerjaan(percobaan=settings.PEKERJAAN_PERCOBAAN_MAKS)
        self.client.force_login(self.perencana)
        status = self.client.get(reverse("pekerjaan-status", args=[p.pk])).json()
        self.assertEqual((status["status"], status["aktif"]), ("gagal", False))

    def test_a_run_superseded_by_a_retry_does_nothing(self):
        p = self.pekerjaan(status=Status.ANTRI, detak=timezone.now())
        kerjakan(p.pk, "putaran-lama", lambda *_: self.fail("the old run must not work"))
        p.refresh_from_db()
        self.assertEqual((p.status, p.percobaan), (Status.ANTRI, 1))

    def test_a_report_that_does_not_exist_fails_in_plain_words_and_coba_lagi_runs_it_again(self):
        p = jalankan("pdf_lkjip", oleh=self.perencana, judul="PDF 2035", instansi=self.a, tahun=2035)
        self.assertEqual(p.status, Status.GAGAL)
        self.assertIn("2035", p.galat)
        self.client.force_login(self.perencana)
        halaman = self.client.get(reverse("pekerjaan", args=[p.pk]))
        self.assertContains(halaman, p.galat)
        self.assertContains(halaman, "Coba lagi")
        respons = self.client.post(reverse("pekerjaan-coba-lagi", args=[p.pk]))
        self.assertRedirects(respons, reverse("pekerjaan", args=[p.pk]))
        p.refresh_from_db()
        self.assertEqual((p.status, p.percobaan), (Status.GAGAL, 2))

    def test_an_unexpected_error_is_recorded_with_its_kind(self):
        p = self.pekerjaan(status=Status.ANTRI, percobaan=0, detak=timezone.now())

        def rusak(*_):
            raise ZeroDivisionError("pembagi nol")

        with self.assertRaises(ZeroDivisionError):
            kerjakan(p.pk, p.putaran, rusak)
        p.refresh_from_db()
        self.assertEqual(p.status, Status.GAGAL)
        self.assertEqual(p.galat, "Kesalahan tak terduga (ZeroDivisionError): pembagi nol")

    @override_settings(TASKS=backend_db())
    def test_a_job_whose_queue_entry_was_lost_is_sent_again_and_one_still_in_line_is_left(self):
        p = jalankan("pdf_lkjip", oleh=None, judul="PDF A", instansi=self.a, tahun=TAHUN)
        lama = timezone.now() - timedelta(minutes=5)
        Pekerjaan.objects.filter(pk=p.pk).update(detak=lama)
        # A long line: its entry still waits for a worker, so it is only seen alive.
        self.assertEqual(sapu(), 0)
        p.refresh_from_db()
        self.assertGreater(p.detak, lama)
        # The queue forgets it (a Redis restarted without its data; here the table emptied).
        Pekerjaan.objects.filter(pk=p.pk).update(detak=lama)
        DBTaskResult.objects.all().delete()
        self.assertEqual(sapu(), 1)
        hilang = p.id_antrean
        p.refresh_from_db()
        self.assertEqual((p.status, p.percobaan), (Status.ANTRI, 0))
        self.assertIn("Antrean kehilangan pekerjaan ini", p.pesan)
        self.assertNotEqual(p.id_antrean, hilang)
        entri = DBTaskResult.objects.get(id=p.id_antrean)
        self.assertEqual(entri.args_kwargs["args"], [p.pk, p.putaran])

    @override_settings(TASKS=backend_db())
    def test_a_progress_read_costs_the_same_for_1_and_10_waiting_jobs_and_asks_the_queue_once_per_limit(self):
        def menunggu(tahun):
            return [jalankan("pdf_lkjip", oleh=None, judul="PDF", instansi=self.a, tahun=t) for t in tahun]

        p = menunggu([2000])[0]
        url = reverse("pekerjaan-status", args=[p.pk])
        self.client.force_login(self.perencana)
        self.client.get(url)
        # session, user, the two sweeps, the job, its agency's access (3)
        with self.assertNumQueries(8):
            self.client.get(url)
        menunggu(range(2001, 2010))
        with self.assertNumQueries(8):
            self.client.get(url)
        # Past the limit each waiting job's entry is asked for once (one query each on the
        # database backend) and all are marked seen in one update; then none until the next.
        Pekerjaan.objects.update(detak=timezone.now() - timedelta(minutes=5))
        with self.assertNumQueries(8 + 10 + 1):
            self.client.get(url)
        with self.assertNumQueries(8):
            self.client.get(url)

    def test_a_queue_out_of_reach_leaves_the_job_in_line_and_the_page_answers(self):
        p = self.pekerjaan(status=Status.ANTRI, percobaan=0, id_antrean="entri-di-redis")
        # Redis down: nothing listens on port 1.
        antrean = settings.PEKERJAAN_ANTREAN
        with override_settings(
            TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [antrean]}},
            RQ_QUEUES={n: {"URL": "redis://127.0.0.1:1/0"} for n in (antrean, "default")},
        ):
            self.client.force_login(self.perencana)
            with self.assertLogs("pekerjaan.antrean", "ERROR"):
                status = self.client.get(reverse("pekerjaan-status", args=[p.pk])).json()
        self.assertEqual(status["status"], "antri")

    def test_the_sweep_leaves_another_queues_jobs_alone_on_either_backend(self):
        """Two deployments on one Redis or one database: the jobs of queue «default», silent
        and without a live entry, are not this process's («sini») to send again nor to fail."""
        lain = [
            self.pekerjaan(antrean="default"),
            self.pekerjaan(antrean="default", percobaan=settings.PEKERJAAN_PERCOBAAN_MAKS),
            self.pekerjaan(antrean="default", status=Status.ANTRI, percobaan=0),
        ]
        redis = "redis://127.0.0.1:6379/0"
        backend = {
            "db": {"TASKS": backend_db("sini")},
            "rq": {
                "TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["sini"]}},
                "RQ_QUEUES": {n: {"URL": redis} for n in ("sini", "default")},
            },
        }
        for nama, setelan in backend.items():
            with self.subTest(nama), override_settings(PEKERJAAN_ANTREAN="sini", **setelan):
                with self.assertNoLogs("pekerjaan.antrean"):
                    self.assertEqual(sapu(), 0)
                for p in lain:
                    sebelum = (p.status, p.putaran, p.detak)
                    p.refresh_from_db()
                    self.assertEqual((p.status, p.putaran, p.detak), sebelum)
        self.assertFalse(DBTaskResult.objects.exists())
        # Its own queue's sweep does take them up.
        with override_settings(TASKS=backend_db("default"), PEKERJAAN_ANTREAN="default"):
            self.assertEqual(sapu(), 3)
        self.assertEqual(
            sorted(Pekerjaan.objects.values_list("status", "antrean")),
            [(Status.ANTRI, "default"), (Status.ANTRI, "default"), (Status.GAGAL, "default")],
        )


class BulkTests(DenganPemeran, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.a2 = buat_instansi("dinas-a2", pemda=cls.pemda)
        cls.url = reverse("pdf-pemda", args=[cls.pemda.slug, TAHUN])

    def test_a_reviewer_makes_every_pdf_of_the_region_and_the_parent_sums_its_parts(self):
        self.client.force_login(self.pemeriksa)
        self.assertContains(self.client.get(self.url), "Buat semua PDF")
        self.assertRedirects(self.client.post(self.url), self.url)
        induk = Pekerjaan.objects.get(nama_tugas="pdf_pemda")
        self.assertEqual((induk.status, induk.selesai_n, induk.total), (Status.SELESAI, 2, 2))
        self.assertEqual(induk.pesan, "Semua selesai.")
        self.assertEqual({p.instansi for p in induk.anak.all()}, {self.a, self.a2})
        self.assertEqual(BerkasPdf.objects.filter(tahun=TAHUN).count(), 2)
        halaman = self.client.get(self.url)
        self.assertContains(halaman, reverse("pekerjaan-status", args=[induk.pk]))
        self.assertContains(halaman, reverse("lkjip-pdf", args=[self.a2.slug, TAHUN]))

    def test_a_failed_part_fails_the_parent_with_its_reason_and_coba_lagi_retries_only_it(self):
        induk = jalankan("pdf_pemda", oleh=None, judul="Semua", pemda=self.pemda, tahun=TAHUN)
        rusak = induk.anak.get(instansi=self.a2)
        Pekerjaan.objects.filter(pk=rusak.pk).update(status=Status.GAGAL, galat="kertas habis")
        segarkan_induk(induk.pk)
        induk.refresh_from_db()
        self.assertEqual((induk.status, induk.selesai_n), (Status.GAGAL, 2))
        self.assertEqual((induk.pesan, induk.galat), ("1 gagal.", "Dinas dinas-a2: kertas habis"))
        self.client.force_login(self.pemeriksa)
        self.client.post(reverse("pekerjaan-coba-lagi", args=[induk.pk]))
        induk.refresh_from_db()
        self.assertEqual((induk.status, induk.galat), (Status.SELESAI, ""))
        self.assertEqual(induk.anak.get(instansi=self.a).percobaan, 1)
        self.assertEqual(induk.anak.get(instansi=self.a2).percobaan, 2)

    @override_settings(TASKS=backend_db())
    def test_a_planner_has_no_region_page_nor_region_job(self):
        induk = jalankan("pdf_pemda", oleh=None, judul="Semua", pemda=self.pemda, tahun=TAHUN)
        self.client.force_login(self.perencana)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.get(reverse("pekerjaan", args=[induk.pk])).status_code, 404)

    def test_parts_recorded_but_never_enqueued_when_the_worker_died_are_sent_by_the_sweep(self):
        class Mati(BaseException):
            """The worker killed: nothing after it runs, not even an `except Exception`."""

        with override_settings(TASKS=backend_db()):
            induk = jalankan("pdf_pemda", oleh=None, judul="Semua", pemda=self.pemda, tahun=TAHUN)
            # The parent records its parts, then dies before enqueuing the first.
            with mock.patch("pekerjaan.tugas.kirim", side_effect=Mati), self.assertRaises(Mati):
                kerjakan(induk.pk, induk.putaran, tugas._pdf_pemda)
        self.assertEqual([(p.status, p.id_antrean) for p in induk.anak.all()], [(Status.ANTRI, "")] * 2)
        self.assertEqual(sapu(), 0)  # not before the limit: the sender may still be at it
        Pekerjaan.objects.update(detak=timezone.now() - timedelta(minutes=5))
        # Once the limit has passed the sweep sends them (the immediate backend runs them at
        # once, the first's own sweep sending the second), and the parent, which nobody left
        # beating, ends with its parts.
        sapu()
        induk.refresh_from_db()
        self.assertEqual((induk.status, induk.selesai_n, induk.total), (Status.SELESAI, 2, 2))
        self.assertEqual({(p.status, p.percobaan) for p in induk.anak.all()}, {(Status.SELESAI, 1)})
        self.assertEqual(BerkasPdf.objects.filter(tahun=TAHUN).count(), 2)

    def test_the_parent_says_a_part_is_being_made_as_soon_as_it_starts(self):
        with override_settings(TASKS=backend_db()):
            induk = jalankan("pdf_pemda", oleh=None, judul="Semua", pemda=self.pemda, tahun=TAHUN)
            kerjakan(induk.pk, induk.putaran, tugas._pdf_pemda)
        bagian = induk.anak.first()
        dilihat = []

        def kerja(*_):
            dilihat.append(Pekerjaan.objects.get(pk=induk.pk).pesan)
            return Hasil("Selesai.")

        kerjakan(bagian.pk, bagian.putaran, kerja)
        self.assertEqual(dilihat, ["1 sedang dibuat, 1 menunggu."])
        induk.refresh_from_db()
        self.assertEqual((induk.selesai_n, induk.pesan), (1, "1 menunggu."))

    def test_the_command_makes_every_pdf_with_a_bar_and_skips_current_ones_when_run_again(self):
        keluaran = StringIO()
        call_command("lkjip", "--pemda", self.pemda.slug, "--tahun", str(TAHUN), "--semua", stdout=keluaran)
        baris = keluaran.getvalue().splitlines()
        self.assertEqual(len(baris), 2)
        self.assertTrue(baris[0].startswith("[##########----------] 1/2 Dinas dinas-a: dibuat ("))
        self.assertTrue(baris[1].startswith("[####################] 2/2 Dinas dinas-a2: dibuat ("))
        keluaran = StringIO()
        call_command("lkjip", "--pemda", self.pemda.slug, "--tahun", str(TAHUN), "--semua", stdout=keluaran)
        self.assertEqual(keluaran.getvalue().count("masih terkini, dilewati"), 2)

    def test_the_command_can_hand_the_work_to_the_workers_and_follow_it(self):
        keluaran = StringIO()
        call_command(
            "lkjip", "--pemda", self.pemda.slug, "--tahun", str(TAHUN), "--semua", "--antre", stdout=keluaran
        )
        self.assertIn("[####################] 2/2 Semua selesai.", keluaran.getvalue())

    def test_the_command_refuses_half_a_bulk_request(self):
        with self.assertRaisesMessage(CommandError, "--pemda SLUG --tahun TAHUN --semua"):
            call_command("lkjip", "--pemda", self.pemda.slug, "--semua", stdout=StringIO())


@override_settings(PEKERJAAN_AMBANG_BARIS_EXCEL=0)
class BigUploadTests(DenganPemeran, TestCase):
    def unggahan(self):
        """The agency's template with one realisation changed, as a planner fills it."""
        buku = load_workbook(BytesIO(realisasi.templat(self.a, TAHUN)))
        lembar = buku[realisasi.LEMBAR]
        kolom = {judul: n for n, judul in enumerate(realisasi.KOLOM, 1)}
        baris = next(n for n in range(2, lembar.max_row + 1) if lembar.cell(n, kolom["Indikator"]).value)
        # A ratio indicator: its components, from which the realisation is computed.
        lembar.cell(baris, kolom["Komponen A"]).value = "31"
        lembar.cell(baris, kolom["Komponen B"]).value = "40"
        isi = BytesIO()
        buku.save(isi)
        return UnggahanExcel.objects.create(
            instansi=self.a, tahun=TAHUN, user=self.perencana, nama_berkas="besar.xlsx", isi=isi.getvalue()
        )

    def test_a_file_over_the_threshold_is_applied_by_a_job_in_the_planners_name(self):
        unggahan = self.unggahan()
        self.client.force_login(self.perencana)
        url_terapkan = reverse("pekerjaan-excel", args=[self.a.slug, TAHUN, unggahan.pk])
        pratinjau = self.client.get(reverse("excel-pratinjau", args=[self.a.slug, TAHUN, unggahan.pk]))
        self.assertContains(pratinjau, f'formaction="{url_terapkan}"')
        respons = self.client.post(url_terapkan)
        p = Pekerjaan.objects.get(nama_tugas="terapkan_excel")
        self.assertRedirects(respons, reverse("pekerjaan", args=[p.pk]))
        self.assertEqual((p.status, p.selesai_n, p.total), (Status.SELESAI, 2, 2))
        self.assertEqual(p.pesan, "1 isian dari «besar.xlsx» diterapkan.")
        unggahan.refresh_from_db()
        self.assertIsNotNone(unggahan.diterapkan)
        baru = Realisasi.objects.get(indikator__renstra__instansi=self.a, tahun=TAHUN, triwulan=None)
        self.assertEqual(baru.history.latest().history_user, self.perencana)


# ---------------------------------------------------------------------------------------------
# Real workers, as subprocesses on the test database (committed data: TransactionTestCase).


def alamat_basis_data() -> str:
    """The test database as a DATABASE_URL, for a worker in another process."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    pengguna = f"{s['USER']}:{s['PASSWORD'] or ''}"
    return f"postgres://{pengguna}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class DenganPekerja:
    """Starts worker subprocesses and always stops them, before the database is flushed."""

    REDIS = "redis://127.0.0.1:6379/0"

    def setUp(self):
        super().setUp()
        # A queue of this run's own: two runs (or CI and a developer) on one Redis never meet.
        self.antrean = f"sakip-uji-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.log = tempfile.NamedTemporaryFile(prefix="pekerja-", suffix=".log", delete=False)  # noqa: SIM115
        self.addCleanup(os.unlink, self.log.name)

    def pekerja(self, jenis: str) -> subprocess.Popen:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "sakip.settings",
            "SECRET_KEY": "uji-pekerja",
            "DEBUG": "0",
            "DATABASE_URL": alamat_basis_data(),
            "PEKERJAAN_ANTREAN": self.antrean,
            "PEKERJAAN_DETAK": "1",
            "PEKERJAAN_BATAS_DETAK": "30",
        }
        if jenis == "rq":
            env["REDIS_URL"] = self.REDIS
            perintah = ["rqworker", "--job-class", "django_tasks_rq.Job", self.antrean]
        else:
            env.pop("REDIS_URL", None)
            perintah = ["db_worker", "--queue-name", self.antrean, "--interval", "0.2", "--no-startup-delay"]
        proses = subprocess.Popen(
            [sys.executable, str(AKAR / "manage.py"), *perintah],
            env=env, cwd=AKAR, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.addCleanup(self.hentikan, proses)
        return proses

    @staticmethod
    def hentikan(proses: subprocess.Popen) -> None:
        if proses.poll() is None:
            os.killpg(proses.pid, signal.SIGKILL)
        proses.wait(10)

    def tunggu(self, pekerjaan: Pekerjaan, syarat, batas=60.0) -> list[tuple]:
        """Poll the job until `syarat(job)`; returns every (status, done, total) seen on the way."""
        terlihat, akhir = [], time.monotonic() + batas
        while time.monotonic() < akhir:
            pekerjaan.refresh_from_db()
            keadaan = (pekerjaan.status, pekerjaan.selesai_n, pekerjaan.total)
            if not terlihat or terlihat[-1] != keadaan:
                terlihat.append(keadaan)
            if syarat(pekerjaan):
                return terlihat
            time.sleep(0.05)
        self.log.seek(0)
        self.fail(f"{pekerjaan} tidak sampai: {terlihat}\n{Path(self.log.name).read_text()[-3000:]}")


class DatabaseWorkerTests(DenganPekerja, TransactionTestCase):
    def test_a_db_worker_runs_a_pdf_job_to_the_end(self):
        a = buat_instansi("dinas-a")
        with override_settings(TASKS=backend_db(self.antrean), PEKERJAAN_ANTREAN=self.antrean):
            p = jalankan("pdf_lkjip", oleh=None, judul="PDF A", instansi=a, tahun=TAHUN)
        self.assertEqual(p.status, Status.ANTRI)
        self.pekerja("db")
        terlihat = self.tunggu(p, lambda p: not p.aktif)
        self.assertEqual(terlihat[-1], (Status.SELESAI, 1, 1))
        self.assertIn((Status.BERJALAN, 0, 1), terlihat)
        self.assertTrue(bytes(BerkasPdf.objects.get(instansi=a, tahun=TAHUN).isi).startswith(b"%PDF"))

    def test_a_job_whose_worker_is_killed_mid_job_is_run_again_and_ends(self):
        a = buat_instansi("dinas-a")
        with override_settings(TASKS=backend_db(self.antrean), PEKERJAAN_ANTREAN=self.antrean):
            p = jalankan("pdf_lkjip", oleh=None, judul="PDF A", instansi=a, tahun=TAHUN)
            pertama = self.pekerja("db")
            self.tunggu(p, lambda p: p.status == Status.BERJALAN)
            os.killpg(pertama.pid, signal.SIGKILL)
            pertama.wait(10)
            p.refresh_from_db()
            self.assertEqual((p.status, p.percobaan), (Status.BERJALAN, 1))
            # Its heart has stopped; once it has been silent longer than the limit, the sweep
            # (here the test's; a worker's start or a page's read in life) enqueues it again.
            with override_settings(PEKERJAAN_BATAS_DETAK=2):
                time.sleep(2.5)
                self.assertEqual(sapu(), 1)
            p.refresh_from_db()
            self.assertEqual(p.status, Status.ANTRI)
            self.pekerja("db")
            self.tunggu(p, lambda p: not p.aktif)
        self.assertEqual((p.status, p.percobaan), (Status.SELESAI, 2))


class RQWorkerTests(DenganPekerja, TransactionTestCase):
    def tearDown(self):
        import django_rq

        with override_settings(RQ_QUEUES={self.antrean: {"URL": self.REDIS}}):
            django_rq.get_queue(self.antrean).empty()

    def rq(self):
        """The settings of production's Redis branch, on this run's own queue."""
        return override_settings(
            TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [self.antrean]}},
            RQ_QUEUES={n: {"URL": self.REDIS} for n in (self.antrean, "default")},
            PEKERJAAN_ANTREAN=self.antrean,
        )

    def test_an_rq_worker_makes_a_regions_pdfs_and_the_parent_counts_them_one_by_one(self):
        pemda = buat_pemda("pemda-rq")
        a, b = buat_instansi("dinas-a", pemda=pemda), buat_instansi("dinas-b", pemda=pemda)
        with self.rq():
            induk = jalankan("pdf_pemda", oleh=None, judul="Semua PDF", pemda=pemda, tahun=TAHUN)
        self.pekerja("rq")
        terlihat = self.tunggu(induk, lambda p: not p.aktif)
        self.assertEqual(terlihat[-1], (Status.SELESAI, 2, 2))
        # done/total advanced one agency at a time.
        self.assertIn((Status.BERJALAN, 1, 2), terlihat)
        self.assertEqual(BerkasPdf.objects.filter(instansi__in=[a, b], tahun=TAHUN).count(), 2)

    def test_a_job_lost_by_a_redis_restart_is_sent_again_by_the_sweep_and_done(self):
        import django_rq

        a = buat_instansi("dinas-a")
        with self.rq():
            p = jalankan("pdf_lkjip", oleh=None, judul="PDF A", instansi=a, tahun=TAHUN)
            lama = timezone.now() - timedelta(minutes=5)
            Pekerjaan.objects.filter(pk=p.pk).update(detak=lama)
            self.assertEqual(sapu(), 0)  # Redis holds its entry: a long line, left alone
            # Redis restarts without its data: the queue and the job's entry are gone.
            django_rq.get_queue(self.antrean).empty()
            with self.assertRaises(TaskResultDoesNotExist):
                tugas.pdf_lkjip.get_result(p.id_antrean)
            Pekerjaan.objects.filter(pk=p.pk).update(detak=lama)
            self.assertEqual(sapu(), 1)
        self.pekerja("rq")
        terlihat = self.tunggu(p, lambda p: not p.aktif)
        self.assertEqual(terlihat[-1], (Status.SELESAI, 1, 1))
        self.assertEqual(p.percobaan, 1)


class BulkInBrowserTests(DenganPekerja, StaticLiveServerTestCase):
    """A reviewer presses «Buat semua PDF»; the bar fills, without a reload, as a real worker
    finishes each agency's PDF."""

    def test_the_progress_bar_advances_to_done(self):
        pemda = buat_pemda("pemda-peramban")
        buat_instansi("dinas-a", pemda=pemda)
        buat_instansi("dinas-b", pemda=pemda)
        pemeriksa = get_user_model().objects.create_user("pemeriksa-pb", password="sandi-pb-123")
        Pemeriksa.objects.create(user=pemeriksa, pemda=pemda)
        profil = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, profil, ignore_errors=True)
        b = chromium(profil)
        self.addCleanup(b.quit)
        with override_settings(TASKS=backend_db(self.antrean), PEKERJAAN_ANTREAN=self.antrean):
            self.pekerja("db")
            b.get(self.live_server_url + reverse("masuk"))
            b.find_element(By.NAME, "username").send_keys("pemeriksa-pb")
            b.find_element(By.NAME, "password").send_keys("sandi-pb-123")
            b.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(b, 5).until(lambda b: b.current_url.endswith(reverse("beranda")))
            b.get(self.live_server_url + reverse("pdf-pemda", args=[pemda.slug, TAHUN]))
            b.find_element(By.XPATH, "//button[normalize-space()='Buat semua PDF']").click()
            kotak = WebDriverWait(b, 5).until(lambda b: b.find_element(By.CSS_SELECTOR, ".kemajuan"))
            b.execute_script("window.belumDimuatUlang = true;")
            WebDriverWait(b, 30).until(lambda b: kotak.get_attribute("data-status") == "selesai")
            batang = kotak.find_element(By.CSS_SELECTOR, ".batang")
            self.assertEqual(batang.get_attribute("aria-valuenow"), "100")
            self.assertEqual(kotak.find_element(By.CSS_SELECTOR, "[data-isi=angka]").text, "2 dari 2")
            self.assertEqual(kotak.find_element(By.CSS_SELECTOR, "[data-isi=status_label]").text, "Selesai")
            self.assertTrue(b.execute_script("return window.belumDimuatUlang === true;"))
