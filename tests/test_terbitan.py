"""Publishing freezes the report: what `terbitkan` stores, and that nothing changes it.

One real publication of a small agency (HTML rendered, PDF laid out by WeasyPrint) is
shared by the tests; each test's own edits are rolled back after it.
"""

import csv
import hashlib
import io
import json
import subprocess
import tempfile
from datetime import datetime
from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from instansi.models import PredikatCapaian
from inti.angka import Pembulatan, format_angka
from kinerja.models import Realisasi
from publikasi.models import Terbitan, TerbitanTetap
from publikasi.terbitan import KOLOM_CSV, data_terbitan, terbitan_terkini, terbitkan
from sakip.lkjip.data import kumpulkan
from tests.factories import buat_instansi

TAHUN = 2022
DIREVIU = timezone.make_aware(datetime(2023, 2, 20, 10, 0))


def teks_pdf(isi: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as berkas:
        berkas.write(isi)
        berkas.flush()
        return subprocess.run(
            ["pdftotext", "-layout", berkas.name, "-"], capture_output=True, text=True, check=True
        ).stdout


def tercetak(nilai: str) -> str:
    """A figure of the data JSON ("857294", "85.72") as the report prints it (857.294; 85,72)."""
    angka = D(nilai)
    return format_angka(angka, max(0, -angka.as_tuple().exponent), Pembulatan.POTONG)


def url(nama: str, t: Terbitan, *lain) -> str:
    return reverse(nama, args=[t.instansi.pemda.slug, t.instansi.slug, t.tahun, *lain])


class TerbitanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi("dinas-terbit")
        cls.admin = get_user_model().objects.create_superuser("admin", first_name="Rina", last_name="Admin")
        cls.terbitan = terbitkan(
            cls.instansi, TAHUN, oleh=cls.admin, direviu_oleh="Drs. Ahmad Pemeriksa", direviu_pada=DIREVIU
        )
        cls.teks = teks_pdf(bytes(cls.terbitan.pdf))

    def simpanan(self) -> Terbitan:
        return Terbitan.objects.get(pk=self.terbitan.pk)

    def test_the_snapshot_holds_its_documents_and_their_hashes(self):
        t = self.simpanan()
        self.assertEqual(t.versi, 1)
        self.assertEqual(hashlib.sha256(t.html.encode("utf-8")).hexdigest(), t.sha256_html)
        self.assertEqual(hashlib.sha256(bytes(t.pdf)).hexdigest(), t.sha256_pdf)
        self.assertTrue(bytes(t.pdf).startswith(b"%PDF"))
        data = json.loads(t.data)
        self.assertEqual((data["tahun"], data["versi"], data["sha256_html"]), (TAHUN, 1, t.sha256_html))
        self.assertEqual(t.direviu_oleh, "Drs. Ahmad Pemeriksa")
        self.assertEqual(terbitan_terkini(self.instansi, TAHUN), t)
        self.assertIsNone(terbitan_terkini(self.instansi, TAHUN + 1))

    def test_the_pdf_carries_the_reviewed_statement_after_the_cover(self):
        halaman = self.teks.split("\f")
        self.assertIn("PERNYATAAN TELAH DIREVIU", halaman[1])
        self.assertIn("Drs. Ahmad Pemeriksa", halaman[1])
        self.assertIn("20 Februari 2023", halaman[1])
        self.assertIn("Terbitan versi 1", halaman[1])
        self.assertNotIn("PERNYATAAN TELAH DIREVIU", halaman[0])

    def test_every_page_prints_the_identifier_and_where_to_verify_it(self):
        halaman = [h for h in self.teks.split("\f") if h.strip()]
        self.assertGreater(len(halaman), 5)
        for n, isi in enumerate(halaman, start=1):
            with self.subTest(halaman=n):
                self.assertIn(f"Kode verifikasi {self.terbitan.sha256_html}", isi)
                self.assertIn(reverse("publik-verifikasi"), isi)

    def test_published_files_stay_byte_identical_after_data_settings_and_bands_change(self):
        t = self.simpanan()
        html, pdf, data = t.html.encode("utf-8"), bytes(t.pdf), t.data.encode("utf-8")
        sebelum = data_terbitan(kumpulkan(self.instansi, TAHUN))

        Realisasi.objects.filter(indikator__renstra__instansi=self.instansi, tahun=TAHUN).update(
            komponen_a=D(90)
        )
        pengaturan = self.instansi.pengaturan_laporan()
        pengaturan.pembulatan, pengaturan.desimal = Pembulatan.SETENGAH_KE_ATAS, 3
        pengaturan.save()
        PredikatCapaian.objects.filter(instansi=self.instansi).update(label="Baik Sekali")
        self.instansi.nama = "Dinas yang berganti nama"
        self.instansi.save()

        # The edits change what the report would say now...
        self.assertNotEqual(data_terbitan(kumpulkan(self.instansi, TAHUN)), sebelum)
        # ...and nothing of what was published.
        t = self.simpanan()
        self.assertEqual((t.html.encode("utf-8"), bytes(t.pdf), t.data.encode("utf-8")), (html, pdf, data))
        for nama, isi in (("publik-html", html), ("publik-pdf", pdf), ("publik-json", data)):
            with self.subTest(nama):
                self.assertEqual(self.client.get(url(nama, t, 1)).content, isi)

    def test_the_model_and_its_queryset_refuse_changes(self):
        t = self.simpanan()
        t.direviu_oleh = "Orang lain"
        for coba in (
            t.save,
            t.delete,
            lambda: Terbitan.objects.filter(pk=t.pk).update(direviu_oleh="Orang lain"),
            lambda: Terbitan.objects.filter(pk=t.pk).delete(),
            lambda: Terbitan.objects.bulk_update([t], ["direviu_oleh"]),
        ):
            with self.subTest(coba), self.assertRaises(TerbitanTetap):
                coba()
        self.assertEqual(self.simpanan().direviu_oleh, "Drs. Ahmad Pemeriksa")

    def test_the_database_refuses_what_it_is_made_to_refuse(self):
        """PostgreSQL's trigger refuses a raw UPDATE and DELETE from any client; SQLite has no
        trigger (its test runner empties tables with DELETE), and there the model refuses."""
        if connection.vendor == "postgresql":
            for sql in (
                "UPDATE publikasi_terbitan SET direviu_oleh = 'Orang lain' WHERE id = %s",
                "DELETE FROM publikasi_terbitan WHERE id = %s",
            ):
                with (
                    self.subTest(sql),
                    self.assertRaises(DatabaseError),
                    transaction.atomic(),
                    connection.cursor() as kursor,
                ):
                    kursor.execute(sql, [self.terbitan.pk])
        else:
            with self.assertRaises(TerbitanTetap):
                Terbitan.objects.filter(pk=self.terbitan.pk).update(direviu_oleh="Orang lain")
        self.assertEqual(self.simpanan().direviu_oleh, "Drs. Ahmad Pemeriksa")

    def test_a_correction_is_version_two_and_version_one_stays_readable_marked_superseded(self):
        v1 = self.simpanan()
        Realisasi.objects.filter(indikator__renstra__instansi=self.instansi, tahun=TAHUN).update(
            komponen_a=D(90)
        )
        v2 = terbitkan(
            self.instansi, TAHUN, oleh=self.admin, direviu_oleh="Drs. Ahmad Pemeriksa", direviu_pada=DIREVIU
        )
        self.assertEqual(v2.versi, 2)
        self.assertNotEqual(v2.sha256_html, v1.sha256_html)
        self.assertNotEqual(v2.sha256_pdf, v1.sha256_pdf)
        self.assertEqual(terbitan_terkini(self.instansi, TAHUN), v2)
        tetap = self.simpanan()
        self.assertEqual((tetap.html, bytes(tetap.pdf), tetap.data), (v1.html, bytes(v1.pdf), v1.data))

        lama = self.client.get(url("publik-baca", v1, 1))
        self.assertContains(lama, "digantikan oleh versi 2")
        self.assertContains(self.client.get(url("publik-baca", v2, 2)), "versi terkini")
        self.assertNotContains(self.client.get(url("publik-baca", v2, 2)), "digantikan oleh")
        halaman = self.client.get(url("publik-laporan", v1))
        self.assertContains(halaman, "digantikan oleh versi 2")
        self.assertContains(halaman, v1.sha256_html)
        self.assertContains(halaman, v2.sha256_html)

    def test_csv_and_json_figures_are_the_published_pdfs(self):
        t = self.simpanan()
        data = json.loads(self.client.get(url("publik-json", t, 1)).content)
        kolom = {
            "indikator": ("target", "realisasi", "capaian"),
            "program": ("anggaran", "realisasi", "serapan"),
        }
        angka = [(baris[k], k) for jenis in kolom for baris in data[jenis] for k in kolom[jenis]]
        self.assertGreaterEqual(len(data["indikator"]), 1)
        self.assertGreaterEqual(len(data["program"]), 1)
        for nilai, kolom in angka:
            with self.subTest(kolom=kolom, nilai=nilai):
                self.assertIsNotNone(nilai)
                self.assertIn(tercetak(nilai), self.teks)
        # The worked example: 74 / 393 = 18,829… truncated, against 18,11 → 103,97 %.
        self.assertEqual(data["indikator"][0]["capaian"], "103.97")
        self.assertIn("103,97 %", self.teks)

        respons = self.client.get(url("publik-csv", t, 1))
        baris = list(csv.DictReader(io.StringIO(respons.content.decode("utf-8-sig"))))
        self.assertEqual(list(baris[0]), list(KOLOM_CSV))
        kolom_angka = ("target", "realisasi", "capaian", "anggaran", "realisasi_anggaran", "serapan")
        csv_angka = [b[k] for b in baris for k in kolom_angka if b[k]]
        self.assertEqual(sorted(csv_angka), sorted(n for n, _ in angka))
