"""Rough edges a first-time user hit (issue «A house a newcomer can live in»): histories that
hid the value before a change, write screens shown to reviewers, a ratio indicator that
offered a value it would refuse, an upload that asked for what its template records, and a
year page whose «Sasaran» column held programs and kegiatan."""

import io
from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.hitung import Tahap
from anggaran.models import RealisasiAnggaran
from instansi.akses import akses_untuk
from instansi.models import Instansi, Keanggotaan
from inti.versi import Tulis, tulis_semua
from kinerja.models import Indikator, Program, Realisasi, SubKegiatan
from kinerja.realisasi.forms import RealisasiForm
from kinerja.realisasi.views import riwayat_realisasi
from sakip.excel import realisasi as excel_realisasi
from sakip.excel.aman import BerkasDitolak
from sakip.models import UnggahanExcel
from tests.factories import buat_instansi, buat_pemeran
from tests.kasus import isian_forms

User = get_user_model()
TAHUN = 2022
BL, LB = "diskopukm-bandar-lampung", "koperindag-lampung-barat"


def ubah_templat(isi: bytes, nama_indikator: str, **sel) -> bytes:
    """A downloaded realisation template with cells of one indicator's row changed."""
    buku = load_workbook(io.BytesIO(isi))
    lembar = buku[excel_realisasi.LEMBAR]
    kolom = {judul: n + 1 for n, judul in enumerate(excel_realisasi.KOLOM)}
    baris = next(
        n for n in range(2, lembar.max_row + 1) if lembar.cell(n, kolom["Indikator"]).value == nama_indikator
    )
    for judul, nilai in sel.items():
        lembar.cell(baris, kolom[judul.replace("_", " ")]).value = nilai
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


class PendatangTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a")
        cls.b = buat_instansi("dinas-b")
        cls.perencana, cls.perencana_b, cls.pemeriksa = buat_pemeran(cls.a, cls.b)
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)  # a ratio
        cls.langsung = Indikator.objects.get(renstra__instansi=cls.a, program__isnull=False)
        cls.url_tahun = reverse("instansi-tahun", args=[cls.a.slug, TAHUN])
        cls.url_realisasi = reverse("realisasi", args=[cls.a.slug, TAHUN, cls.iku.pk])

    def setUp(self):
        self.client.force_login(self.perencana)


class HistoryTests(PendatangTestCase):
    def test_a_budget_cell_changed_once_shows_its_value_before_and_after(self):
        program = Program.objects.get(renstra__instansi=self.a)
        sub = SubKegiatan.objects.filter(kegiatan__program=program).order_by("kegiatan__urutan").first()
        url = reverse("anggaran-program", args=[self.a.slug, TAHUN, program.pk])
        data = isian_forms(self.client.get(url).context["grid"].forms())
        data[f"sub_kegiatan-{sub.pk}-{Tahap.DPA_PENGESAHAN}-jumlah"] = "17.175.000"
        self.assertRedirects(self.client.post(url, data), url)
        riwayat = self.client.get(url).context["riwayat"][0]
        self.assertEqual((riwayat.lama, riwayat.baru), ("Rp 1.000.000", "Rp 17.175.000"))

    def test_a_realisation_history_shows_each_change_old_to_new_in_one_query(self):
        for a in ("75", "76", "77"):
            versi = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None).versi
            self.client.post(self.url_realisasi, {"versi": versi, "komponen_a": a, "komponen_b": "393"})
        with self.assertNumQueries(1):
            riwayat = riwayat_realisasi(self.iku, TAHUN, None)
        self.assertEqual(
            [(r.lama, r.baru) for r in riwayat],
            [("76 / 393", "77 / 393"), ("75 / 393", "76 / 393"), ("74 / 393", "75 / 393"), ("–", "74 / 393")],
        )
        halaman = self.client.get(self.url_realisasi).content.decode().split('id="riwayat"')[1]
        self.assertIn("76 / 393", halaman.split("</tr>")[1])
        self.assertIn("77 / 393", halaman.split("</tr>")[1])

    def test_the_admin_history_page_speaks_indonesian_and_shows_an_empty_value_as_a_dash(self):
        admin = User.objects.create_superuser("admin", password="rahasia-admin-1")
        r = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None)
        tulis_semua(
            [
                Tulis(
                    model=Realisasi,
                    label="r",
                    letak={"pk": r.pk},
                    versi=r.versi,
                    isian={"nilai": D("18.83"), "komponen_a": None, "komponen_b": None},
                )
            ]
        )
        self.client.force_login(admin)
        halaman = self.client.get(reverse("admin:kinerja_realisasi_history", args=[r.pk]))
        self.assertContains(halaman, '<th scope="col">Perubahan</th>', html=False)
        self.assertNotContains(halaman, "Changes")
        self.assertNotContains(halaman, "None")
        self.assertNotContains(halaman, "Choose a date")
        self.assertContains(halaman, "&rarr;&nbsp;&nbsp;–")  # the components, emptied


class DocumentHistoryTests(TestCase):
    fixtures = ["bandar_lampung_2022"]

    def test_a_document_row_changed_once_does_not_pass_for_empty_before(self):
        # The documents are loaded with `loaddata`, which simple-history does not record: the
        # value before the first change is unknown to the history, not «–» (nothing).
        instansi = Instansi.objects.get(slug=BL)
        perencana = User.objects.create_user("perencana-bl", password="sandi-bl-123")
        Keanggotaan.objects.create(user=perencana, instansi=instansi)
        self.client.force_login(perencana)
        baris = RealisasiAnggaran.objects.get(jumlah=17_175_000)
        program = baris.sub_kegiatan.kegiatan.program
        url = reverse("anggaran-program", args=[BL, TAHUN, program.pk])
        data = isian_forms(self.client.get(url).context["grid"].forms())
        data[f"sub_kegiatan-{baris.sub_kegiatan_id}-realisasi-jumlah"] = "18.000.000"
        self.assertRedirects(self.client.post(url, data), url)
        riwayat = self.client.get(url).context["riwayat"][0]
        self.assertEqual((riwayat.lama, riwayat.baru), ("(tidak tercatat)", "Rp 18.000.000"))


class ReaderTests(PendatangTestCase):
    def test_a_reviewer_is_offered_no_upload_and_no_typing(self):
        self.client.force_login(self.pemeriksa)
        tahun = self.client.get(self.url_tahun)
        self.assertNotContains(tahun, reverse("excel-unggah", args=[self.a.slug, TAHUN]))
        self.assertNotContains(tahun, "isi realisasi")
        unggah = self.client.get(reverse("excel-unggah", args=[self.a.slug, TAHUN]))
        self.assertNotContains(unggah, 'type="file"')
        self.assertContains(unggah, "Hanya baca")
        realisasi = self.client.get(self.url_realisasi)
        self.assertNotContains(realisasi, "Ketik")
        self.assertContains(realisasi, "Hanya baca")

    def test_a_planner_is_offered_both(self):
        tahun = self.client.get(self.url_tahun)
        self.assertContains(tahun, reverse("excel-unggah", args=[self.a.slug, TAHUN]))
        unggah = self.client.get(reverse("excel-unggah", args=[self.a.slug, TAHUN]))
        self.assertContains(unggah, 'type="file"')
        self.assertContains(self.client.get(self.url_realisasi), "Ketik")


class FormulaTests(PendatangTestCase):
    def test_a_ratio_offers_its_components_and_a_direct_value_only_a_value(self):
        rasio = RealisasiForm(indikator=self.iku)
        self.assertEqual(
            set(rasio.fields) - {"versi"}, {"komponen_a", "komponen_b", "belum_diukur", "keterangan"}
        )
        self.assertEqual(rasio.fields["komponen_a"].label, "koperasi sehat")
        langsung = RealisasiForm(indikator=self.langsung)
        self.assertEqual(set(langsung.fields) - {"versi"}, {"nilai", "belum_diukur", "keterangan"})
        halaman = self.client.get(self.url_realisasi)
        self.assertNotContains(halaman, 'name="nilai"')
        self.assertContains(halaman, 'name="komponen_a"')

    def test_a_ratio_stored_as_a_value_keeps_its_value_field(self):
        r = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN - 1)  # 16,09, as the documents state it
        self.assertIn("nilai", RealisasiForm.dari(r, self.iku).fields)
        url = reverse("realisasi", args=[self.a.slug, TAHUN - 1, self.iku.pk])
        self.assertContains(self.client.get(url), 'name="nilai" value="16,09"')
        respons = self.client.post(url, {"versi": r.versi, "nilai": "16,5"})
        self.assertEqual(respons.status_code, 302)
        self.assertEqual(Realisasi.objects.get(pk=r.pk).nilai, D("16.5"))

    def test_a_value_posted_to_a_ratio_is_refused_saying_what_to_enter(self):
        r = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None)
        respons = self.client.post(self.url_realisasi, {"versi": r.versi, "nilai": "18,83"})
        self.assertContains(
            respons, "diukur sebagai rasio: isi kedua komponennya (koperasi sehat dan koperasi)"
        )
        self.assertEqual(Realisasi.objects.get(pk=r.pk).versi, r.versi)


class SpreadsheetTests(TestCase):
    fixtures = ["bandar_lampung_2022", "lampung_barat_2023"]

    @classmethod
    def setUpTestData(cls):
        cls.bl = Instansi.objects.get(slug=BL)
        cls.perencana = User.objects.create_user("perencana-bl", password="sandi-bl-123")
        Keanggotaan.objects.create(user=cls.perencana, instansi=cls.bl)
        cls.lain = User.objects.create_user("perencana-bl-2", password="sandi-bl-456")
        Keanggotaan.objects.create(user=cls.lain, instansi=cls.bl)
        cls.unggah = reverse("excel-unggah", args=[BL, TAHUN])

    def setUp(self):
        self.client.force_login(self.perencana)

    def templat(self, triwulan=None) -> bytes:
        url = reverse("excel-templat-realisasi", args=[BL, TAHUN])
        return self.client.get(url, {"triwulan": triwulan} if triwulan else {}).content

    def kirim(self, isi: bytes):
        berkas = SimpleUploadedFile("isian.xlsx", isi)
        return self.client.post(self.unggah, {"jenis": "realisasi", "berkas": berkas})

    def test_a_value_typed_for_a_ratio_is_a_problem_in_the_realisasi_column(self):
        isi = ubah_templat(
            self.templat(),
            "Persentase UMKM yang meningkat labanya",
            Realisasi=30.54,
            Komponen_A=None,
            Komponen_B=None,
        )
        hasil = excel_realisasi.baca(isi, akses_untuk(self.perencana, self.bl, TAHUN), None)
        [masalah] = hasil.masalah
        self.assertEqual((masalah.kolom, masalah.nilai), ("Realisasi", 30.54))
        self.assertIn("diukur sebagai rasio: isi kedua komponennya", masalah.pesan)

    def test_the_period_is_read_from_the_template_not_asked(self):
        self.assertNotContains(self.client.get(self.unggah), 'name="triwulan"')
        isi = ubah_templat(self.templat(4), "Persentase koperasi aktif", Realisasi=40)
        respons = self.kirim(isi)
        unggahan = UnggahanExcel.objects.get()
        self.assertRedirects(respons, reverse("excel-pratinjau", args=[BL, TAHUN, unggahan.pk]))
        self.assertEqual(unggahan.triwulan, 4)
        self.assertContains(self.client.get(respons["Location"]), "Triwulan IV")

    def test_a_mismatched_template_is_told_in_words(self):
        with self.assertRaises(BerkasDitolak) as galat:
            excel_realisasi.baca(self.templat(), akses_untuk(self.perencana, self.bl, TAHUN), 1)
        nama = self.bl.nama
        self.assertEqual(
            str(galat.exception),
            f"Templat ini untuk realisasi kinerja {nama} tahun 2022, tahunan; halaman ini untuk "
            f"realisasi kinerja {nama} tahun 2022, triwulan I. Unduh templat dari halaman ini.",
        )

    def test_an_unchanged_template_says_nothing_changes(self):
        pratinjau = self.client.get(self.kirim(self.templat())["Location"])
        self.assertContains(pratinjau, "Tidak ada yang berubah")
        self.assertNotContains(pratinjau, 'id="perubahan"')
        self.assertNotContains(pratinjau, "Terapkan")

    def test_a_preview_is_cancelled_by_its_uploader_only(self):
        pratinjau = self.kirim(self.templat())["Location"]
        self.assertContains(self.client.get(pratinjau), "Batalkan")
        lain = self.client_class()
        lain.force_login(self.lain)
        self.assertEqual(lain.post(pratinjau, {"batalkan": "1"}).status_code, 404)
        respons = self.client.post(pratinjau, {"batalkan": "1"}, follow=True)
        self.assertRedirects(respons, reverse("instansi-tahun", args=[BL, TAHUN]))
        self.assertFalse(UnggahanExcel.objects.exists())
        self.assertContains(respons, "dibatalkan; tidak ada data yang diubah")


class LevelColumnTests(PendatangTestCase):
    def test_the_year_page_names_each_rows_level(self):
        halaman = self.client.get(self.url_tahun).content.decode().split('id="kinerja"')[1]
        self.assertIn("<th>Sasaran / program / kegiatan</th>", halaman)
        self.assertIn('<span class="ringkas tingkat">Program</span><br>Program 0', halaman)
        self.assertIn('<span class="ringkas tingkat">Sasaran</span><br>Sasaran 0', halaman)
