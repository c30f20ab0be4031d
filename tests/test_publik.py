"""The public pages as an anonymous visitor meets them: exactly what was published, 404 for
everything else, open data per report and per pemda, and the verification page.

Snapshots are stored directly here (what the pages serve is the stored row, byte for
byte); tests/test_terbitan.py renders and publishes real ones.
"""

import csv
import hashlib
import io
import json

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from publikasi.models import Terbitan
from publikasi.terbitan import KOLOM_CSV
from publikasi.views import UKURAN_PDF_MAKS
from tests.factories import buat_instansi, buat_pemda

TAHUN = 2022


def simpan(instansi, versi: int, oleh, tahun: int = TAHUN, capaian: str = "103.97") -> Terbitan:
    html = f"<!doctype html><html><head><title>LKjIP</title></head><body><p>Naskah versi {versi}</p>"
    html += "</body></html>"
    pdf = f"%PDF-1.7 LKjIP {instansi.slug} {tahun} versi {versi}".encode()
    data = {
        "pemda": instansi.pemda.nama,
        "instansi": instansi.nama,
        "tahun": tahun,
        "versi": versi,
        "indikator": [
            {
                "sasaran": "Sasaran 0",
                "indikator": "=Persentase koperasi sehat",
                "satuan": "%",
                "target": "18.11",
                "realisasi": "18.82",
                "capaian": capaian,
                "predikat": "Sangat Baik",
                "keterangan": "",
            }
        ],
        "program": [
            {
                "sasaran": "Sasaran 0",
                "program": "Program 0",
                "anggaran": "2000000",
                "realisasi": "1714588",
                "serapan": "85.72",
                "keterangan": "",
            }
        ],
    }
    return Terbitan.objects.create(
        instansi=instansi,
        tahun=tahun,
        versi=versi,
        html=html,
        pdf=pdf,
        data=json.dumps(data),
        sha256_html=hashlib.sha256(html.encode()).hexdigest(),
        sha256_pdf=hashlib.sha256(pdf).hexdigest(),
        diterbitkan_oleh=oleh,
        diterbitkan_pada=timezone.now(),
        direviu_oleh="Drs. Ahmad Pemeriksa",
        direviu_pada=timezone.now(),
    )


def alamat(nama: str, instansi, tahun: int = TAHUN, *lain) -> str:
    return reverse(nama, args=[instansi.pemda.slug, instansi.slug, tahun, *lain])


class PublikTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        pemda = buat_pemda("kota-terbit")
        cls.a = buat_instansi("dinas-a", pemda=pemda)
        cls.b = buat_instansi("dinas-b", pemda=pemda)  # same pemda, nothing published
        cls.c = buat_instansi("dinas-c")  # another pemda
        admin = get_user_model().objects.create_superuser("admin")
        cls.v1 = simpan(cls.a, 1, admin, capaian="96.00")
        cls.v2 = simpan(cls.a, 2, admin)
        cls.c1 = simpan(cls.c, 1, admin)

    def test_the_start_page_links_anonymous_visitors_to_the_public_pages(self):
        self.assertContains(self.client.get(reverse("beranda")), f'href="{reverse("publik-indeks")}"')

    def test_an_anonymous_visitor_sees_exactly_the_published_versions(self):
        indeks = self.client.get(reverse("publik-indeks"))
        self.assertContains(indeks, self.a.pemda.nama)
        self.assertContains(indeks, "1 laporan")

        pemda = self.client.get(reverse("publik-pemda", args=[self.a.pemda.slug]))
        self.assertContains(pemda, self.a.nama)
        self.assertNotContains(pemda, self.b.nama)
        self.assertNotContains(pemda, self.c.nama)
        self.assertContains(pemda, alamat("publik-pdf", self.a, TAHUN, 2))
        self.assertNotContains(pemda, alamat("publik-pdf", self.a, TAHUN, 1))
        self.assertContains(pemda, self.v2.sha256_html)

        laporan = self.client.get(alamat("publik-laporan", self.a))
        for t in (self.v1, self.v2):
            self.assertContains(laporan, alamat("publik-baca", self.a, TAHUN, t.versi))
            self.assertContains(laporan, t.sha256_html)
        self.assertContains(laporan, "digantikan oleh versi 2", count=1)
        self.assertNotContains(laporan, alamat("publik-baca", self.a, TAHUN, 3))

    def test_every_unpublished_agency_year_answers_404_as_a_nonexistent_one(self):
        pemda = self.a.pemda.slug
        tidak_ada = [
            (pemda, self.a.slug, TAHUN + 1),  # the agency, another year
            (pemda, self.b.slug, TAHUN),  # an agency of the pemda without a publication
            (pemda, self.c.slug, TAHUN),  # published, but under another pemda
            (pemda, "tidak-ada", TAHUN),  # no such agency
        ]
        jawaban = set()
        for args in tidak_ada:
            for nama, lain in (
                ("publik-laporan", []),
                ("publik-baca", [1]),
                ("publik-html", [1]),
                ("publik-pdf", [1]),
                ("publik-csv", [1]),
                ("publik-json", [1]),
            ):
                with self.subTest(args=args, nama=nama):
                    respons = self.client.get(reverse(nama, args=[*args, *lain]))
                    self.assertEqual(respons.status_code, 404)
                    jawaban.add(respons.content)
        self.assertEqual(len(jawaban), 1)
        self.assertEqual(self.client.get(alamat("publik-baca", self.a, TAHUN, 3)).status_code, 404)
        for nama in ("publik-pemda-csv", "publik-pemda-json"):
            with self.subTest(nama):
                self.assertEqual(self.client.get(reverse(nama, args=[pemda, TAHUN + 1])).status_code, 404)
        self.assertEqual(self.client.get(reverse("publik-pemda", args=["tidak-ada"])).status_code, 404)

    def test_the_stored_files_are_served_byte_for_byte(self):
        for nama, isi in (
            ("publik-html", self.v1.html.encode()),
            ("publik-pdf", bytes(self.v1.pdf)),
            ("publik-json", self.v1.data.encode()),
        ):
            with self.subTest(nama):
                respons = self.client.get(alamat(nama, self.a, TAHUN, 1))
                self.assertEqual(respons.content, isi)
                self.assertIn("immutable", respons["Cache-Control"])
        self.assertEqual(
            self.client.get(alamat("publik-pdf", self.a, TAHUN, 1))["Content-Type"], "application/pdf"
        )

    def test_the_web_view_adds_its_banner_outside_the_stored_bytes(self):
        lama = self.client.get(alamat("publik-baca", self.a, TAHUN, 1)).content.decode()
        self.assertIn("digantikan oleh versi 2", lama)
        self.assertIn("<p>Naskah versi 1</p></body></html>", lama)
        self.assertTrue(lama.startswith("<!doctype html><html><head><title>LKjIP</title></head><body>"))
        terkini = self.client.get(alamat("publik-baca", self.a, TAHUN, 2)).content.decode()
        self.assertIn("(versi terkini)", terkini)
        self.assertNotIn("digantikan oleh", terkini)

    def test_a_reports_csv_holds_its_stored_figures_under_the_documented_columns(self):
        respons = self.client.get(alamat("publik-csv", self.a, TAHUN, 2))
        self.assertEqual(respons["Content-Type"], "text/csv; charset=utf-8")
        baris = list(csv.DictReader(io.StringIO(respons.content.decode("utf-8-sig"))))
        self.assertEqual(list(baris[0]), list(KOLOM_CSV))
        indikator, program = baris
        self.assertEqual(
            [indikator[k] for k in ("jenis", "nama", "target", "realisasi", "capaian", "predikat", "versi")],
            ["indikator", "'=Persentase koperasi sehat", "18.11", "18.82", "103.97", "Sangat Baik", "2"],
        )
        self.assertEqual(
            [program[k] for k in ("jenis", "nama", "anggaran", "realisasi_anggaran", "serapan", "capaian")],
            ["program", "Program 0", "2000000", "1714588", "85.72", ""],
        )

    def test_a_pemdas_year_gathers_each_agencys_current_version(self):
        respons = self.client.get(reverse("publik-pemda-json", args=[self.a.pemda.slug, TAHUN]))
        isi = json.loads(respons.content)
        self.assertEqual((isi["pemda"], isi["tahun"]), (self.a.pemda.nama, TAHUN))
        self.assertEqual(isi["laporan"], [json.loads(self.v2.data)])

        respons = self.client.get(reverse("publik-pemda-csv", args=[self.a.pemda.slug, TAHUN]))
        baris = list(csv.DictReader(io.StringIO(respons.content.decode("utf-8-sig"))))
        self.assertEqual({(b["instansi"], b["versi"]) for b in baris}, {(self.a.nama, "2")})
        self.assertEqual([b["capaian"] for b in baris], ["103.97", ""])

    def periksa(self, **data):
        return self.client.post(reverse("publik-verifikasi"), data).content.decode()

    def test_verification_by_the_printed_identifier(self):
        terkini = self.client.get(reverse("publik-verifikasi"), {"sidik": self.v2.sha256_html.upper()})
        self.assertContains(terkini, "Ini versi terkini")
        self.assertContains(terkini, self.a.nama)
        lama = self.client.get(reverse("publik-verifikasi"), {"sidik": self.v1.sha256_html})
        self.assertContains(lama, "telah digantikan oleh versi 2")
        asing = self.client.get(reverse("publik-verifikasi"), {"sidik": "0" * 64})
        self.assertContains(asing, "Tidak dikenal")
        salah = self.client.get(reverse("publik-verifikasi"), {"sidik": "bukan kode"})
        self.assertContains(salah, "64 angka dan huruf")
        self.assertNotContains(salah, "Tidak dikenal")

    def test_verification_by_an_uploaded_pdf(self):
        def unggah(isi: bytes):
            return self.periksa(berkas=SimpleUploadedFile("laporan.pdf", isi, "application/pdf"))

        terkini = unggah(bytes(self.v2.pdf))
        self.assertIn("Berkas PDF ini", terkini)
        self.assertIn("Ini versi terkini", terkini)
        self.assertIn(self.v2.sha256_pdf, terkini)
        self.assertIn("telah digantikan oleh versi 2", unggah(bytes(self.v1.pdf)))
        self.assertIn("Ini versi terkini", unggah(bytes(self.c1.pdf)))
        self.assertIn("Tidak dikenal", unggah(bytes(self.v2.pdf) + b" "))
        besar = unggah(b"%PDF" + b"0" * UKURAN_PDF_MAKS)
        self.assertIn("lebih dari 5 MB", besar)
        self.assertNotIn("Tidak dikenal", besar)
        self.assertIn("Tempelkan kode verifikasi atau pilih berkas PDF", self.periksa())
