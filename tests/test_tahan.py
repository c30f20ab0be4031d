"""Nothing lost, nothing crashes: one regression test per finding of the attack on the
planners' screens and spreadsheets (the issue «Nothing lost, nothing crashes», 1–8).

Two people are two test clients taking turns here; `tests/test_serentak.py` runs them at
the same moment on PostgreSQL.
"""

import io
import zipfile
from decimal import Decimal as D
from unittest import mock

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TransactionTestCase
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.hitung import Tahap
from anggaran.models import Pagu
from instansi.models import Keanggotaan, KunciTahun, Narasi, SaranaPrasarana
from inti import versi
from kinerja.models import (
    AnalisisSasaran,
    Indikator,
    Pembanding,
    PerjanjianKinerja,
    Program,
    Realisasi,
    Sasaran,
    SubKegiatan,
    Target,
)
from sakip.excel import anggaran, realisasi
from sakip.models import UnggahanExcel
from tests.factories import buat_instansi, buat_pemeran
from tests.kasus import KasusInstansi

User = get_user_model()
TAHUN = 2022


def isian(respons, nama: str = "form") -> dict:
    """A page's form as the browser would post it back unchanged."""
    form = respons.context[nama]
    data = {}
    for bf in form:
        nilai = bf.value()
        if isinstance(bf.field, forms.BooleanField):
            if nilai:
                data[bf.html_name] = "on"
            continue
        nilai = bf.field.prepare_value(nilai)
        data[bf.html_name] = "" if nilai is None else str(nilai)
    return data


def sel_pk(indikator, sumber=Target.Sumber.PK_MURNI) -> str:
    return f"nilai_{indikator.pk}_{TAHUN}_{sumber}"


class TahanTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.perencana_2 = User.objects.create_user("perencana-a2", password="rahasia-a-2")
        Keanggotaan.objects.create(user=cls.perencana_2, instansi=cls.a)
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)

    def setUp(self):
        super().setUp()
        self.kedua = self.client_class()
        self.kedua.force_login(self.perencana_2)


class LostUpdateTests(TahanTestCase):
    """Findings 1–3: a change made since the page was opened is never undone silently."""

    def test_an_emptied_pk_cell_is_not_brought_back_by_an_older_page(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        pertama, kedua = isian(self.client.get(url)), isian(self.kedua.get(url))
        pertama[sel_pk(self.iku)] = ""
        self.assertEqual(self.client.post(url, pertama).status_code, 302)
        kedua[sel_pk(self.iku)] = "19"
        r = self.kedua.post(url, kedua)
        self.assertContains(r, "tidak ada lagi: telah dihapus", status_code=409)
        self.assertContains(r, "oleh perencana-a pada", status_code=409)
        self.assertFalse(Target.objects.filter(indikator=self.iku, tahun=TAHUN, sumber="pk_murni").exists())

    def test_an_update_against_a_deletion_keeps_the_update(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        pertama, kedua = isian(self.client.get(url)), isian(self.kedua.get(url))
        pertama[sel_pk(self.iku)] = "19"
        self.assertEqual(self.client.post(url, pertama).status_code, 302)
        kedua[sel_pk(self.iku)] = ""
        self.assertEqual(self.kedua.post(url, kedua).status_code, 409)
        self.assertEqual(Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber="pk_murni").nilai, 19)

    def test_two_sessions_editing_a_narrative_the_later_gets_409_and_the_first_text_stays(self):
        narasi = Narasi.objects.create(
            instansi=self.a, tahun=TAHUN, kunci="kesimpulan", judul="K", teks="Awal."
        )
        url = reverse("narasi-ubah", args=[self.a.slug, TAHUN, narasi.pk])
        pertama, kedua = isian(self.client.get(url)), isian(self.kedua.get(url))
        self.assertEqual(self.client.post(url, pertama | {"teks": "Teks pertama."}).status_code, 302)
        r = self.kedua.post(url, kedua | {"teks": "Teks kedua."})
        self.assertContains(r, "Teks: «Teks pertama.»", status_code=409)
        self.assertEqual(Narasi.objects.get(pk=narasi.pk).teks, "Teks pertama.")

    def test_the_same_user_in_two_tabs_is_told_so(self):
        narasi = Narasi.objects.create(
            instansi=self.a, tahun=TAHUN, kunci="kesimpulan", judul="K", teks="Awal."
        )
        url = reverse("narasi-ubah", args=[self.a.slug, TAHUN, narasi.pk])
        tab_satu, tab_dua = isian(self.client.get(url)), isian(self.client.get(url))
        self.client.post(url, tab_satu | {"teks": "Dari tab satu."})
        r = self.client.post(url, tab_dua | {"teks": "Dari tab dua."})
        self.assertContains(r, "oleh Anda sendiri (di tab atau jendela lain)", status_code=409)

    def test_every_single_form_refuses_a_save_over_a_newer_one(self):
        sasaran = Sasaran.objects.get(renstra__instansi=self.a)
        AnalisisSasaran.objects.create(sasaran=sasaran, tahun=TAHUN, uraian="Awal")
        PerjanjianKinerja.objects.create(instansi=self.a, tahun=TAHUN, jenis="murni", tempat_tanggal="Awal")
        layar = {
            "analisis": (reverse("analisis-sasaran", args=[self.a.slug, TAHUN, sasaran.pk]), "uraian"),
            "profil": (reverse("profil-instansi", args=[self.a.slug]), "alamat"),
            "naskah PK": (
                reverse("perjanjian-kinerja-naskah", args=[self.a.slug, TAHUN, "murni"]),
                "tempat_tanggal",
            ),
            "sasaran": (reverse("node-ubah", args=[self.a.slug, "sasaran", sasaran.pk]), "uraian"),
            "indikator": (reverse("indikator-ubah", args=[self.a.slug, self.iku.pk]), "nama"),
        }
        for nama, (url, field) in layar.items():
            with self.subTest(nama):
                lama = isian(self.client.get(url))
                self.assertEqual(self.kedua.post(url, lama | {field: "Disimpan lebih dulu"}).status_code, 302)
                r = self.client.post(url, lama | {field: "Disimpan belakangan"})
                self.assertContains(r, "Disimpan lebih dulu", status_code=409)
                self.assertContains(self.client.get(url), "Disimpan lebih dulu")

    def test_creating_the_same_realisation_twice_is_a_conflict_not_a_500(self):
        url = reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk]) + "?triwulan=2"
        pertama, kedua = isian(self.client.get(url)), isian(self.kedua.get(url))
        # A ratio is entered as its components (`RealisasiForm`).
        self.assertEqual(
            self.client.post(url, pertama | {"komponen_a": "9", "komponen_b": "100"}).status_code, 302
        )
        r = self.kedua.post(url, kedua | {"komponen_a": "10", "komponen_b": "100"})
        self.assertContains(r, "tersimpan sekarang: <strong>9 / 100</strong>", status_code=409)
        self.assertEqual(Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=2).komponen_a, 9)

    def test_creating_the_same_budget_cell_twice_is_a_conflict_not_a_500(self):
        program = Program.objects.filter(renstra__instansi=self.a).first()
        sub = SubKegiatan.objects.filter(kegiatan__program=program).first()
        url = reverse("anggaran-program", args=[self.a.slug, TAHUN, program.pk])
        nama = f"sub_kegiatan-{sub.pk}-{Tahap.RKA}-jumlah"
        pertama, kedua = self.client.get(url), self.kedua.get(url)
        data = {}
        for respons in (pertama, kedua):
            data[respons] = {
                f.add_prefix(n): (f[n].value() if f[n].value() is not None else "")
                for f in respons.context["grid"].forms()
                for n in f.fields
            }
            data[respons] = {k: (v if not isinstance(v, D) else str(v)) for k, v in data[respons].items()}
        self.assertEqual(self.client.post(url, data[pertama] | {nama: "5.000"}).status_code, 302)
        r = self.kedua.post(url, data[kedua] | {nama: "6.000"})
        self.assertContains(r, "Rp 5.000", status_code=409)
        self.assertEqual(Pagu.objects.get(sub_kegiatan=sub, tahun=TAHUN, tahap=Tahap.RKA).jumlah, 5000)

    def test_creating_the_same_pk_target_twice_is_a_conflict_not_a_500(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        pertama, kedua = isian(self.client.get(url)), isian(self.kedua.get(url))
        sel = sel_pk(self.iku, Target.Sumber.PK_PERUBAHAN)
        self.assertEqual(self.client.post(url, pertama | {sel: "20"}).status_code, 302)
        self.assertEqual(self.kedua.post(url, kedua | {sel: "21"}).status_code, 409)
        target = Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber=Target.Sumber.PK_PERUBAHAN)
        self.assertEqual(target.nilai, 20)

    def test_a_target_deleted_and_created_again_is_not_overwritten_by_a_page_from_before(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        basi = isian(self.client.get(url))
        for nilai in ("", "25"):  # someone empties the cell, then fills it again
            data = isian(self.kedua.get(url))
            self.assertEqual(self.kedua.post(url, data | {sel_pk(self.iku): nilai}).status_code, 302)
        self.assertEqual(self.client.post(url, basi | {sel_pk(self.iku): "30"}).status_code, 409)
        self.assertEqual(Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber="pk_murni").nilai, 25)

    def test_an_admins_correction_also_makes_older_pages_stale(self):
        url = reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk])
        basi = isian(self.client.get(url))
        realisasi_ = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None)
        realisasi_.komponen_a = D(75)
        realisasi_.save()  # as the admin's change form saves it
        self.assertEqual(self.client.post(url, basi).status_code, 409)


def templat_dengan(isi: bytes, ubah) -> bytes:
    buku = load_workbook(io.BytesIO(isi))
    ubah(buku[realisasi.LEMBAR])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def ganti_xml(isi: bytes, lama: str, baru: str) -> bytes:
    """The workbook with a number's XML rewritten, as another program may store it (`1e309`, `NaN`)."""
    masuk, keluar = zipfile.ZipFile(io.BytesIO(isi)), io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for entri in masuk.infolist():
            data = masuk.read(entri)
            if entri.filename.startswith("xl/worksheets/"):
                data = data.replace(f"<v>{lama}</v>".encode(), f"<v>{baru}</v>".encode())
            z.writestr(entri, data)
    return keluar.getvalue()


class UploadTests(TahanTestCase):
    """Findings 4–5: every bad cell is refused by row, column and value; nothing crashes."""

    def setUp(self):
        super().setUp()
        self.url_unggah = reverse("excel-unggah", args=[self.a.slug, TAHUN])
        self.isi = realisasi.templat(self.a, TAHUN)
        # Values are typed in «Realisasi» for an indicator measured directly (a ratio takes
        # its components, and refuses a value whatever it is).
        self.langsung = Indikator.objects.get(renstra__instansi=self.a, program__isnull=False)

    def baris(self, lembar, indikator=None) -> int:
        indikator = indikator or self.langsung
        return next(n for n in range(2, lembar.max_row + 1) if lembar.cell(n, 1).value == indikator.pk)

    def sel(self, kolom: str, nilai, kosongkan_komponen=True, indikator=None) -> bytes:
        def ubah(lembar):
            n = self.baris(lembar, indikator)
            if kosongkan_komponen:
                lembar.cell(n, realisasi.KOLOM.index("Komponen A") + 1).value = None
                lembar.cell(n, realisasi.KOLOM.index("Komponen B") + 1).value = None
            lembar.cell(n, realisasi.KOLOM.index(kolom) + 1).value = nilai

        return templat_dengan(self.isi, ubah)

    def unggah(self, isi: bytes, nama="isian.xlsx"):
        """Upload a file and open its preview: (the upload's answer, the preview or None)."""
        r = self.client.post(
            self.url_unggah, {"jenis": "realisasi", "berkas": SimpleUploadedFile(nama, isi), "triwulan": ""}
        )
        if r.status_code != 302:
            return r, None
        return r, self.client.get(r["Location"])

    def test_1e25_is_refused_at_the_preview_and_every_page_still_opens(self):
        sebelum = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None).versi
        _, pratinjau = self.unggah(self.sel("Realisasi", 1e25))
        self.assertContains(pratinjau, "terlalu besar", status_code=422)
        self.assertEqual(self.client.post(pratinjau.request["PATH_INFO"]).status_code, 422)
        self.assertEqual(Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None).versi, sebelum)
        for url in (
            reverse("instansi-tahun", args=[self.a.slug, TAHUN]),
            reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk]),
            reverse("lkjip-html", args=[self.a.slug, TAHUN]),
            reverse("excel-templat-realisasi", args=[self.a.slug, TAHUN]),
        ):
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def test_values_that_crashed_are_refused_by_column_and_value(self):
        penanda = 424242
        kasus = {
            "1e308": (self.sel("Realisasi", 1e308), "Realisasi", "terlalu besar"),
            "1e309": (
                ganti_xml(self.sel("Realisasi", penanda), str(penanda), "1e309"),
                "Realisasi",
                "terhingga",
            ),
            "inf teks": (self.sel("Realisasi", "inf"), "Realisasi", "bukan angka"),
            "12abc": (self.sel("Realisasi", "12abc"), "Realisasi", "bukan angka"),
            "40 digit": (self.sel("Realisasi", "9" * 40), "Realisasi", "terlalu besar"),
            "10^40": (self.sel("Realisasi", 10**40), "Realisasi", "terlalu besar"),
            "versi bukan angka": (
                self.sel("Versi", "abc", kosongkan_komponen=False, indikator=self.iku),
                "Versi",
                "Versi data",
            ),
            "keterangan 301": (
                self.sel("Keterangan", "k" * 301, kosongkan_komponen=False, indikator=self.iku),
                "Keterangan",
                "300",
            ),
            "komponen 0,12345": (
                self.sel("Komponen A", "0,12345", kosongkan_komponen=False, indikator=self.iku),
                "Komponen A",
                "4",
            ),
        }
        sebelum = list(Realisasi.objects.order_by("pk").values_list("pk", "versi"))
        for nama, (isi, kolom, pesan) in kasus.items():
            with self.subTest(nama):
                r, pratinjau = self.unggah(isi)
                self.assertIsNotNone(pratinjau, r.content[:300])
                self.assertEqual(pratinjau.status_code, 422)
                (masalah,) = pratinjau.context["hasil"].masalah
                self.assertEqual(masalah.kolom, kolom)
                self.assertIn(pesan, masalah.pesan)
                self.assertEqual(self.client.post(pratinjau.request["PATH_INFO"]).status_code, 422)
        self.assertEqual(list(Realisasi.objects.order_by("pk").values_list("pk", "versi")), sebelum)

    def test_a_number_cell_excel_cannot_have_refuses_the_file_before_it_is_stored(self):
        for xml in ("NaN", "inf", "1,5"):
            with self.subTest(xml):
                r, _ = self.unggah(ganti_xml(self.sel("Realisasi", 424242), "424242", xml))
                self.assertContains(r, "sel yang tidak dapat dibaca")
        self.assertFalse(UnggahanExcel.objects.exists())

    def test_a_megabyte_of_digits_is_refused_without_a_500(self):
        r, pratinjau = self.unggah(self.sel("Realisasi", "9" * 1_000_000))
        jawaban = pratinjau if pratinjau is not None else r
        self.assertIn(jawaban.status_code, (200, 422))
        self.assertFalse(UnggahanExcel.objects.filter(diterapkan__isnull=False).exists())

    def test_a_long_file_name_is_applied_and_named_in_the_history(self):
        nama = "realisasi-" + "sangat-panjang-" * 10 + ".xlsx"
        _, pratinjau = self.unggah(self.sel("Realisasi", "19,5"), nama=nama)
        self.assertEqual(self.client.post(pratinjau.request["PATH_INFO"]).status_code, 302)
        tersimpan = Realisasi.objects.get(indikator=self.langsung, tahun=TAHUN, triwulan=None)
        self.assertEqual(tersimpan.nilai, D("19.5"))
        alasan = tersimpan.history.first().history_change_reason
        self.assertTrue(alasan.startswith("Unggahan Excel «realisasi-sangat-panjang-"))
        self.assertLessEqual(len(alasan), 100)

    def test_the_same_indicator_twice_is_a_problem_not_a_500(self):
        def ubah(lembar):
            n = self.baris(lembar)
            lembar.append([c.value for c in lembar[n]])
            lembar.cell(n, realisasi.KOLOM.index("Keterangan") + 1).value = "baris pertama"

        _, pratinjau = self.unggah(templat_dengan(self.isi, ubah))
        self.assertContains(pratinjau, "indikator yang sama sudah ada di baris", status_code=422)

    def test_a_fractional_id_is_not_read_as_another_indicator(self):
        def ubah(lembar):
            n = self.baris(lembar)
            lembar.cell(n, 1).value = self.iku.pk + 0.7
            lembar.cell(n, realisasi.KOLOM.index("Keterangan") + 1).value = "diubah"

        _, pratinjau = self.unggah(templat_dengan(self.isi, ubah))
        (masalah,) = pratinjau.context["hasil"].masalah
        self.assertEqual((masalah.kolom, masalah.nilai), ("ID", self.iku.pk + 0.7))

    def test_the_same_budget_node_twice_is_a_problem(self):
        buku = load_workbook(io.BytesIO(anggaran.templat(self.a, TAHUN)))
        lembar = buku[anggaran.LEMBAR]
        lembar.append([c.value for c in lembar[2]])
        keluaran = io.BytesIO()
        buku.save(keluaran)
        r = self.client.post(
            self.url_unggah,
            {
                "jenis": "anggaran",
                "berkas": SimpleUploadedFile("a.xlsx", keluaran.getvalue()),
                "triwulan": "",
            },
        )
        pratinjau = self.client.get(r["Location"])
        self.assertContains(pratinjau, "baris yang sama sudah ada di baris 2", status_code=422)

    def test_a_refused_file_is_not_stored(self):
        r = self.client.post(
            self.url_unggah,
            {
                "jenis": "realisasi",
                "berkas": SimpleUploadedFile("x.xlsx", b"%PDF-1.4 bukan excel"),
                "triwulan": "",
            },
        )
        self.assertContains(r, "PDF")
        self.assertFalse(UnggahanExcel.objects.exists())


class LockTests(TahanTestCase):
    """Finding 6: a locked year cannot be changed through a parent's deletion."""

    def test_a_sasaran_carrying_a_locked_years_analysis_and_comparison_is_not_deleted(self):
        sasaran = Sasaran.objects.create(renstra=self.iku.renstra, uraian="Sasaran baru")
        indikator = Indikator.objects.create(sasaran=sasaran, nama="Indeks", satuan="poin")
        AnalisisSasaran.objects.create(sasaran=sasaran, tahun=TAHUN, uraian="Analisis")
        Pembanding.objects.create(indikator=indikator, tahun=TAHUN, wilayah="provinsi", nilai=D(3))
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        url = reverse("node-hapus", args=[self.a.slug, "sasaran", sasaran.pk])
        self.assertContains(self.client.get(url), "sudah dikunci")
        self.assertEqual(self.client.post(url, {"versi": sasaran.versi}).status_code, 403)
        self.assertTrue(Sasaran.objects.filter(pk=sasaran.pk).exists())
        self.client.force_login(self.admin)
        self.assertEqual(self.client.post(url, {"versi": sasaran.versi}).status_code, 302)
        self.assertFalse(AnalisisSasaran.objects.filter(sasaran_id=sasaran.pk).exists())


class YearTests(TahanTestCase):
    """Finding 7: a year outside 2000–2100 is no page, and nothing is stored for it."""

    def test_years_out_of_range_answer_404_and_store_nothing(self):
        for tahun in (0, 1, 1999, 2101, 32767, 32768, 99999, 10**20):
            dasar = f"/instansi/{self.a.slug}/{tahun}/"
            with self.subTest(tahun):
                self.assertEqual(self.client.get(dasar).status_code, 404)
                data = {"kunci": "k", "judul": "J", "urutan": "0", "teks": "T", "versi": "0"}
                self.assertEqual(self.client.post(dasar + "narasi/baru/", data).status_code, 404)
                url = f"{dasar}indikator/{self.iku.pk}/realisasi/"
                self.assertEqual(self.client.post(url, {"versi": "0", "nilai": "1"}).status_code, 404)
                self.assertEqual(self.client.get(f"/laporan/{self.a.slug}/{tahun}/").status_code, 404)
        self.assertFalse(Narasi.objects.exists())
        self.assertFalse(Realisasi.objects.exclude(tahun__in=(TAHUN - 1, TAHUN)).exists())


class IndicatorPageTests(TahanTestCase):
    """Finding 8: an indicator loaded without history (as the fixtures are) opens."""

    def test_an_indicator_without_history_opens_and_a_bad_post_is_shown_again(self):
        self.iku.history.all().delete()
        url = reverse("indikator-ubah", args=[self.a.slug, self.iku.pk])
        r = self.client.get(url)
        self.assertContains(r, "Belum ada perubahan tercatat")
        data = isian(r) | {"nama": ""}
        self.assertEqual(self.client.post(url, data).status_code, 200)
        self.assertEqual(Indikator.objects.get(pk=self.iku.pk).nama, self.iku.nama)


class AccessTests(TahanTestCase):
    """The one prologue: another agency's object answers 404 on every door, the lock 403."""

    def test_another_agencys_planner_reaches_nothing_of_agency_a(self):
        self.client.force_login(self.perencana_b)
        narasi = Narasi.objects.create(instansi=self.a, tahun=TAHUN, kunci="k", judul="J", teks="T")
        url = reverse("narasi-ubah", args=[self.b.slug, TAHUN, narasi.pk])
        self.assertEqual(self.client.post(url, {"teks": "Milik B?", "versi": narasi.versi}).status_code, 404)
        self.assertEqual(Narasi.objects.get(pk=narasi.pk).teks, "T")


class SeranganTests(TahanTestCase):
    """What an attack on this write path found after it was built, one test each."""

    def formset_sarana(self, **isian) -> dict:
        data = {
            "sarana-TOTAL_FORMS": "1",
            "sarana-INITIAL_FORMS": "0",
            "sarana-MIN_NUM_FORMS": "0",
            "sarana-MAX_NUM_FORMS": "1000",
        }
        return data | {f"sarana-0-{k}": v for k, v in isian.items()}

    def test_a_new_row_posted_with_a_version_never_writes_into_another_row(self):
        lain = SaranaPrasarana.objects.create(instansi=self.b, tahun=TAHUN, nama_barang="Mobil B", jumlah=3)
        url = reverse("tabel-sarana", args=[self.a.slug, TAHUN])
        data = self.formset_sarana(nama_barang="Dibajak", jumlah="999", versi="1")
        self.assertEqual(self.client.post(url, data).status_code, 302)
        lain.refresh_from_db()
        self.assertEqual((lain.nama_barang, lain.jumlah), ("Mobil B", 3))
        self.assertTrue(SaranaPrasarana.objects.filter(instansi=self.a, nama_barang="Dibajak").exists())
        for kunci in ("satu", "dua"):
            Narasi.objects.create(instansi=self.b, tahun=TAHUN, kunci=kunci, judul="J", teks="T")
        url = reverse("narasi-baru", args=[self.a.slug, TAHUN])
        data = {"kunci": "x", "judul": "J", "urutan": "0", "teks": "T", "versi": "7"}
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertEqual(Narasi.objects.filter(instansi=self.b).count(), 2)

    def test_figures_typed_with_trailing_zeros_are_saved(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        sel = sel_pk(self.iku, Target.Sumber.PK_PERUBAHAN)
        self.assertEqual(
            self.client.post(url, isian(self.client.get(url)) | {sel: "20,00000"}).status_code, 302
        )
        self.assertEqual(Target.objects.get(indikator=self.iku, sumber="pk_perubahan").nilai, 20)
        url = reverse("belanja-jenis", args=[self.a.slug, TAHUN])
        data = {f"{j}-versi": "0" for j in ("pegawai", "barang_jasa", "hibah", "modal")}
        self.assertEqual(self.client.post(url, data | {"pegawai-murni": "1.000,000"}).status_code, 302)

    def test_a_row_ticked_for_deletion_with_a_garbled_version_is_a_conflict(self):
        baris = SaranaPrasarana.objects.create(instansi=self.a, tahun=TAHUN, nama_barang="Meja", jumlah=1)
        url = reverse("tabel-sarana", args=[self.a.slug, TAHUN])
        data = self.formset_sarana(id=str(baris.pk), DELETE="on", versi="abc") | {"sarana-INITIAL_FORMS": "1"}
        self.assertEqual(self.client.post(url, data).status_code, 409)
        self.assertTrue(SaranaPrasarana.objects.filter(pk=baris.pk).exists())

    def test_an_indicator_with_component_realisations_cannot_become_a_direct_value(self):
        url = reverse("indikator-ubah", args=[self.a.slug, self.iku.pk])
        data = isian(self.client.get(url)) | {
            "jenis_rumus": "langsung",
            "label_komponen_a": "",
            "label_komponen_b": "",
        }
        self.assertContains(self.client.post(url, data), "diisi dengan komponen A dan B")
        self.assertEqual(
            self.client.get(reverse("instansi-tahun", args=[self.a.slug, TAHUN])).status_code, 200
        )

    def test_the_plan_cannot_change_a_locked_years_figures(self):
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        data = {"nama": "Baru", "tahun_awal": str(TAHUN), "tahun_akhir": "2026", "versi": "0"}
        self.assertEqual(
            self.client.post(reverse("renstra-tambah", args=[self.a.slug]), data).status_code, 403
        )
        url = reverse("indikator-ubah", args=[self.a.slug, self.iku.pk])
        data = isian(self.client.get(url))
        self.assertEqual(self.client.post(url, data | {"polaritas": "turun"}).status_code, 403)
        self.assertEqual(self.client.post(url, data | {"penanggung_jawab": "Kabid"}).status_code, 302)
        self.assertEqual(Indikator.objects.get(pk=self.iku.pk).polaritas, "naik")

    def test_a_row_the_admin_creates_again_continues_the_deleted_rows_versions(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        basi = isian(self.client.get(url))
        self.kedua.post(url, isian(self.kedua.get(url)) | {sel_pk(self.iku): ""})
        Target.objects.create(indikator=self.iku, tahun=TAHUN, sumber="pk_murni", nilai=D(50))  # the admin
        self.assertEqual(self.client.post(url, basi | {sel_pk(self.iku): "19"}).status_code, 409)
        self.assertEqual(Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber="pk_murni").nilai, 50)

    def test_a_grid_that_changed_shape_since_it_was_opened_says_so_instead_of_saving_nothing(self):
        url = reverse("target-triwulan", args=[self.a.slug, TAHUN])
        data = isian(self.client.get(url))
        Target.objects.create(indikator=self.iku, tahun=TAHUN, sumber="pk_perubahan", nilai=D(20))
        kunci = next(k for k in data if k.startswith("nilai_") and k.endswith("_tw1"))
        r = self.client.post(url, data | {kunci: "4,5"})
        self.assertContains(r, "Susunan tabel", status_code=409)

    def test_a_figure_longer_than_every_database_keeps_exactly_is_refused(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        r = self.client.post(url, isian(self.client.get(url)) | {sel_pk(self.iku): "9.999.999.999.999.999"})
        self.assertContains(r, "paling banyak 15 angka")
        self.assertEqual(self.client.get(url).status_code, 200)


class IndukTerhapusTests(TransactionTestCase):
    """A row written under a parent someone deletes meanwhile: the database refuses it when
    the transaction commits; the person gets a conflict, not a 500 (needs real commits)."""

    def test_a_realisation_whose_indicator_was_deleted_meanwhile_is_a_conflict(self):
        a = buat_instansi("dinas-a")
        perencana, _, _ = buat_pemeran(a, buat_instansi("dinas-b"))
        iku = Indikator.objects.get(renstra__instansi=a, iku=True)
        self.client.force_login(perencana)
        url = reverse("realisasi", args=[a.slug, TAHUN, iku.pk]) + "?triwulan=3"
        data = isian(self.client.get(url)) | {"komponen_a": "9", "komponen_b": "100"}
        asli = versi._tulis

        def induk_terhapus(*args):
            Indikator.objects.filter(pk=iku.pk).delete()  # as another planner's deletion
            return asli(*args)

        with mock.patch.object(versi, "_tulis", induk_terhapus):
            r = self.client.post(url, data)
        self.assertContains(r, "induknya telah dihapus orang lain", status_code=409)
        self.assertTrue(Indikator.objects.filter(pk=iku.pk).exists())  # its deletion rolled back with it


class KonflikTampilTests(TahanTestCase):
    """Rough edge 3: the page shown with a conflict says what is stored, never the value it
    just refused, and who stored it."""

    def test_after_a_conflict_the_stored_line_shows_the_stored_value(self):
        url = reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk])
        basi = isian(self.client.get(url))
        data = isian(self.kedua.get(url)) | {"komponen_a": "80"}
        self.assertEqual(self.kedua.post(url, data).status_code, 302)
        r = self.client.post(url, basi | {"komponen_a": "99"})
        self.assertEqual(r.status_code, 409)
        halaman = r.content.decode()
        self.assertIn("tersimpan sekarang: <strong>80 / 393</strong>, diubah oleh perencana-a2", halaman)
        self.assertIn("Tersimpan: realisasi <strong>20,35</strong>", halaman)
        self.assertNotIn("<strong>99 / 393</strong>", halaman)
