"""The Perjanjian Kinerja as signed: printed on its own as a PDF and shown in the LKjIP's
lampiran, from the same template, with both parties, place and date, every target of the
agreement and its program budgets; murni and perubahan each as its own document."""

import re
import subprocess
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from instansi.models import Instansi
from kinerja.models import Target
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.kasus import KasusInstansi

LB, BL = "koperindag-lampung-barat", "diskopukm-bandar-lampung"

# The targets of each signed agreement as the documents print them, by the start of the
# indicator's name: Lampung Barat's Gambar 2.1 (murni) and the PK perubahan its Tabel 4.3
# measured against (only PDRB perdagangan changed); Bandar Lampung's Lampiran 3.
TARGET = {
    (LB, "murni"): {
        "% Koperasi yang Sehat": "30",
        "Persentase Peningkatan Jumlah": "10",
        "% Produk UMKM yang memenuhi": "3",
        "PDRB Sektor Perdagangan": "825,273",
        "PDRB Sektor Industri": "372,88",
    },
    (LB, "perubahan"): {
        "% Koperasi yang Sehat": "30",
        "Persentase Peningkatan Jumlah": "10",
        "% Produk UMKM yang memenuhi": "3",
        "PDRB Sektor Perdagangan": "923,27",
        "PDRB Sektor Industri": "372,88",
    },
    (BL, "murni"): {
        "Persentase Koperasi Sehat dan": "18,11",
        "Persentase UMKM yang meningkat": "31,50",
        "Hasil penilaian Akuntabilitas": "80,70",
    },
}


def teks_pdf(isi: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "pk.pdf"
        pdf.write_bytes(isi)
        hasil = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        )
    return hasil.stdout


def rapat(teks: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces (a wrapped cell reads on)."""
    return re.sub(r"\s+", " ", teks)


class PerjanjianPdfTests(TestCase):
    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")
        cls.lb = Instansi.objects.get(slug=LB)
        cls.bl = Instansi.objects.get(slug=BL)

    def setUp(self):
        self.client.force_login(self.admin)

    def pdf(self, slug, tahun, jenis):
        r = self.client.get(reverse("perjanjian-kinerja-pdf", args=[slug, tahun, jenis]))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"], "application/pdf")
        return teks_pdf(r.content)

    def assertTarget(self, teks: str, slug: str, jenis: str):
        """Every target of the agreement stands on its indicator's row, and no other."""
        target = TARGET[slug, jenis]
        for awal, nilai in target.items():
            with self.subTest(slug=slug, jenis=jenis, indikator=awal):
                self.assertRegex(teks, rf"{re.escape(awal)}.*\s{re.escape(nilai)}\n")
        instansi = Instansi.objects.get(slug=slug)
        sumber = [Target.Sumber.PK_MURNI] + ([Target.Sumber.PK_PERUBAHAN] if jenis == "perubahan" else [])
        tersimpan = Target.objects.filter(
            indikator__renstra__instansi=instansi,
            indikator__sasaran__isnull=False,
            sumber__in=sumber,
            triwulan__isnull=True,
        )
        self.assertEqual(len(target), tersimpan.values("indikator").distinct().count())

    def test_lampung_barats_pk_murni_alone_has_both_parties_place_date_and_every_target(self):
        teks = self.pdf(LB, 2023, "murni")
        satu = rapat(teks)
        for isi in (
            "PERJANJIAN KINERJA TAHUN 2023",
            "Nama : TRI UMARYANI, S.P, M.Si.",
            "Jabatan : Kepala Dinas Koperasi UKM, Perindustrian dan Perdagangan Kabupaten Lampung Barat",
            "Nama : NUKMAN",
            "Jabatan : Pj. Bupati Lampung Barat",
            "Liwa, Januari 2023",
            "PJ. BUPATI LAMPUNG BARAT,",
            "Pembina Utama Muda",
            "NIP. 19751229 199902 2 001",
            "PERJANJIAN KINERJA TINGKAT PERANGKAT DAERAH",
        ):
            self.assertIn(isi, satu)
        self.assertTarget(teks, LB, "murni")
        # Its program budgets are the DPA pengesahan's (Gambar 2.1's «Anggaran»).
        self.assertRegex(teks, r"Program Pengembangan UMKM\s+7\.210\.887\.318\n")
        self.assertIn("Anggaran menurut DPA pengesahan.", satu)

    def test_lampung_barats_pk_perubahan_restates_every_target_with_the_changed_one(self):
        teks = self.pdf(LB, 2023, "perubahan")
        satu = rapat(teks)
        self.assertIn("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023", satu)
        self.assertTarget(teks, LB, "perubahan")
        self.assertIn("Anggaran menurut DPA perubahan.", satu)
        # The document's text gives no signature page of the PK perubahan: the PDF says so
        # rather than borrowing the PK murni's.
        self.assertIn("penandatangan perjanjian ini belum dicatat", satu)
        self.assertNotIn("NUKMAN", satu)

    def test_bandar_lampungs_pk_murni_alone(self):
        teks = self.pdf(BL, 2022, "murni")
        satu = rapat(teks)
        for isi in (
            "PERJANJIAN KINERJA TAHUN 2022",
            "Nama : RIANA APRIANA, Ap.MM",
            "Jabatan : Walikota Bandar Lampung",
            "NIP. 19750427 199311 2 001",
        ):
            self.assertIn(isi, satu)
        self.assertTarget(teks, BL, "murni")

    def test_a_year_without_that_agreement_or_an_unknown_kind_is_404(self):
        for args in ((BL, 2022, "perubahan"), (LB, 2023, "lain"), (LB, 2030, "murni")):
            with self.subTest(args):
                self.assertEqual(
                    self.client.get(reverse("perjanjian-kinerja-pdf", args=args)).status_code, 404
                )

    def test_the_lampiran_shows_both_agreements_of_lampung_barat_as_signed(self):
        html = html_laporan(susun(kumpulkan(self.lb, 2023)))
        lampiran = html.split('<h1 class="bab">LAMPIRAN</h1>', 1)[1]
        murni = lampiran.split('id="naskah-pk-murni"', 1)[1].split('id="naskah-pk-perubahan"', 1)[0]
        perubahan = lampiran.split('id="naskah-pk-perubahan"', 1)[1]
        self.assertIn("PERJANJIAN KINERJA TAHUN 2023", murni)
        self.assertIn("TRI UMARYANI, S.P, M.Si.", murni)
        self.assertIn("Liwa, Januari 2023", murni)
        self.assertIn("825,273", murni)
        self.assertIn("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023", perubahan)
        self.assertIn("923,27", perubahan)


class PerjanjianScreenTests(KasusInstansi):
    def test_the_pk_screen_links_to_each_agreements_pdf(self):
        r = self.client.get(reverse("perjanjian-kinerja", args=[self.a.slug, 2022]))
        for jenis in ("murni", "perubahan"):
            self.assertContains(r, reverse("perjanjian-kinerja-pdf", args=[self.a.slug, 2022, jenis]))

    def test_an_agreement_with_its_record_prints_the_record(self):
        url = reverse("perjanjian-kinerja-naskah", args=[self.a.slug, 2022, "murni"])
        data = {
            "versi": "0",
            "tempat_tanggal": "Kota Contoh, 3 Januari 2022",
            "pihak_pertama_nama": "SITI AMINAH",
            "pihak_pertama_jabatan": "Kepala Dinas A",
            "pihak_pertama_pangkat": "Pembina",
            "pihak_pertama_nip": "19700101 199001 2 001",
            "pihak_kedua_nama": "BUDI",
            "pihak_kedua_jabatan": "Walikota Contoh",
        }
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertContains(
            self.client.get(url), reverse("perjanjian-kinerja-pdf", args=[self.a.slug, 2022, "murni"])
        )
        r = self.client.get(reverse("perjanjian-kinerja-pdf", args=[self.a.slug, 2022, "murni"]))
        teks = rapat(teks_pdf(r.content))
        for isi in data.values():
            if isi != "0":
                self.assertIn(isi if isi != "Kepala Dinas A" else "KEPALA DINAS A", teks)
        self.assertRegex(teks, r"Persentase koperasi sehat 0 % 18,11")

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        r = self.client.get(reverse("perjanjian-kinerja-pdf", args=[self.a.slug, 2022, "murni"]))
        self.assertEqual(r.status_code, 404)
